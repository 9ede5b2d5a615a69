// Widgets: building elements, the top bar, lightbox, keyboard, and pieces the views share.
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

const outcomeBadge = (o) => h('span', { class: 'badge ' + OUTCOME[o].cls }, OUTCOME[o].label);
const passBadge = (p) => (p == null ? h('span', { class: 'badge n' }, 'n/a')
  : h('span', { class: 'badge ' + (p ? 'pass' : 'fail') }, p ? 'PASS' : 'FAIL'));

const imageTag = () => h('span', { class: 'imgtag', title: 'has clinical images' }, 'IMG');
const modelHref = (id, params) => hashOf('model', id, params);

const questionHref = (id, params) => hashOf('question', id, params);

let navExam = null;
let navListening = false;

/**
 * The top bar's menus for the exam shown: models and question ids (filled again when the exam changes) and,
 * when the folder holds several exams, the exam switch and the model × exam link. The switch is hidden on the
 * model × exam view, which shows every exam at once.
 */
function setupNav(index, home, view) {
  const examSwitch = document.getElementById('exam-switch');
  if (home.exams && examSwitch.options.length === 0) {
    for (const e of home.exams) examSwitch.append(h('option', { value: e.id }, 'Exam ' + e.id + ' (' + e.held + ')'));
    examSwitch.addEventListener('change', () => {
      const to = viewAfterSwitch(parseHash().view);
      location.hash = hashOf(to, '', { exam: examSwitch.value === home.exam.id ? null : examSwitch.value });
    });
    document.querySelector('[data-nav=exams]').hidden = false;
  }
  if (home.exams) {
    examSwitch.value = index.exam.id;
    examSwitch.hidden = view === 'exams';
  }
  if (navExam === index.exam.id) return;
  navExam = index.exam.id;
  const select = document.getElementById('model-jump');
  select.replaceChildren(select.options[0]);
  for (const m of index.models) select.append(h('option', { value: m.id }, m.name));
  const list = document.getElementById('question-ids');
  list.replaceChildren(...index.questions.map((q) => h('option', { value: q.id })));
  const input = document.getElementById('question-jump');
  if (index.questions.length) input.placeholder = 'Search, or ' + index.questions[0].id;
  if (navListening) return;
  navListening = true;
  select.addEventListener('change', () => {
    if (select.value) location.hash = modelHref(select.value);
    select.value = '';
  });
  // A question id (120A-1, 120a1) opens the question; anything else, on Enter, is searched for.
  const jump = (searching) => {
    const text = input.value.trim();
    const id = text.toUpperCase().replace(/^(\d+)([A-Z])(\d+)$/, '$1$2-$3');
    if ([...list.options].some((o) => o.value === id)) location.hash = questionHref(id);
    else if (searching && text) location.hash = hashOf('search', '', { q: text });
    else return;
    input.value = '';
    input.blur();
  };
  input.addEventListener('change', () => jump(false));
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.isComposing) jump(true); });
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

const lightbox = document.getElementById('lightbox');

function enlarge(src, caption) {
  lightbox.querySelector('img').src = src;
  lightbox.querySelector('p').textContent = caption;
  lightbox.hidden = false;
}
lightbox.addEventListener('click', () => { lightbox.hidden = true; });

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') { lightbox.hidden = true; return; }
  if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
  if (e.key === '/') {
    e.preventDefault();
    document.getElementById('question-jump').focus();
    return;
  }
  const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[e.key];
  if (step && current && current.move) {
    e.preventDefault();
    current.move(step);
  }
});

function card(label, value, sub, extra) {
  return h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value, extra ? ' ' : null, extra),
    sub ? h('div', { class: 'sub' }, sub) : null);
}

function bar(fraction, thin) {
  return h('div', { class: 'bar' + (thin ? ' thin' : '') }, h('span', { style: { width: (Math.max(0, Math.min(1, fraction)) * 100).toFixed(2) + '%' } }));
}

