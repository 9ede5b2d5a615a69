// The views by name, and the first render.
const VIEWS = {
  leaderboard: { key: (r) => 'leaderboard?' + r.params, make: leaderboard },
  model: {
    prefetch: (r) => ['model/' + r.arg].concat(r.params.get('q') ? ['question/' + r.params.get('q'), 'answer/' + r.arg + '/' + r.params.get('q')] : []),
    key: (r) => 'model/' + r.arg + '?' + ['block', 'result', 'image', 'type'].map((k) => r.params.get(k) || '').join('|'), make: modelPage },
  question: { prefetch: (r) => ['question/' + r.arg], key: (r) => 'question/' + r.arg + '?' + r.params, make: questionPage },
  hardest: { key: (r) => 'hardest?' + r.params, make: hardest },
  matrix: { prefetch: () => ['pairs'], key: () => 'matrix', make: matrix },
  exams: { key: () => 'exams', make: examsTable },
  search: { prefetch: () => ['question-texts'], key: (r) => 'search?' + (r.params.get('in') || '') + '|' + (r.params.get('model') || ''), make: searchView },
};

// Visible in the browser's performance timeline (the benchmark prints it): when the script started drawing.
performance.mark('script ran');
window.addEventListener('hashchange', render);
render();
followFolder();
