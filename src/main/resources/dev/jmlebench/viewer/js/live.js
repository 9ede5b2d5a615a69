// Live: 'serve' follows its results folder. The page asks what changed (live) every few seconds: a new
// generation means result files were added, rewritten or removed, and the view is drawn again from fresh data;
// the runs under way are shown below the header. A static report has no such source and never asks.
const LIVE_EVERY_MS = 2000;
// The reading of the folder the page's own index is of; a later one draws the view again.
let liveGeneration = document.body.dataset.generation ? Number(document.body.dataset.generation) : null;

function followFolder() {
  if (SOURCE !== 'api') return;
  const strip = document.getElementById('live');
  const look = () => fetch('live', { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null))
    .then((live) => {
      if (!live) return;
      if (liveGeneration !== null && live.generation !== liveGeneration) {
        cache.clear();
        current = null;
        render();
      }
      liveGeneration = live.generation;
      showLive(strip, live);
    })
    .catch(() => {})
    .finally(() => setTimeout(look, LIVE_EVERY_MS));
  look();
}

function showLive(strip, live) {
  const now = Date.now();
  const lines = live.running.map((run) => h('div', { class: 'live-run ' + (run.running ? 'running' : 'stopped'), 'data-file': run.file },
    h('span', { class: 'live-mark' }, run.running ? '▶' : '⏸'), ' ', h('b', null, run.model || run.file), ' ', progressText(run, now),
    run.total_questions ? h('progress', { max: run.total_questions, value: run.answered }) : null));
  if (live.reading) lines.push(h('div', { class: 'live-reading', 'data-testid': 'reading' }, 'Reading the results folder: '
    + num(live.reading.read) + ' of ' + num(live.reading.files) + ' files so far.'));
  if (live.problem) lines.push(h('div', { class: 'live-problem' }, live.problem));
  strip.hidden = lines.length === 0;
  fill(strip, ...lines);
}
