// View #/question/QID : every model on one question.
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
  const gold = q.gold_text; // the key's words: "a or c" where either is right
  // The answers graded right (every alternative the key accepts), as Java graded them.
  const accepted = new Set(attempted.filter((x) => x.outcome === 'c').map((x) => answerText(x.predicted)));
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
        h('span', { class: 'chip' + (accepted.has(k) ? ' gold' : '') }, k + ' — ' + n + (n === 1 ? ' model' : ' models'))))),
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