/** A filter's menu; choosing changes its parameter and {@code also} (by default the selected question goes). */
function select(label, name, value, options, also = { q: null }) {
  const el = h('select', { name, 'aria-label': label }, options.map(([v, text]) => h('option', { value: v }, text)));
  el.value = value || '';
  el.addEventListener('change', () => setParams({ [name]: el.value, ...also }));
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
  if (q.examinees) parts.push(examinees(q));
  if (q.images.length) {
    parts.push(h('div', { class: 'images' }, q.images.map((name) => h('img', {
      src: 'images/' + encodeURIComponent(name), alt: name, title: name + ' (click to enlarge)', loading: 'lazy',
      onclick: () => enlarge('images/' + encodeURIComponent(name), name),
    }))));
  }
  return parts;
}

/**
 * The real examinees' answers to a question and its prohibited choices (禁忌肢), where the exam's source
 * publishes them (IgakuQA's 112th-116th): the share who answered right, the share choosing each letter, and the
 * annotators' prohibited choices with their reason — not an official list.
 */
function examinees(q) {
  const e = q.examinees;
  const shares = Object.entries(e.shares || {});
  return h('div', { class: 'examinees', 'data-testid': 'examinees' },
    h('div', null, h('span', { class: 'k' }, 'Examinees right'),
      h('span', { class: 'v', 'data-testid': 'examinee-accuracy' }, e.share_right == null ? 'not published' : e.share_right.toFixed(1) + '%')),
    shares.length ? h('div', { class: 'dist' }, shares.map(([letter, share]) =>
      h('span', { class: 'chip' + (q.gold.includes(letter) ? ' gold' : '') }, letter + ' — ' + share.toFixed(1) + '% of examinees'))) : null,
    q.prohibited ? h('div', { 'data-testid': 'prohibited' }, h('span', { class: 'k' }, 'Prohibited (禁忌肢)'),
      h('span', { class: 'v w' }, q.prohibited.choices.join(', ')), ' ',
      h('span', { class: 'muted' }, q.prohibited.reason + ' — annotated by ' + q.prohibited.annotated_by)) : null);
}

function answers(result, q) {
  const o = result.outcome;
  return h('div', { class: 'answers' },
    h('div', null, h('span', { class: 'k' }, 'Predicted'), h('span', { class: 'v ' + o, 'data-testid': 'predicted' }, answerText(result.predicted))),
    h('div', null, h('span', { class: 'k' }, 'Gold'), h('span', { class: 'v', 'data-testid': 'gold' }, q.gold_text)),
    h('div', null, h('span', { class: 'k' }, 'Result'), outcomeBadge(o)),
    h('div', null, h('span', { class: 'k' }, 'Points'), h('span', { class: 'v' }, String(q.points))),
    result.prohibited ? h('div', { 'data-testid': 'answer-prohibited' }, h('span', { class: 'k' }, '禁忌肢'),
      h('span', { class: 'v w' }, 'the answer includes a prohibited choice')) : null);
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

/**
 * Download buttons for a table: CSV and JSON of exactly the rows shown, in the order shown, named after the
 * view and its filters. The JSON also records the address that shows those rows: the filters are in it, so
 * the link opens the same table. {@code table()} gives {name: [parts], filters, columns, rows}.
 */
function exportBar(kind, index, table) {
  const save = (ext) => {
    const t = table();
    const text = ext === 'csv' ? toCsv(t.columns, t.rows)
      : toJson({ exported_from: 'jmle-bench viewer', table: kind, exam: index.exam.id, filters: t.filters, view: location.hash || '#/', link: location.href }, t.columns, t.rows);
    download(exportName(['jmle-bench', index.exam.id, kind, ...t.name], ext), ext === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8', text);
  };
  const button = (ext, label) => h('button', { type: 'button', 'data-export': ext, title: 'Download the rows shown as ' + label + ' (the filters and order of this page)', onclick: () => save(ext) }, label);
  return h('span', { class: 'export', 'data-testid': 'export-' + kind }, 'Download ', button('csv', 'CSV'), ' ', button('json', 'JSON'));
}

/** Saves text as a file through a blob link: the same from the server and from file://, nothing leaves the page. */
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The non-empty parameters among {@code names}, for an export's name and its record of filters. */
function paramsOf(params, names) {
  return Object.fromEntries(names.filter((n) => params.get(n)).map((n) => [n, params.get(n)]));
}

const filterParts = (filters) => Object.entries(filters).map(([k, v]) => k + '=' + v);
