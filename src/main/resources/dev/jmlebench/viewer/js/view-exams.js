// View #/exams : the model × exam table, each model's score and verdict on every exam it sat, side by side.
async function examsTable() {
  const doc = await loadDoc('exams').catch(() => null);
  const title = 'Model × exam';
  if (!doc) return { el: h('div', null, h('h1', null, title), h('div', { class: 'empty' }, 'These results hold one exam.')), title };
  const home = doc.exams[0].id;
  const inExam = (exam) => ({ exam: exam === home ? null : exam });
  const table = h('table', { class: 'exams', 'data-testid': 'exam-matrix' },
    h('thead', null, h('tr', null, h('th', null, 'Model'),
      doc.exams.map((e) => h('th', { class: 'num', 'data-exam': e.id, title: e.title },
        h('a', { href: hashOf('leaderboard', '', inExam(e.id)) }, 'Exam ' + e.id), h('div', { class: 'muted' }, e.held + ' · ' + e.runs + (e.runs === 1 ? ' run' : ' runs')))),
      h('th', { class: 'num' }, 'Mean (95% CI over exams)'))),
    h('tbody', null, doc.rows.map((row) => h('tr', { 'data-name': row.name },
      h('td', null, row.name),
      doc.exams.map((e) => {
        const c = row.cells[e.id];
        if (!c) return h('td', { class: 'num muted', 'data-exam': e.id }, '-');
        return h('td', { class: 'num', 'data-exam': e.id },
          h('a', { href: modelHref(c.run, inExam(e.id)), title: row.name + ' on exam ' + e.id }, h('span', { 'data-testid': 'exam-score' }, c.score_pct_text)), ' ', passBadge(c.passed));
      }),
      h('td', { class: 'num', 'data-testid': 'exam-mean', title: 'over ' + row.exams + (row.exams === 1 ? ' exam' : ' exams') }, row.mean_text)))));
  const el = h('div', null,
    h('h1', null, title),
    h('div', { class: 'muted' }, 'Each model (by display name) on every exam it sat, newest exam first: its score as a share of the exam\'s points and whether it passed the exam\'s criteria. '
      + 'A year far above the others can hint that the exam was in the model\'s training data.'),
    h('div', { class: 'panel' }, table,
      h('p', { class: 'note' }, 'A cell shows the newest all-questions run of that name with the best score on that exam (runs that skip the image questions are left out), as the leaderboard\'s model × exam table; click it for the run. '
        + 'Mean: over the exams the model sat, with a Student-t 95% interval over them from ' + doc.min_exams_for_interval + ' exams on.')));
  return { el, title };
}
