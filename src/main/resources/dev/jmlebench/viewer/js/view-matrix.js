// View #/matrix : every pair of models compared.
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
          title: `${x.name} vs ${y.name}: ${v.xRight} questions only ${x.name} got right, ${v.yRight} only ${y.name}; score difference ${signed(v.diff)}; Holm p ${pText(c.p.holm_p)}: `
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
    h('div', { class: 'panel-tools' }, exportBar('pairwise', index, () => pairsTable(doc, models))),
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
    let full;
    try {
      full = await load('pair/' + c.a + '/' + c.b);
    } catch (e) {
      if (open !== cells.get(a + ' ' + b)) return;
      // A static report of an exam with many runs holds the details of the leaderboard neighbours only
      // (ViewerStatistics.reportPairKeys); the cell above still has the pair's counts and p-value.
      fill(detail, h('div', { class: 'empty', 'data-testid': 'pair-missing' }, SOURCE === 'static'
        ? 'This report holds the details of leaderboard neighbours only (an exam of more than 40 runs has too many pairs to write out); the cell gives this pair\'s counts and p-value, and jmle-bench serve shows its details.'
        : 'Cannot load this pair: ' + e.message));
      return;
    }
    if (open !== cells.get(a + ' ' + b)) return;
    fill(detail, pairDetail(index, c, full));
  }
  return { el, update, title: 'Pairwise comparisons' };
}

/** One pair in full, from the row model's side: score difference with its interval, per block, the questions where they differ. */
function pairDetail(index, c, full) {
  const byId = new Map(index.models.map((m) => [m.id, m]));
  const goldText = new Map(index.questions.map((q) => [q.id, q.gold_text])); // the key's words, as the index has them
  const [x, y] = c.flipped ? [byId.get(c.b), byId.get(c.a)] : [byId.get(c.a), byId.get(c.b)];
  const v = seenFromRow(c, full);
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
            h('td', { class: 'num' }, goldText.get(d.question_id)));
        }))))),
  ];
}

/** Every pair as exported: A the higher-ranked, as the documents orient them. */
function pairsTable(doc, models) {
  const byId = new Map(models.map((m) => [m.id, m]));
  // No interval columns: the matrix's document has the counts and p-values of every pair; a pair's bootstrap
  // interval is made when that pair is opened (its own document), not for all of them at once.
  const columns = ['a_rank', 'a', 'a_id', 'b_rank', 'b', 'b_id', 'questions', 'score_max', 'score_difference',
    'a_right_b_wrong', 'a_wrong_b_right', 'mcnemar_p', 'holm_p', 'distinguishable'];
  return { name: [], filters: {}, columns, rows: doc.pairs.map((p) => {
    const a = doc.runs[p.a_rank - 1].id;
    const b = doc.runs[p.b_rank - 1].id;
    return { ...p, a: byId.get(a).name, a_id: a, b: byId.get(b).name, b_id: b };
  }) };
}
