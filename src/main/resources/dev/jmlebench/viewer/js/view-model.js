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

/**
 * The model's robustness card (docs/ROBUSTNESS.md), when the folder holds runs of it that differ from its default
 * run in one field: filled in when its document arrives, so the answers do not wait for its bootstrap.
 */
function robustnessSection(doc, m) {
  if (!doc.robustness) return null;
  const el = h('div', { class: 'robustness', 'data-testid': 'robustness' }, h('h2', null, 'Robustness'), h('div', { class: 'muted' }, 'Loading the card…'));
  load(doc.robustness).then((card) => fill(el, robustnessCard(card, m)), (e) => fill(el, h('h2', null, 'Robustness'), h('div', { class: 'error' }, String(e.message))));
  return el;
}

function robustnessCard(card, m) {
  const { rows, span } = cardRows(card);
  const d = card.default;
  const whisker = (r) => {
    const x = (v) => (spanAt(span, v) * 150).toFixed(1);
    return svg('svg', { width: 150, height: 14, viewBox: '0 0 150 14', role: 'img', 'aria-label': r.delta + ' ' + r.ci },
      svg('line', { x1: x(0), x2: x(0), y1: 0, y2: 14, class: 'zero' }),
      svg('line', { x1: x(r.low), x2: x(r.high), y1: 7, y2: 7, class: 'ci' }),
      svg('circle', { cx: x(r.value), cy: 7, r: 3.5, class: r.coversZero ? 'dot same' : 'dot differs' }));
  };
  const co = card.choice_order;
  const noise = card.detectable_difference;
  return [
    h('h2', null, 'Robustness'),
    h('div', { class: 'muted' }, 'Each run of ' + card.name + ' that differs from its default run in one field, against it on the questions both answered. Default: ',
      d.run === m.id ? 'this run' : h('a', { href: modelHref(d.run) }, d.file), ' · ' + d.score + '/' + d.score_max + ' (' + pct(d.score_pct) + ')'),
    h('div', { class: 'table-scroll' }, h('table', { 'data-testid': 'robustness-rows' },
      h('thead', null, h('tr', null, ['Variant', 'Score', 'Δ points', '95% CI', '', 'Holm p', 'right→wrong', 'wrong→right'].map((t) => h('th', null, t)))),
      h('tbody', null, rows.map((r) => h('tr', { class: r.run === m.id ? 'selected' : null },
        h('td', null, r.run ? h('a', { href: modelHref(r.run) }, r.label) : r.label, r.paired ? h('div', { class: 'muted' }, r.paired) : null),
        h('td', null, r.score), h('td', { class: 'num' }, r.delta), h('td', { class: 'num' }, r.ci), h('td', null, whisker(r)),
        h('td', { class: 'num' }, r.holm), h('td', { class: 'num' }, String(r.rightToWrong)), h('td', { class: 'num' }, String(r.wrongToRight))))))),
    h('div', { class: 'muted' }, 'Δ: points against the default; 95% CI: paired bootstrap, serial groups whole (' + num(card.bootstrap.resamples)
      + ' resamples); Holm p: exact McNemar, Holm-adjusted over the ' + rows.length + ' rows. A dot is filled red when its interval leaves out 0.'),
    co ? h('div', { 'data-testid': 'choice-orders' },
      h('h3', null, 'Over ' + co.orders.length + ' choice orders'),
      h('p', null, 'Consistency ', h('b', { 'data-testid': 'consistency' }, co.consistent + '/' + co.moved + ' (' + pct(co.consistency) + ')'),
        ' of the questions whose choices moved answered alike in every order · every-order score ', h('b', null, co.every_order_score + '/' + co.score_max),
        ' (right only if right in every order; default ' + co.default_score + ')'),
      co.position_bias.answers ? h('div', { class: 'positions', 'data-testid': 'position-bias' },
        co.position_bias.positions.map((p) => h('div', { class: 'position' },
          h('b', null, p.position), h('span', { class: 'muted' }, ' chosen ' + pct(p.chosen_share) + ' · holds the gold ' + pct(p.gold_share)),
          bar(p.chosen_share, true), h('div', { class: 'bar thin gold' }, h('span', { style: { width: (p.gold_share * 100).toFixed(2) + '%' } })))),
        h('div', { class: 'muted' }, 'Stuart–Maxwell, clustered by question: χ²(' + co.position_bias.test.degrees_of_freedom + ') = '
          + co.position_bias.test.statistic + ', p ' + (co.position_bias.test.p < 0.0001 ? '< 0.0001' : '= ' + co.position_bias.test.p)
          + ' · over ' + num(co.position_bias.answers) + ' one-letter answers to one-answer questions')) : null) : null,
    card.variants.filter((v) => v.image_audit).map((v) => h('p', { 'data-testid': 'image-audit' }, 'Image audit (' + v.label + '): ',
      h('b', null, v.image_audit.stay_right_without + ' of the ' + v.image_audit.right_with_images), ' image questions right with the images stay right without them; '
      + v.image_audit.right_without_images + ' of ' + v.image_audit.image_questions + ' right without the images in all.')),
    noise ? h('p', { 'data-testid': 'detectable-difference' }, 'Smallest difference the exam can tell apart for this model: ',
      h('b', null, noise.points.toFixed(1) + ' points'), ' (' + noise.question_count.toFixed(1) + ' questions) — 80% power at two-sided α 0.05, given that its runs disagree on '
      + pct(noise.discordance) + ' of the questions. A smaller difference is noise.') : null,
  ];
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
    robustnessSection(doc, m),
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
