// View #/hardest : questions by the share of models right.
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
      select('Type', 'type', f.type, [['', 'all'], ['multiple_choice', 'choice'], ['calculation', 'calculation']]),
      exportBar('hardest', index, () => {
        const filters = paramsOf(r.params, ['block', 'image', 'type']);
        return { name: filterParts(filters), filters, columns: ['rank', 'question_id', 'block', 'points', 'image', 'gold', 'models_right', 'models_answered', 'share_right'].concat(models.map((m) => m.id)),
          rows: rows.map((x, n) => Object.assign({ rank: n + 1, question_id: x.q.id, block: x.q.block, points: x.q.points, image: x.q.image, gold: x.q.gold_text,
            models_right: x.k, models_answered: x.n, share_right: Number(x.share.toFixed(4)) }, Object.fromEntries(models.map((m, j) => [m.id, OUTCOME[x.outcomes[j]].label])))) };
      })),
    h('div', { class: 'panel' }, h('table', { 'data-testid': 'hardest' },
      h('thead', null, h('tr', null, ['#', 'Question', 'Block', 'Points', 'Gold', 'Models right', 'Per model', 'Question text'].map((t) => h('th', null, t)))),
      h('tbody', null, rows.map((x, n) => h('tr', { 'data-q': x.q.id },
        h('td', { class: 'num' }, String(n + 1)),
        h('td', null, h('a', { href: questionHref(x.q.id) }, x.q.id), x.q.image ? [' ', imageTag()] : null),
        h('td', null, x.q.block),
        h('td', { class: 'num' }, String(x.q.points)),
        h('td', { class: 'num' }, x.q.gold_text),
        h('td', null, h('div', { class: 'pct-cell' }, h('span', { class: 'num' }, x.k + '/' + x.n), bar(x.share, true))),
        h('td', { class: 'num' }, x.outcomes.map((o, j) => h('a', { href: modelHref(models[j].id, { q: x.q.id }), class: 'mark ' + OUTCOME[o].cls, title: models[j].name + ': ' + OUTCOME[o].label }, OUTCOME[o].mark))),
        h('td', { class: 'snip ja', lang: 'ja' }, x.q.snippet)))))));
  return { el, title: 'Hardest questions' };
}
