/*
 * jmle-bench viewer: one page, four views, state in the URL hash so that every view can be shared:
 *   #/                         leaderboard            ?sort=COLUMN&dir=asc|desc
 *   #/model/ID                 one model's answers    ?block=A&result=incorrect&image=with&type=calculation&q=120A-5
 *   #/question/QID             all models on one question   ?models=ID,ID
 *   #/hardest                  questions by share of models right   ?block=&image=&type=
 *   #/matrix                   every pair of models compared        ?a=ID&b=ID (the opened cell: row a, column b)
 * Data comes from the server's JSON API (api/KEY) or, in a static report, from scripts (data/KEY.js) that
 * call JMLE.put: a page opened from disk may load scripts but not fetch files.
 * Model output reaches the page only as text nodes or as HTML the server rendered with escaping on.
 */
(() => {
  'use strict';

  // ---------------------------------------------------------------- data
  const SOURCE = document.body.dataset.source;
  const cache = new Map();
  const waiting = new Map();
  window.JMLE = {
    put(key, value) {
      const resolve = waiting.get(key);
      if (resolve) {
        waiting.delete(key);
        resolve(value);
      }
    },
  };

  function load(key) {
    if (cache.has(key)) return cache.get(key);
    const promise = SOURCE === 'static' ? loadScript(key) : fetch('api/' + urlPath(key)).then((r) => {
      if (!r.ok) throw new Error('api/' + key + ': ' + r.status + ' ' + r.statusText);
      return r.json();
    });
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
    return promise;
  }

  /**
   * A static report's document, from its script. The ids in a key come from the address (#/model/ID), and a
   * page opened from disk may run any script on the disk: so a key becomes part of a script URL only once
   * the index lists each of its ids ('#/model/..%2F..%2Fevil' must never load a script from elsewhere).
   */
  function loadScript(key) {
    const listed = key === 'index' ? Promise.resolve(true) : load('index').then((index) => isListed(index, key));
    return listed.then((ok) => new Promise((resolve, reject) => {
      if (!ok) throw new Error('no such document: ' + key);
      const src = 'data/' + urlPath(key) + '.js';
      waiting.set(key, resolve);
      const script = document.createElement('script');
      script.src = src;
      script.onerror = () => { waiting.delete(key); reject(new Error('cannot load ' + src)); };
      document.head.append(script);
    }));
  }

  /** The ids each kind of key holds after its name: model/ID, answer/ID/QID, pair/ID/ID, ... */
  const KEY_IDS = new Map([['pairs', []], ['model', ['models']], ['question', ['questions']],
    ['answer', ['models', 'questions']], ['pair', ['models', 'models']]]);

  function isListed(index, key) {
    const [kind, ...ids] = key.split('/');
    const lists = KEY_IDS.get(kind);
    return lists !== undefined && lists.length === ids.length
      && ids.every((id, i) => index[lists[i]].some((x) => x.id === id));
  }

  /** A key as a URL path: each part encoded, so that no id can add a segment or a query. */
  function urlPath(key) {
    return key.split('/').map(encodeURIComponent).join('/');
  }

  // ---------------------------------------------------------------- DOM helpers
  /** Builds an element; strings become text nodes. The only HTML ever set is the server's escaped Markdown. */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    setProps(el, props);
    appendAll(el, children);
    return el;
  }

  function setProps(el, props) {
    if (!props) return;
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'class') el.setAttribute('class', v);
      else if (k === 'safeHtml') el.innerHTML = v;
      else if (k === 'style') Object.assign(el.style, v);
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
  }

  /** Replaces an element's children; arrays are flattened, null and false skipped. */
  function fill(el, ...children) {
    el.replaceChildren();
    appendAll(el, children);
  }

  function appendAll(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : String(c));
    }
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v != null) el.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c == null) continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }

  const OUTCOME = {
    c: { cls: 'c', mark: '✓', label: 'correct' },
    i: { cls: 'i', mark: '✗', label: 'incorrect' },
    p: { cls: 'p', mark: '?', label: 'parse failure' },
    e: { cls: 'e', mark: '!', label: 'error' },
    '-': { cls: 'n', mark: '·', label: 'not attempted' },
  };
  // The exam's rules (blocks, which are required, pass marks, chart scales) come only from index.exam.
  const blockIds = (exam) => exam.blocks.map((b) => b.id);
  const isRequired = (exam, id) => exam.blocks.some((b) => b.id === id && b.required);
  const requiredIds = (exam) => exam.blocks.filter((b) => b.required).map((b) => b.id);
  const pct = (x) => (x * 100).toFixed(1) + '%';
  const ratio = (a, b) => (b ? a / b : 0);
  const answerText = (a) => (a && a.length ? a.join(',') : '—');
  // Not toLocaleString: its first call loads the browser's locale data, tens of milliseconds on a fresh page.
  const num = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const outcomeBadge = (o) => h('span', { class: 'badge ' + OUTCOME[o].cls }, OUTCOME[o].label);
  const passBadge = (p) => (p == null ? h('span', { class: 'badge n' }, 'n/a')
    : h('span', { class: 'badge ' + (p ? 'pass' : 'fail') }, p ? 'PASS' : 'FAIL'));
  const imageTag = () => h('span', { class: 'imgtag', title: 'has clinical images' }, 'IMG');
  const modelHref = (id, params) => hashOf('model', id, params);
  const questionHref = (id, params) => hashOf('question', id, params);

  // ---------------------------------------------------------------- routing
  function parseHash() {
    const raw = location.hash.replace(/^#/, '') || '/';
    const at = raw.indexOf('?');
    const path = at < 0 ? raw : raw.slice(0, at);
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    return { view: parts[0] || 'leaderboard', arg: parts.slice(1).join('/'), params: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
  }

  function hashOf(view, arg, params) {
    let s = '#/' + (view === 'leaderboard' ? '' : view) + (arg ? '/' + encodeURIComponent(arg) : '');
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v != null && v !== '') q.set(k, v);
    }
    const qs = q.toString().replace(/%2C/g, ',');
    return qs ? s + '?' + qs : s;
  }

  /** Changes some parameters of the current view, replacing the history entry (filters, selection). */
  function setParams(changes) {
    const r = parseHash();
    const params = Object.fromEntries(r.params);
    Object.assign(params, changes);
    location.replace(hashOf(r.view, r.arg, params));
  }

  let current = null;
  let renderToken = 0;
  let shownPath = null;

  async function render() {
    const r = parseHash();
    const token = ++renderToken;
    const main = document.getElementById('main');
    document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === r.view));
    try {
      const view = VIEWS[r.view];
      if (!view) throw new Error('no such view: ' + r.view);
      // Ask for the view's own data at once, not after the index has arrived: the requests overlap.
      if (view.prefetch) view.prefetch(r).forEach((key) => load(key).catch(() => {}));
      const index = await load('index');
      const key = view.key(r);
      if (current && current.key === key) {
        await current.update(r.params);
        return;
      }
      const started = performance.now();
      const made = await view.make(r, index);
      if (token !== renderToken) return;
      made.key = key;
      current = made;
      main.replaceChildren(made.el);
      // A new page starts at the top; a changed filter or sort of the same page keeps the reader's place.
      if (shownPath !== r.view + '/' + r.arg) window.scrollTo(0, 0);
      shownPath = r.view + '/' + r.arg;
      if (made.update) await made.update(r.params);
      // Visible in the browser's performance timeline (the benchmark prints it).
      performance.measure('view ' + r.view, { start: started });
      document.title = made.title + ' — jmle-bench viewer';
      // The jump menus are not needed for the first paint.
      setTimeout(() => setupNav(index), 0);
    } catch (e) {
      if (token !== renderToken) return;
      current = null;
      main.replaceChildren(h('div', { class: 'error-box' }, String(e.message || e)));
    }
  }

  // ---------------------------------------------------------------- top bar
  let navReady = false;
  function setupNav(index) {
    if (navReady) return;
    navReady = true;
    const select = document.getElementById('model-jump');
    for (const m of index.models) select.append(h('option', { value: m.id }, m.name));
    select.addEventListener('change', () => {
      if (select.value) location.hash = modelHref(select.value);
      select.value = '';
    });
    const list = document.getElementById('question-ids');
    for (const q of index.questions) list.append(h('option', { value: q.id }));
    const input = document.getElementById('question-jump');
    const jump = () => {
      const id = input.value.trim().toUpperCase().replace(/^(\d+)([A-Z])(\d+)$/, '$1$2-$3');
      if (index.questions.some((q) => q.id === id)) {
        location.hash = questionHref(id);
        input.value = '';
        input.blur();
      }
    };
    input.addEventListener('change', jump);
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') jump(); });
  }

  const THEMES = ['auto', 'light', 'dark'];
  function applyTheme(theme) {
    if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
    document.getElementById('theme-toggle').textContent = 'Theme: ' + theme;
  }
  function storedTheme() {
    try { return localStorage.getItem('jmle-bench-theme') || 'auto'; } catch (e) { return 'auto'; }
  }
  document.getElementById('theme-toggle').addEventListener('click', () => {
    const next = THEMES[(THEMES.indexOf(storedTheme()) + 1) % THEMES.length];
    try { localStorage.setItem('jmle-bench-theme', next); } catch (e) { /* private mode: this page only */ }
    applyTheme(next);
  });
  applyTheme(storedTheme());

  // ---------------------------------------------------------------- lightbox
  const lightbox = document.getElementById('lightbox');
  function enlarge(src, caption) {
    lightbox.querySelector('img').src = src;
    lightbox.querySelector('p').textContent = caption;
    lightbox.hidden = false;
  }
  lightbox.addEventListener('click', () => { lightbox.hidden = true; });

  // ---------------------------------------------------------------- keyboard
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { lightbox.hidden = true; return; }
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[e.key];
    if (step && current && current.move) {
      e.preventDefault();
      current.move(step);
    }
  });

  // ---------------------------------------------------------------- shared pieces
  function card(label, value, sub, extra) {
    return h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value, extra ? ' ' : null, extra),
      sub ? h('div', { class: 'sub' }, sub) : null);
  }

  function bar(fraction, thin) {
    return h('div', { class: 'bar' + (thin ? ' thin' : '') }, h('span', { style: { width: (Math.max(0, Math.min(1, fraction)) * 100).toFixed(2) + '%' } }));
  }

  function select(label, name, value, options) {
    const el = h('select', { name, 'aria-label': label }, options.map(([v, text]) => h('option', { value: v }, text)));
    el.value = value || '';
    el.addEventListener('change', () => setParams({ [name]: el.value, q: null }));
    return h('label', null, label, el);
  }

  /** Case context, question text and clinical images of one question document. */
  function questionContent(q) {
    const parts = [];
    if (q.context) {
      parts.push(h('details', { open: true, class: 'ctx' }, h('summary', null, 'Case (' + q.group + ', shared by ' + q.group_questions.join(', ') + ')'),
        h('div', { class: 'context ja', lang: 'ja' }, q.context)));
    }
    parts.push(h('div', { class: 'qtext ja', lang: 'ja' }, q.text));
    if (q.images.length) {
      parts.push(h('div', { class: 'images' }, q.images.map((name) => h('img', {
        src: 'images/' + encodeURIComponent(name), alt: name, title: name + ' (click to enlarge)', loading: 'lazy',
        onclick: () => enlarge('images/' + encodeURIComponent(name), name),
      }))));
    }
    return parts;
  }

  function answers(result, q) {
    const o = result.outcome;
    return h('div', { class: 'answers' },
      h('div', null, h('span', { class: 'k' }, 'Predicted'), h('span', { class: 'v ' + o, 'data-testid': 'predicted' }, answerText(result.predicted))),
      h('div', null, h('span', { class: 'k' }, 'Gold'), h('span', { class: 'v', 'data-testid': 'gold' }, answerText(q.gold))),
      h('div', null, h('span', { class: 'k' }, 'Result'), outcomeBadge(o)),
      h('div', null, h('span', { class: 'k' }, 'Points'), h('span', { class: 'v' }, String(q.points))));
  }

  /** Latency, attempts, finish reason and token usage, when the run recorded them. */
  function usage(extra) {
    if (!extra) return null;
    const items = [];
    if (typeof extra.latency_ms === 'number') items.push(['Latency', (extra.latency_ms / 1000).toFixed(2) + ' s']);
    if (extra.attempts != null) items.push(['Attempts', String(extra.attempts)]);
    if (extra.finish_reason != null) items.push(['Finish', String(extra.finish_reason)]);
    const flat = (obj, prefix) => {
      for (const [k, v] of Object.entries(obj || {})) {
        if (typeof v === 'number') items.push([(prefix + k).replace(/_tokens$/, ' tokens').replace(/_/g, ' '), num(v)]);
        else if (v && typeof v === 'object') flat(v, prefix + k.replace(/_tokens_details$|_details$/, '') + ' ');
      }
    };
    flat(extra.usage, '');
    if (!items.length) return null;
    return h('div', { class: 'usage', 'data-testid': 'usage' }, items.map(([k, v]) => h('span', null, k + ' ', h('b', null, v))));
  }

  /** Reasoning and raw response as safe Markdown, each switchable to plain text. */
  function responses(result) {
    const parts = [];
    if (result.error) parts.push(h('h3', null, 'Error'), h('div', { class: 'error-text' }, result.error));
    const box = (title, text, html, cls, open) => {
      const body = h('div', { class: 'md', lang: 'ja', safeHtml: html || '' });
      const plain = h('pre', { class: 'plain', lang: 'ja', hidden: true }, text);
      const toggle = h('button', { class: 'toggle-plain', type: 'button', title: 'Show the text exactly as the model wrote it' }, 'plain text');
      toggle.addEventListener('click', (e) => {
        e.preventDefault();
        plain.hidden = !plain.hidden;
        body.hidden = !plain.hidden;
        toggle.textContent = plain.hidden ? 'plain text' : 'Markdown';
      });
      return h('details', { open, class: 'resp ' + cls }, h('summary', null, title + ' (' + num(text.length) + ' chars)', toggle),
        h('div', { class: 'response-box ' + cls }, body, plain));
    };
    if (result.reasoning != null) parts.push(box('Reasoning', result.reasoning, result.reasoning_html, 'reasoning', true));
    if (result.raw_response != null && !result.error) parts.push(box('Raw response', result.raw_response, result.raw_response_html, 'raw', true));
    return parts;
  }

  // ---------------------------------------------------------------- leaderboard
  const COLUMNS = [
    { key: 'rank', label: '#', num: true, value: (m) => m.rank, dir: 'asc' },
    { key: 'model', label: 'Model', value: (m) => m.name.toLowerCase(), dir: 'asc' },
    { key: 'vision', label: 'Vision', value: (m) => (m.vision ? 1 : 0), dir: 'desc' },
    { key: 'score', label: 'Score', num: true, value: (m) => m.summary.score, dir: 'desc' },
    { key: 'pct', label: 'Score %', value: (m) => m.summary.score_pct, dir: 'desc' },
    { key: 'correct', label: 'Correct', num: true, value: (m) => m.summary.accuracy, dir: 'desc' },
    { key: 'required', label: 'Required', num: true, value: (m) => m.summary.required_score, dir: 'desc' },
    { key: 'general', label: 'General', num: true, value: (m) => m.summary.general_score, dir: 'desc' },
    { key: 'pass', label: 'Pass', value: (m) => (m.summary.passed ? 1 : 0), dir: 'desc' },
    { key: 'ppass', label: 'P(pass)', num: true, value: (m) => (m.stats.pass_probability == null ? -1 : m.stats.pass_probability), dir: 'desc' },
  ];
  const ciText = (text) => h('span', { class: 'ci', title: '95% confidence interval (bootstrap over questions)' }, '[' + text + ']');

  function leaderboard(r, index) {
    const models = index.models;
    const exam = index.exam;
    const c = exam.pass;
    const top = models[0];
    const passing = models.filter((m) => m.summary.passed).length;
    const withImage = index.questions.filter((q) => q.image).length;
    const sortKey = COLUMNS.some((col) => col.key === r.params.get('sort')) ? r.params.get('sort') : 'rank';
    const col = COLUMNS.find((x) => x.key === sortKey);
    const dir = r.params.get('dir') === 'asc' || r.params.get('dir') === 'desc' ? r.params.get('dir') : col.dir;
    const sorted = [...models].sort((a, b) => {
      const x = col.value(a); const y = col.value(b);
      const d = x < y ? -1 : x > y ? 1 : 0;
      return (dir === 'asc' ? d : -d) || a.rank - b.rank;
    });

    const head = h('tr', null, COLUMNS.map((x) => h('th', {
      class: 'sortable' + (x.num ? ' num' : ''), 'data-sort': x.key, title: 'Sort by ' + x.label,
      onclick: () => setParams({ sort: x.key, dir: x.key === sortKey ? (dir === 'asc' ? 'desc' : 'asc') : x.dir }),
    }, x.label, x.key === sortKey ? h('span', { class: 'arrow' }, dir === 'asc' ? ' ▲' : ' ▼') : null)));
    const rows = sorted.map((m) => {
      const s = m.summary;
      return h('tr', { 'data-model': m.id },
        h('td', { class: 'num' }, String(m.rank)),
        h('td', null, h('a', { href: modelHref(m.id) }, m.name), h('div', { class: 'muted' }, m.model)),
        h('td', null, m.vision ? '✓' : '-'),
        h('td', { class: 'num' }, s.score + '/' + s.score_max),
        h('td', null, h('div', { class: 'pct-cell' }, h('span', { class: 'num', 'data-testid': 'score-pct' }, s.score_pct_text, ' ',
          h('span', { 'data-testid': 'score-ci' }, ciText(m.stats.score_pct_ci_text))), bar(s.score_pct))),
        h('td', { class: 'num', title: 'Wilson 95% CI: ' + m.stats.accuracy_wilson_ci_text }, s.correct + '/' + s.attempted + ' ', h('span', { class: 'muted' }, '(' + s.accuracy_text + ')'), ' ',
          h('span', { 'data-testid': 'accuracy-ci' }, ciText(m.stats.accuracy_ci_text))),
        h('td', { class: 'num' }, s.required_score + '/' + s.required_score_max + ' ', passBadge(s.required_pass)),
        h('td', { class: 'num' }, s.general_score + '/' + s.general_score_max + ' ', passBadge(s.general_pass)),
        h('td', null, passBadge(s.required_pass == null || s.general_pass == null ? null : s.passed)),
        h('td', { class: 'num', 'data-testid': 'pass-probability', title: passTitle(m.stats, index.bootstrap) }, m.stats.pass_probability_text));
    });

    const el = h('div', null,
      h('h1', null, 'Leaderboard'),
      h('div', { class: 'muted' }, 'Japanese Medical Licensing Examination, exam ' + exam.id + ': ' + index.questions.length + ' questions (' + withImage
        + ' with images), scored out of ' + exam.score_max + '. Pass: required ≥ ' + c.required_min + '/' + c.required_max + ' and general ≥ ' + c.general_min + '/' + c.general_max + '.'),
      h('div', { class: 'cards' },
        card('Top score', top ? top.summary.score + '/' + top.summary.score_max : '—', top ? top.name + ' · ' + top.summary.score_pct_text : null),
        card('Models passing', passing + ' of ' + models.length, 'both required and general criteria'),
        card('Best accuracy', top ? top.summary.accuracy_text : '—', top ? top.summary.correct + '/' + top.summary.attempted + ' correct' : null),
        card('Questions', String(index.questions.length), withImage + ' with clinical images')),
      h('div', { class: 'panel' }, h('table', { class: 'leaderboard', 'data-testid': 'leaderboard' }, h('thead', null, head), h('tbody', null, rows)),
        h('p', { class: 'note' }, 'Brackets: 95% confidence intervals from a stratified bootstrap over the questions (' + num(index.bootstrap.resamples) + ' resamples, fixed seed). '
          + 'P(pass): the share of resamples in which both the required and the general criterion hold. Whether two models really differ: ', h('a', { href: '#/matrix' }, 'pairwise comparisons →'))),
      h('div', { class: 'grid-2 charts' },
        h('div', { class: 'panel' }, h('h2', null, 'Score: all questions vs text-only'), scoreChart(models, exam)),
        h('div', { class: 'panel' }, h('h2', null, 'Accuracy by block'), heatMap(models, exam))));
    return { el, title: 'Leaderboard' };
  }

  /** Horizontal bars per model: score % on all questions and on the text-only ones, with the pass line. */
  function scoreChart(models, exam) {
    const passPct = exam.pass_line;
    const lo = exam.score_axis_start;
    const W = 560; const left = 170; const right = 50; const rowH = 30; const top = 8;
    const H = top + models.length * rowH + 30;
    const x = (v) => left + ((v - lo) / (1 - lo)) * (W - left - right);
    const ticks = [];
    for (let t = lo; t <= 1.0001; t += 0.05) ticks.push(t);
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Score by model, all questions and text-only', 'data-testid': 'score-chart' },
      ticks.map((t) => [svg('line', { class: 'grid-line', x1: x(t), x2: x(t), y1: top, y2: H - 22 }),
        svg('text', { x: x(t), y: H - 8, 'text-anchor': 'middle', class: 'muted-text' }, Math.round(t * 100) + '%')]),
      models.map((m, i) => {
        const y = top + i * rowH;
        const s = m.summary;
        return svg('a', { href: modelHref(m.id) },
          svg('text', { x: left - 8, y: y + 15, 'text-anchor': 'end' }, m.name.length > 26 ? m.name.slice(0, 25) + '…' : m.name),
          svg('rect', { class: 'bar-all', x: left, y: y + 3, width: Math.max(0, x(s.score_pct) - left), height: 11, rx: 2 },
            svg('title', null, m.name + ': ' + s.score + '/' + s.score_max + ' (' + s.score_pct_text + ')')),
          svg('rect', { class: 'bar-text', x: left, y: y + 15, width: Math.max(0, x(s.text_only_score_pct) - left), height: 9, rx: 2 },
            svg('title', null, m.name + ' text-only: ' + s.text_only_score + '/' + s.text_only_score_max + ' (' + s.text_only_score_pct_text + ')')),
          m.stats.score_pct_ci ? errorBar(x(m.stats.score_pct_ci[0]), x(m.stats.score_pct_ci[1]), y + 8.5, m.name + ' score 95% CI: ' + m.stats.score_pct_ci_text + '%') : null,
          svg('text', { x: Math.max(x(s.score_pct), x(m.stats.score_pct_ci ? m.stats.score_pct_ci[1] : 0)) + 4, y: y + 13, class: 'muted-text' }, s.score_pct_text));
      }),
      svg('line', { class: 'pass-line', x1: x(passPct), x2: x(passPct), y1: top - 4, y2: H - 22 }),
      svg('line', { class: 'axis-line', x1: left, x2: left, y1: top, y2: H - 22 }));
    return [h('div', { class: 'legend' }, h('span', null, h('i', { class: 'all' }), 'all questions'), h('span', null, h('i', { class: 'ci' }), '95% CI'),
      h('span', null, h('i', { class: 'text' }), 'text-only questions'),
      h('span', null, h('i', { class: 'pass' }), 'pass line ' + pct(passPct) + ' = ' + exam.pass_line_points
        + ' (both parts must pass separately)')), chart];
  }

  /** A horizontal interval with end caps. */
  function errorBar(x1, x2, y, label) {
    return svg('g', { class: 'ci-bar' }, svg('title', null, label),
      svg('line', { x1, x2, y1: y, y2: y }), svg('line', { x1, x2: x1, y1: y - 4, y2: y + 4 }), svg('line', { x1: x2, x2, y1: y - 4, y2: y + 4 }));
  }

  function passTitle(stats, bootstrap) {
    return stats.pass_probability == null ? 'not judged: the run does not cover a whole part of the exam'
      : 'P(pass) = ' + stats.pass_probability + ': share of ' + num(bootstrap.resamples) + ' bootstrap resamples in which both criteria hold';
  }

  function heatColor(acc, lo) {
    const t = Math.max(0, Math.min(1, (acc - lo) / (1 - lo)));
    return `hsla(${Math.round(t * 130)}, 70%, 48%, 0.5)`;
  }

  /** Models × blocks, each cell the block accuracy; a cell opens that model filtered to the block. */
  function heatMap(models, exam) {
    const examBlocks = blockIds(exam);
    const lo = exam.heat_map_start;
    const left = 170; const cw = 58; const rowH = 26; const top = 22;
    const W = left + cw * examBlocks.length + 4; const H = top + models.length * rowH + 4;
    return [h('div', { class: 'legend' }, h('span', null, 'cell: correct share of the block; ' + requiredIds(exam).join(' and ') + ' are the required blocks; click to list that block')),
      svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Accuracy by block and model', 'data-testid': 'heat-map' },
        examBlocks.map((b, j) => svg('text', { x: left + j * cw + cw / 2, y: 14, 'text-anchor': 'middle', 'font-weight': 600 }, b + (isRequired(exam, b) ? ' (req.)' : ''))),
        models.map((m, i) => {
          const y = top + i * rowH;
          return [svg('text', { x: left - 8, y: y + 17, 'text-anchor': 'end' }, m.name.length > 26 ? m.name.slice(0, 25) + '…' : m.name),
            examBlocks.map((b, j) => {
              const t = m.summary.by_block[b];
              if (!t) return null;
              return svg('a', { href: modelHref(m.id, { block: b }) },
                svg('rect', { x: left + j * cw + 1, y: y + 1, width: cw - 2, height: rowH - 2, rx: 3, fill: heatColor(t.accuracy, lo) },
                  svg('title', null, `${m.name}, block ${b}: ${t.correct}/${t.total} (${pct(t.accuracy)})`)),
                svg('text', { x: left + j * cw + cw / 2, y: y + 17, 'text-anchor': 'middle' }, pct(t.accuracy)));
            })];
        }))];
  }

  // ---------------------------------------------------------------- per model
  /** A question and one model's answer to it (null when the model did not answer it). */
  function selectedDocs(model, qid) {
    return [load('question/' + qid), answerDoc(model, qid)];
  }

  function answerDoc(model, qid) {
    return load('answer/' + model + '/' + qid).catch(() => null);
  }

  const RESULT_FILTERS = {
    correct: (o) => o === 'c', incorrect: (o) => o === 'i', parse: (o) => o === 'p', error: (o) => o === 'e', wrong: (o) => o === 'i' || o === 'p' || o === 'e',
  };

  function filterOf(params) {
    return { block: params.get('block') || '', result: params.get('result') || '', image: params.get('image') || '', type: params.get('type') || '' };
  }

  function matches(f, q, o) {
    return (!f.block || q.block === f.block)
      && (!f.result || (RESULT_FILTERS[f.result] || (() => true))(o))
      && (!f.image || (f.image === 'with') === q.image)
      && (!f.type || q.type === f.type);
  }

  function median(values) {
    if (!values.length) return null;
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  }

  async function modelPage(r, index) {
    const m = index.models.find((x) => x.id === r.arg);
    if (!m) throw new Error('no model "' + r.arg + '" in these results');
    const f = filterOf(r.params);
    // The index knows which question is shown first: ask for it now, alongside the model's document.
    const first = index.questions.find((q, i) => matches(f, q, m.outcomes[i]));
    const shownFirst = r.params.get('q') || (first ? first.id : null);
    if (shownFirst) selectedDocs(m.id, shownFirst);
    const doc = await load('model/' + m.id);
    const s = m.summary;
    const c = index.exam.pass;
    const examBlocks = blockIds(index.exam);
    const rows = index.questions.map((q, i) => ({ q, res: doc.results[i], o: m.outcomes[i] })).filter((x) => matches(f, x.q, x.o));
    const right = rows.filter((x) => x.o === 'c');
    const pts = (xs) => xs.reduce((n, x) => n + x.q.points, 0);
    const latencies = doc.results.map((x) => x.latency_ms).filter((x) => x != null);
    const tokens = doc.results.map((x) => x.tokens).filter((x) => x != null);

    const blocks = h('div', { class: 'blocks' }, examBlocks.filter((b) => s.by_block[b]).map((b) => {
      const t = s.by_block[b];
      return h('div', { class: 'block' + (f.block === b ? ' active' : ''), 'data-block': b, title: 'List block ' + b, onclick: () => setParams({ block: f.block === b ? null : b, q: null }) },
        h('div', { class: 'name' }, b, ' ', h('small', null, isRequired(index.exam, b) ? 'required' : 'general')),
        h('div', { class: 'figs' }, t.correct + '/' + t.total + ' · ' + pct(t.accuracy)), bar(t.accuracy, true));
    }));

    const listEl = h('div', { class: 'qlist', 'data-testid': 'question-list' });
    const rowEls = new Map();
    for (const x of rows) {
      const o = OUTCOME[x.o];
      const row = h('div', { class: 'qrow', 'data-q': x.q.id, title: o.label, onclick: () => setParams({ q: x.q.id }) },
        h('span', { class: 'mark ' + o.cls }, o.mark),
        h('span', { class: 'qid' }, x.q.id.replace(/^\d+/, '')),
        h('span', { class: 'snip ja', lang: 'ja' }, x.q.image ? imageTag() : null, x.q.snippet),
        h('span', { class: 'ans' }, answerText(x.res.predicted), h('span', { class: 'muted' }, ' / ' + answerText(x.q.gold))));
      rowEls.set(x.q.id, row);
      listEl.append(row);
    }
    if (!rows.length) listEl.append(h('div', { class: 'empty' }, 'No question matches these filters.'));
    const detail = h('div', { class: 'detail', 'data-testid': 'detail' });

    const el = h('div', null,
      h('h1', null, m.name),
      h('div', { class: 'muted' }, m.model + ' · ' + m.image_mode + ' · ' + (doc.metadata.timestamp || '') + ' · ' + (doc.metadata.base_url || '') + ' · ' + m.file
        + (doc.metadata.extra_body ? ' · extra body ' + JSON.stringify(doc.metadata.extra_body) : '')),
      h('div', { class: 'cards' },
        card('Score', s.score + '/' + s.score_max, [h('span', { 'data-testid': 'score-ci' }, s.score_pct_text + ' [' + m.stats.score_pct_ci_text + ']'),
          (m.stats.score_ci ? ' · ' + m.stats.score_ci[0] + '–' + m.stats.score_ci[1] + ' points' : '') + ' · rank ' + m.rank + ' of ' + index.models.length], s.required_pass == null ? null : passBadge(s.passed)),
        card('Accuracy', s.accuracy_text, [h('span', { 'data-testid': 'accuracy-ci' }, '95% CI ' + m.stats.accuracy_ci_text + (m.stats.accuracy_ci ? '%' : '')), ' (Wilson ' + m.stats.accuracy_wilson_ci_text + ') · '
          + s.correct + '/' + s.attempted + ' correct · ' + s.parse_failures + ' parse failures · ' + s.errors + ' errors']),
        card('P(pass)', h('span', { 'data-testid': 'pass-probability', title: passTitle(m.stats, index.bootstrap) }, m.stats.pass_probability_text),
          m.stats.pass_probability == null ? 'not judged: the run does not cover a whole part of the exam'
            : 'probability of passing: the share of ' + num(index.bootstrap.resamples) + ' bootstrap resamples in which both criteria hold'),
        card('Required', s.required_score + '/' + s.required_score_max, 'pass at ≥ ' + c.required_min, passBadge(s.required_pass)),
        card('General', s.general_score + '/' + s.general_score_max, 'pass at ≥ ' + c.general_min, passBadge(s.general_pass)),
        latencies.length ? card('Median latency', (median(latencies) / 1000).toFixed(1) + ' s', latencies.length + ' requests timed') : null,
        tokens.length ? card('Tokens', num(tokens.reduce((a, b) => a + b, 0)), 'total over ' + tokens.length + ' answers') : null),
      h('h2', null, 'By block'), blocks,
      h('div', { class: 'filters' },
        select('Block', 'block', f.block, [['', 'all']].concat(examBlocks.map((b) => [b, b]))),
        select('Result', 'result', f.result, [['', 'all'], ['correct', 'correct'], ['incorrect', 'incorrect'], ['parse', 'parse failure'], ['error', 'error'], ['wrong', 'not correct (any)']]),
        select('Image', 'image', f.image, [['', 'all'], ['with', 'with image'], ['without', 'text only']]),
        select('Type', 'type', f.type, [['', 'all'], ['multiple_choice', 'choice'], ['calculation', 'calculation']]),
        h('span', { class: 'filter-stats', 'data-testid': 'filter-stats' },
          h('b', null, String(rows.length)), ' questions · score ', h('b', null, pts(right) + '/' + pts(rows)),
          ' · accuracy ', h('b', null, right.length + '/' + rows.length + ' (' + pct(ratio(right.length, rows.length)) + ')'))),
      h('div', { class: 'split' }, listEl, detail));

    let selected = null;
    async function update(params) {
      const want = params.get('q');
      const id = want && index.questions.some((q) => q.id === want) ? want : rows.length ? rows[0].q.id : null;
      if (!id) { fill(detail, h('div', { class: 'empty' }, 'Nothing selected.')); return; }
      if (selected) rowEls.get(selected)?.classList.remove('selected');
      selected = id;
      const row = rowEls.get(id);
      if (row) { row.classList.add('selected'); row.scrollIntoView({ block: 'nearest' }); }
      const asked = performance.now();
      const [qdoc, adoc] = await Promise.all(selectedDocs(m.id, id));
      if (selected !== id) return;
      const result = adoc || qdoc.results.find((x) => x.run === m.id);
      const q = qdoc.question;
      const others = qdoc.results.filter((x) => x.outcome === 'c').length;
      fill(detail,
        h('div', { class: 'detail-head' }, h('h2', { 'data-testid': 'question-id' }, q.id), h('span', { class: 'badge tag' }, 'block ' + q.block + (q.required ? ' · required' : '')),
          h('span', { class: 'badge tag' }, q.type === 'calculation' ? 'calculation' : 'choose ' + q.choose), outcomeBadge(result.outcome),
          h('span', { class: 'spacer' }), h('a', { href: questionHref(q.id), 'data-testid': 'compare-link' }, others + '/' + qdoc.results.length + ' models right · compare →')),
        answers(result, q), usage(result.extra), questionContent(q), adoc ? responses(adoc) : null);
      performance.measure('question detail ' + id, { start: asked });
    }
    function move(step) {
      if (!rows.length) return;
      const at = rows.findIndex((x) => x.q.id === selected);
      const next = rows[Math.max(0, Math.min(rows.length - 1, (at < 0 ? 0 : at + step)))];
      setParams({ q: next.q.id });
    }
    return { el, update, move, title: m.name };
  }

  // ---------------------------------------------------------------- per question
  async function questionPage(r, index) {
    const qi = index.questions.findIndex((q) => q.id === r.arg);
    if (qi < 0) throw new Error('no question "' + r.arg + '" in this exam');
    const doc = await load('question/' + r.arg);
    const q = doc.question;
    const byId = new Map(index.models.map((m) => [m.id, m]));
    const answerDocs = new Map();
    const results = doc.results.filter((x) => byId.has(x.run));
    const attempted = results.filter((x) => x.outcome !== '-');
    const right = attempted.filter((x) => x.outcome === 'c');
    let chosen = (r.params.get('models') || '').split(',').filter((id) => byId.has(id));
    if (!r.params.has('models')) {
      const wrong = attempted.filter((x) => x.outcome !== 'c');
      chosen = wrong.concat(right).slice(0, 3).map((x) => x.run);
    }
    const counts = new Map();
    for (const x of attempted) {
      const k = answerText(x.predicted);
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    const gold = answerText(q.gold);
    const prev = index.questions[qi - 1];
    const next = index.questions[qi + 1];
    const keep = r.params.has('models') ? { models: chosen.join(',') } : {};
    const texts = await Promise.all(chosen.map((id) => answerDoc(id, q.id)));
    chosen.forEach((id, i) => answerDocs.set(id, texts[i]));
    const toggle = (id, on) => {
      const set = new Set(chosen);
      if (on) set.add(id); else set.delete(id);
      setParams({ models: results.filter((x) => set.has(x.run)).map((x) => x.run).join(',') });
    };

    const el = h('div', null,
      h('div', { class: 'detail-head' }, h('h1', null, q.id),
        h('span', { class: 'badge tag' }, 'block ' + q.block + (q.required ? ' · required' : '')), h('span', { class: 'badge tag' }, q.points + (q.points === 1 ? ' point' : ' points')),
        h('span', { class: 'badge tag' }, q.type === 'calculation' ? 'calculation' : 'choose ' + q.choose),
        h('span', { class: 'spacer' }),
        prev ? h('a', { href: questionHref(prev.id, keep) }, '← ' + prev.id) : null, next ? h('a', { href: questionHref(next.id, keep) }, next.id + ' →') : null),
      h('div', { class: 'detail' }, questionContent(q),
        h('div', { class: 'answers' }, h('div', null, h('span', { class: 'k' }, 'Gold'), h('span', { class: 'v c', 'data-testid': 'question-gold' }, gold)),
          h('div', null, h('span', { class: 'k' }, 'Models right'), h('span', { class: 'v', 'data-testid': 'models-right' }, right.length + ' of ' + attempted.length))),
        h('div', { class: 'dist' }, [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) =>
          h('span', { class: 'chip' + (k === gold ? ' gold' : '') }, k + ' — ' + n + (n === 1 ? ' model' : ' models'))))),
      h('h2', null, 'Answers'),
      h('div', { class: 'panel' }, h('table', { class: 'picker', 'data-testid': 'answers-table' },
        h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'Model'), h('th', null, 'Predicted'), h('th', null, 'Result'), h('th', null, ''))),
        h('tbody', null, results.map((x) => {
          const box = h('input', { type: 'checkbox', 'aria-label': 'show ' + byId.get(x.run).name + ' side by side', 'data-model': x.run });
          box.checked = chosen.includes(x.run);
          box.addEventListener('change', () => toggle(x.run, box.checked));
          return h('tr', null, h('td', null, box), h('td', null, h('a', { href: modelHref(x.run, { q: q.id }) }, byId.get(x.run).name)),
            h('td', { class: 'answer' }, answerText(x.predicted)), h('td', null, outcomeBadge(x.outcome)), h('td', null, usage(x.extra)));
        })))),
      h('h2', null, 'Side by side'),
      chosen.length ? h('div', { class: 'side', 'data-testid': 'side-by-side' }, chosen.map((id) => {
        const x = results.find((y) => y.run === id);
        return h('div', { class: 'col', 'data-model': id }, h('h3', null, h('a', { href: modelHref(id, { q: q.id }) }, byId.get(id).name)),
          answers(x, q), answerDocs.get(id) ? responses(answerDocs.get(id)) : null);
      })) : h('div', { class: 'empty' }, 'Tick models above to compare their answers.'));
    const move = (step) => {
      const to = index.questions[qi + step];
      if (to) location.hash = questionHref(to.id, keep);
    };
    return { el, move, title: q.id };
  }

  // ---------------------------------------------------------------- hardest questions
  function hardest(r, index) {
    const f = filterOf(r.params);
    const models = index.models;
    const examBlocks = blockIds(index.exam);
    const rows = index.questions.map((q, i) => {
      const outcomes = models.map((m) => m.outcomes[i]);
      const n = outcomes.filter((o) => o !== '-').length;
      const k = outcomes.filter((o) => o === 'c').length;
      return { q, i, outcomes, n, k, share: ratio(k, n) };
    }).filter((x) => x.n > 0 && matches({ ...f, result: '' }, x.q, 'c'));
    rows.sort((a, b) => a.share - b.share || b.q.points - a.q.points || a.i - b.i);
    const none = rows.filter((x) => x.k === 0).length;
    const half = rows.filter((x) => x.share <= 0.5).length;
    const el = h('div', null,
      h('h1', null, 'Hardest questions'),
      h('div', { class: 'muted' }, 'Questions ranked by the share of models that answered them correctly; the ones every model missed come first.'),
      h('div', { class: 'cards' },
        card('Missed by every model', String(none), 'of ' + rows.length + ' questions shown'),
        card('Right by at most half', String(half), 'of ' + models.length + ' models'),
        card('Models', String(models.length), 'squares below: one per model, in leaderboard order')),
      h('div', { class: 'filters' },
        select('Block', 'block', f.block, [['', 'all']].concat(examBlocks.map((b) => [b, b]))),
        select('Image', 'image', f.image, [['', 'all'], ['with', 'with image'], ['without', 'text only']]),
        select('Type', 'type', f.type, [['', 'all'], ['multiple_choice', 'choice'], ['calculation', 'calculation']])),
      h('div', { class: 'panel' }, h('table', { 'data-testid': 'hardest' },
        h('thead', null, h('tr', null, ['#', 'Question', 'Block', 'Points', 'Gold', 'Models right', 'Per model', 'Question text'].map((t) => h('th', null, t)))),
        h('tbody', null, rows.map((x, n) => h('tr', { 'data-q': x.q.id },
          h('td', { class: 'num' }, String(n + 1)),
          h('td', null, h('a', { href: questionHref(x.q.id) }, x.q.id), x.q.image ? [' ', imageTag()] : null),
          h('td', null, x.q.block),
          h('td', { class: 'num' }, String(x.q.points)),
          h('td', { class: 'num' }, answerText(x.q.gold)),
          h('td', null, h('div', { class: 'pct-cell' }, h('span', { class: 'num' }, x.k + '/' + x.n), bar(x.share, true))),
          h('td', { class: 'num' }, x.outcomes.map((o, j) => h('a', { href: modelHref(models[j].id, { q: x.q.id }), class: 'mark ' + OUTCOME[o].cls, title: models[j].name + ': ' + OUTCOME[o].label }, OUTCOME[o].mark))),
          h('td', { class: 'snip ja', lang: 'ja' }, x.q.snippet)))))));
    return { el, title: 'Hardest questions' };
  }

  // ---------------------------------------------------------------- pairwise comparisons
  const signed = (n) => (n > 0 ? '+' + n : n < 0 ? '−' + -n : '0');
  const pText = (p) => (p < 0.0001 ? '< 0.0001' : String(p));
  /** Short enough for a matrix cell: two significant digits. */
  const pShort = (p) => (p < 0.001 ? '< 0.001' : String(Number(p.toPrecision(2))));

  /**
   * A pair of the comparisons seen from row model X against column model Y: the documents orient each pair
   * with A the higher-ranked run, so a cell below the diagonal reads the pair flipped.
   */
  function pairIndex(doc) {
    const byIds = new Map();
    for (const p of doc.pairs) {
      const a = doc.runs[p.a_rank - 1].id;
      const b = doc.runs[p.b_rank - 1].id;
      byIds.set(a + ' ' + b, { p, a, b, flipped: false });
      byIds.set(b + ' ' + a, { p, a, b, flipped: true });
    }
    return (x, y) => byIds.get(x + ' ' + y);
  }

  function seenFromRow(cell) {
    const p = cell.p;
    return cell.flipped
      ? { xRight: p.a_wrong_b_right, yRight: p.a_right_b_wrong, diff: -p.score_difference, ci: [-p.score_difference_ci[1], -p.score_difference_ci[0]] }
      : { xRight: p.a_right_b_wrong, yRight: p.a_wrong_b_right, diff: p.score_difference, ci: p.score_difference_ci };
  }

  function verdictClass(p, v) {
    if (!p.distinguishable) return 'same';
    return v.xRight > v.yRight ? 'better' : 'worse';
  }

  async function matrix(r, index) {
    const models = index.models;
    // No document when fewer than two runs have answers to compare.
    const doc = models.length < 2 ? null : await load('pairs').catch(() => null);
    if (!doc) {
      return { el: h('div', null, h('h1', null, 'Pairwise comparisons'), h('div', { class: 'empty' }, 'Comparisons need at least two result files with answers.')), title: 'Pairwise comparisons' };
    }
    const cellOf = pairIndex(doc);
    const short = (name) => (name.length > 22 ? name.slice(0, 21) + '…' : name);
    const cells = new Map();
    const table = h('table', { class: 'matrix', 'data-testid': 'matrix' },
      h('thead', null, h('tr', null, h('th', { class: 'corner' }, 'row vs column'), models.map((m) => h('th', { class: 'colhead', title: m.name }, h('span', null, '#' + m.rank), h('div', null, short(m.name)))))),
      h('tbody', null, models.map((x) => h('tr', { 'data-model': x.id },
        h('th', { class: 'rowhead' }, h('a', { href: modelHref(x.id) }, '#' + x.rank + ' ' + x.name)),
        models.map((y) => {
          if (x.id === y.id) return h('td', { class: 'diag' }, '—');
          const c = cellOf(x.id, y.id);
          const v = seenFromRow(c);
          const cls = verdictClass(c.p, v);
          const td = h('td', {
            class: 'cell ' + cls, 'data-a': x.id, 'data-b': y.id, 'data-verdict': c.p.distinguishable ? 'distinguishable' : 'not-distinguishable', tabindex: 0,
            title: `${x.name} vs ${y.name}: ${v.xRight} questions only ${x.name} got right, ${v.yRight} only ${y.name}; score difference ${signed(v.diff)} [${signed(v.ci[0])}, ${signed(v.ci[1])}]; Holm p ${pText(c.p.holm_p)}: `
              + (c.p.distinguishable ? 'distinguishable' : 'not distinguishable'),
            onclick: () => setParams({ a: x.id, b: y.id }),
            onkeydown: (e) => { if (e.key === 'Enter') setParams({ a: x.id, b: y.id }); },
          }, h('div', { class: 'counts' }, v.xRight + ' : ' + v.yRight), h('div', { class: 'p' }, 'p ' + pShort(c.p.holm_p)));
          cells.set(x.id + ' ' + y.id, td);
          return td;
        })))));
    const neighbours = doc.neighbours.filter((n) => n.distinguishable).length;
    const distinguishable = doc.pairs.filter((p) => p.distinguishable).length;
    const detail = h('div', { class: 'pair-detail', 'data-testid': 'pair-detail' });
    const el = h('div', null,
      h('h1', null, 'Pairwise comparisons'),
      h('div', { class: 'muted' }, 'Each pair of models on the questions both answered. A cell reads row : column — the questions only the row model got right, and only the column model — '
        + 'then the exact McNemar p-value, Holm-adjusted over all ' + doc.pairs.length + ' pairs. At p ≤ ' + doc.alpha + ' the two are distinguishable: green where the row model is better, red where it is worse; grey cells could be noise. Click a cell for the details.'),
      h('div', { class: 'cards' },
        card('Distinguishable pairs', distinguishable + ' of ' + doc.pairs.length, 'Holm-adjusted p ≤ ' + doc.alpha),
        card('Leaderboard neighbours', neighbours + ' of ' + doc.neighbours.length, 'distinguishable from the model ranked just below'),
        card('Bootstrap', num(doc.bootstrap.resamples), 'paired resamples per pair, seed ' + doc.bootstrap.seed)),
      h('div', { class: 'legend' }, h('span', null, h('i', { class: 'better' }), 'row better (distinguishable)'), h('span', null, h('i', { class: 'worse' }), 'row worse (distinguishable)'),
        h('span', null, h('i', { class: 'same' }), 'not distinguishable')),
      h('div', { class: 'panel matrix-wrap' }, table),
      detail);

    let open = null;
    async function update(params) {
      const a = params.get('a');
      const b = params.get('b');
      const c = a && b && a !== b ? cellOf(a, b) : null;
      if (open) open.classList.remove('selected');
      open = c ? cells.get(a + ' ' + b) : null;
      if (!c) { fill(detail, h('div', { class: 'empty' }, 'Click a cell to see where two models differ.')); return; }
      open.classList.add('selected');
      const full = await load('pair/' + c.a + '/' + c.b);
      if (open !== cells.get(a + ' ' + b)) return;
      fill(detail, pairDetail(index, c, full));
    }
    return { el, update, title: 'Pairwise comparisons' };
  }

  /** One pair in full, from the row model's side: score difference with its interval, per block, the questions where they differ. */
  function pairDetail(index, c, full) {
    const byId = new Map(index.models.map((m) => [m.id, m]));
    const [x, y] = c.flipped ? [byId.get(c.b), byId.get(c.a)] : [byId.get(c.a), byId.get(c.b)];
    const v = seenFromRow(c);
    const flip = (side) => (c.flipped ? (side === 'a' ? 'b' : 'a') : side);
    const xs = full[flip('a') + '_score'];
    const ys = full[flip('b') + '_score'];
    const models = x.id + ',' + y.id;
    return [
      h('h2', { 'data-testid': 'pair-title' }, x.name + ' vs ' + y.name),
      h('div', { class: 'cards' },
        card('Score difference', h('span', { 'data-testid': 'pair-difference' }, signed(v.diff) + ' points'), '95% CI [' + signed(v.ci[0]) + ', ' + signed(v.ci[1]) + '] (paired bootstrap) · '
          + xs + ' vs ' + ys + ' of ' + full.score_max + ' on ' + full.questions + ' common questions'),
        card('Only one right', v.xRight + ' : ' + v.yRight, 'questions only ' + x.name + ' / only ' + y.name + ' got right'),
        card('Holm-adjusted p', pText(c.p.holm_p), 'exact McNemar p ' + pText(c.p.mcnemar_p) + ', adjusted over ' + index.models.length * (index.models.length - 1) / 2 + ' pairs'),
        card('Verdict', h('span', { class: 'badge ' + (c.p.distinguishable ? 'pass' : 'n'), 'data-testid': 'pair-verdict' }, c.p.distinguishable ? 'distinguishable' : 'not distinguishable'),
          c.p.distinguishable ? 'unlikely to be noise at the 5% family-wise level' : 'the difference could be noise')),
      h('div', { class: 'grid-2' },
        h('div', { class: 'panel' }, h('h3', null, 'By block'), h('table', { 'data-testid': 'pair-blocks' },
          h('thead', null, h('tr', null, ['Block', 'Questions', x.name, y.name, 'Difference'].map((t) => h('th', null, t)))),
          h('tbody', null, Object.entries(full.by_block).map(([b, d]) => h('tr', null, h('td', null, b), h('td', { class: 'num' }, String(d.questions)),
            h('td', { class: 'num' }, d[flip('a') + '_score'] + '/' + d.score_max), h('td', { class: 'num' }, d[flip('b') + '_score'] + '/' + d.score_max),
            h('td', { class: 'num' }, signed(d[flip('a') + '_score'] - d[flip('b') + '_score']))))))),
        h('div', { class: 'panel' }, h('h3', null, 'Where they differ (' + full.differing.length + ' questions)'), h('table', { 'data-testid': 'pair-differing' },
          h('thead', null, h('tr', null, ['Question', 'Points', x.name, y.name, 'Gold'].map((t) => h('th', null, t)))),
          h('tbody', null, full.differing.map((d) => {
            const xRight = (d.right === 'A') !== c.flipped;
            return h('tr', { 'data-q': d.question_id }, h('td', null, h('a', { href: questionHref(d.question_id, { models }) }, d.question_id)),
              h('td', { class: 'num' }, String(d.points)),
              h('td', { class: 'num mark ' + (xRight ? 'c' : 'i') }, (xRight ? '✓ ' : '✗ ') + answerText(d[flip('a') + '_predicted'])),
              h('td', { class: 'num mark ' + (xRight ? 'i' : 'c') }, (xRight ? '✗ ' : '✓ ') + answerText(d[flip('b') + '_predicted'])),
              h('td', { class: 'num' }, answerText(d.gold)));
          }))))),
    ];
  }

  // ---------------------------------------------------------------- views
  const VIEWS = {
    leaderboard: { key: (r) => 'leaderboard?' + r.params, make: leaderboard },
    model: {
      prefetch: (r) => ['model/' + r.arg].concat(r.params.get('q') ? ['question/' + r.params.get('q'), 'answer/' + r.arg + '/' + r.params.get('q')] : []),
      key: (r) => 'model/' + r.arg + '?' + ['block', 'result', 'image', 'type'].map((k) => r.params.get(k) || '').join('|'), make: modelPage },
    question: { prefetch: (r) => ['question/' + r.arg], key: (r) => 'question/' + r.arg + '?' + r.params, make: questionPage },
    hardest: { key: (r) => 'hardest?' + r.params, make: hardest },
    matrix: { prefetch: () => ['pairs'], key: () => 'matrix', make: matrix },
  };

  window.addEventListener('hashchange', render);
  render();
})();
