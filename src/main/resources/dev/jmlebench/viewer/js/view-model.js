// View #/model/ID : one model's answers, filters and detail.
/** A question and one model's answer to it (null when the model did not answer it). */
function selectedDocs(model, qid) {
  return [load('question/' + qid), answerDoc(model, qid)];
}

function answerDoc(model, qid) {
  return load('answer/' + model + '/' + qid).catch(() => null);
}

/** The run's answers that include a prohibited choice, with the annotators' reason; nothing when there are none. */
function prohibitedList(index, doc) {
  const rows = index.questions.map((q, i) => ({ q, res: doc.results[i] })).filter((x) => x.res && x.res.prohibited);
  if (!rows.length) return null;
  return h('div', { 'data-testid': 'prohibited-answers' }, h('h2', null, 'Answers with a prohibited choice (禁忌肢, ' + (index.exam.pass.prohibited_annotated_by ? 'annotated by ' + index.exam.pass.prohibited_annotated_by : 'not official') + ')'),
    h('ul', null, rows.map((x) => h('li', null, h('a', { href: questionHref(x.q.id) }, x.q.id), ' — ' + answerText(x.res.predicted) + ': ',
      h('span', { class: 'ja', lang: 'ja' }, x.res.prohibited_reason)))));
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
  const cost = m.run_cost; // absent when the file records none (every published file): no $0
  const truncated = truncatedOf(doc.metadata.totals);
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
      h('span', { class: 'ans' }, answerText(x.res.predicted), h('span', { class: 'muted' }, ' / ' + x.q.gold_text)));
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
        + s.correct + '/' + s.attempted + ' correct · ' + s.parse_failures + ' parse failures · ' + s.errors + ' errors'
        + (truncated == null ? '' : ' · ' + truncated + ' truncated')]),
      cost ? card('Cost', h('span', { 'data-testid': 'cost' }, cost.usd_text), cost.per_point_text + ' per point · ' + cost.per_correct_text + ' per correct answer') : null,
      card('P(pass)', h('span', { 'data-testid': 'pass-probability', title: passTitle(m.stats, index.bootstrap, c) }, m.stats.pass_probability_text),
        m.stats.pass_probability == null ? 'not judged: the run does not cover a whole part of the exam'
          : 'probability of passing: the share of ' + num(index.bootstrap.resamples) + ' bootstrap resamples in which ' + passCriteriaText(c)),
      card('Required', s.required_score + '/' + s.required_score_max, 'pass at ≥ ' + c.required_min_score, passBadge(s.required_pass)),
      card('General', s.general_score + '/' + s.general_score_max, 'pass at ≥ ' + c.general_min_score, passBadge(s.general_pass)),
      latencies.length ? card('Median latency', (median(latencies) / 1000).toFixed(1) + ' s', latencies.length + ' requests timed') : null,
      s.prohibited_answers == null ? null : card('Prohibited choices', h('span', { 'data-testid': 'prohibited-count' }, String(s.prohibited_answers)),
        'answers including a 禁忌肢 · pass at ≤ ' + c.prohibited_max + ' · annotated by ' + c.prohibited_annotated_by, passBadge(s.prohibited_pass)),
      tokens.length ? card('Tokens', num(tokens.reduce((a, b) => a + b, 0)), 'total over ' + tokens.length + ' answers') : null),
    h('h2', null, 'By block'), blocks,
    prohibitedList(index, doc),
    h('div', { class: 'filters' },
      select('Block', 'block', f.block, [['', 'all']].concat(examBlocks.map((b) => [b, b]))),
      select('Result', 'result', f.result, [['', 'all'], ['correct', 'correct'], ['incorrect', 'incorrect'], ['parse', 'parse failure'], ['error', 'error'], ['wrong', 'not correct (any)']]),
      select('Image', 'image', f.image, [['', 'all'], ['with', 'with image'], ['without', 'text only']]),
      select('Type', 'type', f.type, [['', 'all'], ['multiple_choice', 'choice'], ['calculation', 'calculation']]),
      h('span', { class: 'filter-stats', 'data-testid': 'filter-stats' },
        h('b', null, String(rows.length)), ' questions · score ', h('b', null, pts(right) + '/' + pts(rows)),
        ' · accuracy ', h('b', null, right.length + '/' + rows.length + ' (' + pct(ratio(right.length, rows.length)) + ')')),
      exportBar('answers', index, () => answersTable(m, rows, paramsOf(r.params, ['block', 'result', 'image', 'type'])))),
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

/** A run's answers as exported: the rows its filters show, one per question. */
function answersTable(m, rows, filters) {
  const columns = ['question_id', 'block', 'type', 'image', 'points', 'predicted', 'gold', 'outcome', 'prohibited', 'latency_ms', 'tokens'];
  return { name: [m.id, ...filterParts(filters)], filters: { model: m.id, ...filters }, columns,
    rows: rows.map((x) => ({ question_id: x.q.id, block: x.q.block, type: x.q.type, image: x.q.image, points: x.q.points,
      predicted: x.res.predicted ? x.res.predicted.join(',') : null, gold: x.q.gold_text, outcome: OUTCOME[x.o].label,
      prohibited: x.res.prohibited ? true : null, latency_ms: x.res.latency_ms, tokens: x.res.tokens })) };
}
