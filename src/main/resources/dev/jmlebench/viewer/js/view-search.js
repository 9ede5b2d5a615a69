// View #/search : full-text search over the questions' texts and the models' answers.
const SEARCH_SHOWN = 20; // a run's first hits; the rest behind "show all"
const SEARCH_LOADS = 3; // runs' answers loaded at a time
const foldedDocs = new WeakMap(); // a loaded document -> its texts folded for matching (folded once)

function foldedOf(doc, texts) {
  let folded = foldedDocs.get(doc);
  if (!folded) {
    folded = texts.map((t) => (t == null ? null : fold(t)));
    foldedDocs.set(doc, folded);
  }
  return folded;
}

/** A snippet as elements: text, and each match in a mark. */
const snippetEls = (text, terms) => snippetOf(text, terms).map((p) => (p.mark ? h('mark', null, p.text) : p.text));

/** An answer's searchable text: the response, then the reasoning, then a failed request's error. */
const answerFields = (a) => (a ? [['answer', a.raw_response], ['reasoning', a.reasoning], ['error', a.error]].filter((f) => f[1]) : []);

function searchView(r, index) {
  const box = h('input', { type: 'search', name: 'q', 'aria-label': 'Search the questions and the answers', size: 44,
    placeholder: 'Words or "a phrase", e.g. 胃癌', 'data-testid': 'search-input' });
  box.value = r.params.get('q') || '';
  let typing = null;
  box.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => setParams({ q: box.value.trim() || null }), 250);
  });
  box.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(typing); setParams({ q: box.value.trim() || null }); } });
  const scope = r.params.get('in') || '';
  const only = r.params.get('model') || '';
  const summary = h('div', { class: 'muted', 'data-testid': 'search-summary' });
  const questionsEl = h('div', { 'data-testid': 'search-questions' });
  const answersEl = h('div', { 'data-testid': 'search-answers' });
  const el = h('div', null,
    h('h1', null, 'Search'),
    h('div', { class: 'filters' }, box,
      select('In', 'in', scope, [['', 'questions and answers'], ['questions', 'questions'], ['answers', 'models\' answers']], {}),
      select('Answers of', 'model', only, [['', 'every model']].concat(index.models.map((m) => [m.id, m.name])), {})),
    summary, questionsEl, answersEl);

  let searching = 0;
  async function update(params) {
    const token = ++searching;
    const terms = searchTerms(params.get('q'));
    if (document.activeElement !== box) box.value = params.get('q') || '';
    fill(questionsEl);
    fill(answersEl);
    if (!terms.length) {
      fill(summary, 'Words (all must occur) or "a phrase", in the ' + index.questions.length + ' questions (case text, stem and choices) and in the models\' answers and reasoning; '
        + 'full- and half-width forms and capitals count as the same.');
      return;
    }
    const counts = { questions: null, answers: null, runs: 0, searched: 0 };
    const runs = scope === 'questions' ? [] : index.models.filter((m) => !only || m.id === only);
    const tell = () => fill(summary, [
      counts.questions == null ? null : counts.questions + (counts.questions === 1 ? ' question' : ' questions'),
      runs.length ? num(counts.answers || 0) + (counts.answers === 1 ? ' answer' : ' answers') + ' in ' + counts.runs + ' of ' + runs.length + (runs.length === 1 ? ' run' : ' runs')
        + (counts.searched < runs.length ? ' (searching: ' + counts.searched + ' of ' + runs.length + ' runs read)' : '') : null,
    ].filter(Boolean).join(' · '));
    if (scope !== 'answers') {
      const doc = await load('question-texts');
      if (token !== searching) return;
      const folded = foldedOf(doc, doc.texts);
      const hits = index.questions.map((q, i) => ({ q, i })).filter((x) => holdsAll(folded[x.i], terms));
      counts.questions = hits.length;
      fill(questionsEl, h('h2', null, 'Questions'), hits.length ? h('div', { class: 'panel hits' }, hits.map((x) => questionHit(index, x, doc.texts[x.i], terms)))
        : h('div', { class: 'empty' }, 'No question holds ' + (terms.length === 1 ? 'it' : 'them all') + '.'));
    }
    tell();
    if (!runs.length) return;
    fill(answersEl, h('h2', null, 'Models\' answers'));
    const groups = runs.map((m) => {
      const g = h('div', { class: 'run-hits', 'data-model': m.id });
      answersEl.append(g);
      return g;
    });
    let next = 0;
    const work = async () => {
      while (next < runs.length && token === searching) {
        const at = next++;
        const m = runs[at];
        const doc = await load('answer-texts/' + m.id).catch(() => null);
        if (token !== searching) return;
        counts.searched++;
        if (doc) {
          const texts = doc.answers.map((a) => answerFields(a).map((f) => f[1]).join('\n') || null);
          const folded = foldedOf(doc, texts);
          const hits = index.questions.map((q, i) => ({ q, i, o: m.outcomes[i], a: doc.answers[i] })).filter((x) => folded[x.i] != null && holdsAll(folded[x.i], terms));
          if (hits.length) {
            counts.runs++;
            counts.answers += hits.length;
            fill(groups[at], runHits(m, hits, terms));
          } else {
            groups[at].remove();
          }
        }
        tell();
      }
    };
    await Promise.all(Array.from({ length: SEARCH_LOADS }, work));
    if (token === searching && !counts.answers) answersEl.append(h('div', { class: 'empty' }, 'No answer holds ' + (terms.length === 1 ? 'it' : 'them all') + '.'));
  }
  return { el, update, title: 'Search' };
}

/** A question that holds the terms: its id, how many models got it right, and the text around the first match. */
function questionHit(index, x, text, terms) {
  const outcomes = index.models.map((m) => m.outcomes[x.i]).filter((o) => o !== '-');
  const right = outcomes.filter((o) => o === 'c').length;
  return h('div', { class: 'hit', 'data-q': x.q.id },
    h('div', { class: 'hit-head' }, h('a', { href: questionHref(x.q.id) }, x.q.id), x.q.image ? [' ', imageTag()] : null,
      h('span', { class: 'muted' }, ' block ' + x.q.block + ' · gold ' + x.q.gold_text + ' · ' + right + '/' + outcomes.length + ' models right')),
    h('div', { class: 'snip ja', lang: 'ja' }, snippetEls(text, terms)));
}

/** One run's answers that hold the terms, the first few shown. */
function runHits(m, hits, terms) {
  const row = (x) => {
    const o = OUTCOME[x.o];
    const field = answerFields(x.a).find((f) => holdsAll(fold(f[1]), terms)) || answerFields(x.a)[0];
    return h('div', { class: 'hit', 'data-q': x.q.id },
      h('div', { class: 'hit-head' }, h('span', { class: 'mark ' + o.cls, title: o.label }, o.mark), ' ',
        h('a', { href: modelHref(m.id, { q: x.q.id }) }, x.q.id), h('span', { class: 'muted' }, ' ' + field[0])),
      h('div', { class: 'snip ja', lang: 'ja' }, snippetEls(field[1], terms)));
  };
  const list = h('div', { class: 'panel hits' }, hits.slice(0, SEARCH_SHOWN).map(row));
  const more = hits.length > SEARCH_SHOWN ? h('button', { type: 'button', class: 'more' }, 'show all ' + hits.length) : null;
  if (more) more.addEventListener('click', () => { list.append(...hits.slice(SEARCH_SHOWN).map(row)); more.remove(); });
  return [h('h3', null, h('a', { href: modelHref(m.id) }, m.name), h('span', { class: 'muted' }, ' — ' + hits.length + (hits.length === 1 ? ' answer' : ' answers'))), list, more];
}
