// View #/ : the leaderboard, its score chart and heat map.
const COLUMNS = [
  { key: 'rank', label: '#', num: true, value: (m) => m.rank, dir: 'asc' },
  { key: 'model', label: 'Model', value: (m) => m.name.toLowerCase(), dir: 'asc' },
  { key: 'vision', label: 'Vision', value: (m) => (m.vision ? 1 : 0), dir: 'desc' },
  { key: 'score', label: 'Score', num: true, value: (m) => m.summary.score, dir: 'desc' },
  { key: 'pct', label: 'Score %', value: (m) => m.summary.score_pct, dir: 'desc' },
  { key: 'correct', label: 'Correct', num: true, value: (m) => m.summary.accuracy, dir: 'desc' },
  { key: 'required', label: 'Required', num: true, value: (m) => m.summary.required_score, dir: 'desc' },
  { key: 'general', label: 'General', num: true, value: (m) => m.summary.general_score, dir: 'desc' },
  { key: 'pass', label: 'Pass', value: (m) => (m.summary.passed ? 1 : 0), dir: 'desc' },
  { key: 'ppass', label: 'P(pass)', num: true, value: (m) => (m.stats.pass_probability == null ? -1 : m.stats.pass_probability), dir: 'desc' },
  { key: 'cost', label: 'Cost', num: true, value: (m) => (m.run_cost ? m.run_cost.usd : null), dir: 'asc' },
];

const ciText = (text) => h('span', { class: 'ci', title: '95% confidence interval (bootstrap over questions)' }, '[' + text + ']');

function leaderboard(r, index) {
  const models = index.models;
  const exam = index.exam;
  const c = exam.pass;
  const top = models[0];
  const passing = models.filter((m) => m.summary.passed).length;
  const withImage = index.questions.filter((q) => q.image).length;
  const sortKey = COLUMNS.some((col) => col.key === r.params.get('sort')) ? r.params.get('sort') : 'rank';
  const col = COLUMNS.find((x) => x.key === sortKey);
  const dir = r.params.get('dir') === 'asc' || r.params.get('dir') === 'desc' ? r.params.get('dir') : col.dir;
  const sorted = [...models].sort((a, b) => {
    return nullsLast(col.value(a), col.value(b), dir) || a.rank - b.rank;
  });

  const head = h('tr', null, COLUMNS.map((x) => h('th', {
    class: 'sortable' + (x.num ? ' num' : ''), 'data-sort': x.key, title: 'Sort by ' + x.label,
    onclick: () => setParams({ sort: x.key, dir: x.key === sortKey ? (dir === 'asc' ? 'desc' : 'asc') : x.dir }),
  }, x.label, x.key === sortKey ? h('span', { class: 'arrow' }, dir === 'asc' ? ' ▲' : ' ▼') : null)));
  const rows = sorted.map((m) => {
    const s = m.summary;
    return h('tr', { 'data-model': m.id },
      h('td', { class: 'num' }, String(m.rank)),
      h('td', null, h('a', { href: modelHref(m.id) }, m.name), h('div', { class: 'muted' }, m.model)),
      h('td', null, m.vision ? '✓' : '-'),
      h('td', { class: 'num' }, s.score + '/' + s.score_max),
      h('td', null, h('div', { class: 'pct-cell' }, h('span', { class: 'num', 'data-testid': 'score-pct' }, s.score_pct_text, ' ',
        h('span', { 'data-testid': 'score-ci' }, ciText(m.stats.score_pct_ci_text))), bar(s.score_pct))),
      h('td', { class: 'num', title: 'Wilson 95% CI: ' + m.stats.accuracy_wilson_ci_text }, s.correct + '/' + s.attempted + ' ', h('span', { class: 'muted' }, '(' + s.accuracy_text + ')'), ' ',
        h('span', { 'data-testid': 'accuracy-ci' }, ciText(m.stats.accuracy_ci_text))),
      h('td', { class: 'num' }, s.required_score + '/' + s.required_score_max + ' ', passBadge(s.required_pass)),
      h('td', { class: 'num' }, s.general_score + '/' + s.general_score_max + ' ', passBadge(s.general_pass)),
      h('td', null, passBadge(s.required_pass == null || s.general_pass == null ? null : s.passed)),
      h('td', { class: 'num', 'data-testid': 'pass-probability', title: passTitle(m.stats, index.bootstrap, c) }, m.stats.pass_probability_text),
      costCell(m.run_cost));
  });

  const el = h('div', null,
    h('h1', null, 'Leaderboard'),
    h('div', { class: 'muted' }, 'Japanese Medical Licensing Examination, exam ' + exam.id + ': ' + index.questions.length + ' questions (' + withImage
      + ' with images), scored out of ' + exam.score_max + '. Pass: required ≥ ' + c.required_min_score + '/' + c.required_max + ' and general ≥ ' + c.general_min_score + '/' + c.general_max + '.'),
    h('div', { class: 'cards' },
      card('Top score', top ? top.summary.score + '/' + top.summary.score_max : '—', top ? top.name + ' · ' + top.summary.score_pct_text : null),
      card('Models passing', passing + ' of ' + models.length, 'both required and general criteria'),
      card('Best accuracy', top ? top.summary.accuracy_text : '—', top ? top.summary.correct + '/' + top.summary.attempted + ' correct' : null),
      card('Questions', String(index.questions.length), withImage + ' with clinical images')),
    h('div', { class: 'panel' }, h('div', { class: 'panel-tools' }, exportBar('leaderboard', index, () => leaderboardTable(sorted, paramsOf(r.params, ['sort', 'dir'])))),
      h('div', { class: 'table-scroll' }, h('table', { class: 'leaderboard', 'data-testid': 'leaderboard' }, h('thead', null, head), h('tbody', null, rows))),
      h('p', { class: 'note' }, 'Brackets: 95% confidence intervals from a stratified bootstrap over the questions (' + num(index.bootstrap.resamples) + ' resamples, fixed seed). '
        + 'P(pass): the share of resamples in which ' + passCriteriaText(c) + '. '
        + 'Cost: as the run\'s file records it (the provider\'s reported cost or the prices given to run); — where it records none, as published files do. Whether two models really differ: ', h('a', { href: hashOf('matrix') }, 'pairwise comparisons →'))),
    h('div', { class: 'grid-2 charts' },
      h('div', { class: 'panel' }, h('h2', null, 'Score: all questions vs text-only'), scoreChart(models, exam)),
      h('div', { class: 'panel' }, h('h2', null, 'Accuracy by block'), heatMap(models, exam)),
      index.cost_chart ? h('div', { class: 'panel' }, h('h2', null, 'Cost vs score'), costChart(index.cost_chart, models)) : null));
  return { el, title: 'Leaderboard' };
}

/** Horizontal bars per model: score % on all questions and on the text-only ones, with the pass line. */
function scoreChart(models, exam) {
  const passPct = exam.pass_line;
  const lo = exam.score_axis_start;
  const W = 560; const left = 170; const right = 50; const rowH = 30; const top = 8;
  const H = top + models.length * rowH + 30;
  const x = (v) => left + ((v - lo) / (1 - lo)) * (W - left - right);
  const ticks = [];
  for (let t = lo; t <= 1.0001; t += 0.05) ticks.push(t);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Score by model, all questions and text-only', 'data-testid': 'score-chart' },
    ticks.map((t) => [svg('line', { class: 'grid-line', x1: x(t), x2: x(t), y1: top, y2: H - 22 }),
      svg('text', { x: x(t), y: H - 8, 'text-anchor': 'middle', class: 'muted-text' }, Math.round(t * 100) + '%')]),
    models.map((m, i) => {
      const y = top + i * rowH;
      const s = m.summary;
      return svg('a', { href: modelHref(m.id) },
        svg('text', { x: left - 8, y: y + 15, 'text-anchor': 'end' }, m.name.length > 26 ? m.name.slice(0, 25) + '…' : m.name),
        svg('rect', { class: 'bar-all', x: left, y: y + 3, width: Math.max(0, x(s.score_pct) - left), height: 11, rx: 2 },
          svg('title', null, m.name + ': ' + s.score + '/' + s.score_max + ' (' + s.score_pct_text + ')')),
        svg('rect', { class: 'bar-text', x: left, y: y + 15, width: Math.max(0, x(s.text_only_score_pct) - left), height: 9, rx: 2 },
          svg('title', null, m.name + ' text-only: ' + s.text_only_score + '/' + s.text_only_score_max + ' (' + s.text_only_score_pct_text + ')')),
        m.stats.score_pct_ci ? errorBar(x(m.stats.score_pct_ci[0]), x(m.stats.score_pct_ci[1]), y + 8.5, m.name + ' score 95% CI: ' + m.stats.score_pct_ci_text + '%') : null,
        svg('text', { x: Math.max(x(s.score_pct), x(m.stats.score_pct_ci ? m.stats.score_pct_ci[1] : 0)) + 4, y: y + 13, class: 'muted-text' }, s.score_pct_text));
    }),
    svg('line', { class: 'pass-line', x1: x(passPct), x2: x(passPct), y1: top - 4, y2: H - 22 }),
    svg('line', { class: 'axis-line', x1: left, x2: left, y1: top, y2: H - 22 }));
  return [h('div', { class: 'legend' }, h('span', null, h('i', { class: 'all' }), 'all questions'), h('span', null, h('i', { class: 'ci' }), '95% CI'),
    h('span', null, h('i', { class: 'text' }), 'text-only questions'),
    h('span', null, h('i', { class: 'pass' }), 'pass line ' + pct(passPct) + ' = ' + exam.pass_line_points
      + ' (both parts must pass separately)')), chart];
}

/** A run's cost, per point and per correct answer; "—" when its file records none (never $0). */
function costCell(cost) {
  if (!cost) return h('td', { class: 'num muted', 'data-testid': 'cost', title: 'the file records no cost' }, '—');
  return h('td', { class: 'num', 'data-testid': 'cost' }, cost.usd_text,
    h('div', { class: 'muted' }, cost.per_point_text + '/point'), h('div', { class: 'muted' }, cost.per_correct_text + '/correct'));
}

/**
 * Score against cost, one dot per run that has a cost; the data places every mark (fractions of the plot,
 * the cost scale is logarithmic when the runs' costs allow), the script only draws.
 */
function costChart(chart, models) {
  const W = 560; const H = 290; const left = 46; const right = 16; const top = 10; const bottom = 40;
  const x = (f) => left + f * (W - left - right);
  const y = (f) => top + (1 - f) * (H - top - bottom);
  const byId = new Map(models.map((m) => [m.id, m]));
  return [h('div', { class: 'legend' }, h('span', null, h('i', { class: 'all' }), 'a run (click to open it)'),
    h('span', null, h('i', { class: 'pass' }), chart.pass_line_text)),
  svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Score against cost, per run', 'data-testid': 'cost-chart' },
    chart.x_ticks.map((t) => [svg('line', { class: 'grid-line', x1: x(t.at), x2: x(t.at), y1: top, y2: H - bottom }),
      svg('text', { x: x(t.at), y: H - bottom + 14, 'text-anchor': 'middle', class: 'muted-text' }, t.text)]),
    chart.y_ticks.map((t) => [svg('line', { class: 'grid-line', x1: left, x2: W - right, y1: y(t.at), y2: y(t.at) }),
      svg('text', { x: left - 6, y: y(t.at) + 4, 'text-anchor': 'end', class: 'muted-text' }, t.text)]),
    svg('text', { x: (left + W - right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'muted-text' }, chart.x_label),
    svg('line', { class: 'pass-line', x1: left, x2: W - right, y1: y(chart.pass_line), y2: y(chart.pass_line) }),
    svg('line', { class: 'axis-line', x1: left, x2: left, y1: top, y2: H - bottom }),
    svg('line', { class: 'axis-line', x1: left, x2: W - right, y1: H - bottom, y2: H - bottom }),
    chart.runs.map((p) => {
      const m = byId.get(p.id);
      const name = m ? m.name : p.id;
      return svg('a', { href: modelHref(p.id) },
        svg('circle', { class: 'cost-dot' + (p.passed ? ' passed' : ''), cx: x(p.x), cy: y(p.y), r: 5, 'data-model': p.id },
          svg('title', null, name + ': ' + p.score_text + ' for ' + p.cost_text)),
        svg('text', { x: x(p.x) + (p.x > 0.7 ? -8 : 8), y: y(p.y) - 7, 'text-anchor': p.x > 0.7 ? 'end' : 'start' }, name.length > 26 ? name.slice(0, 25) + '…' : name));
    }))];
}

/** A horizontal interval with end caps. */
function errorBar(x1, x2, y, label) {
  return svg('g', { class: 'ci-bar' }, svg('title', null, label),
    svg('line', { x1, x2, y1: y, y2: y }), svg('line', { x1, x2: x1, y1: y - 4, y2: y + 4 }), svg('line', { x1: x2, x2, y1: y - 4, y2: y + 4 }));
}

function passTitle(stats, bootstrap, pass) {
  return stats.pass_probability == null ? 'not judged: the run does not cover a whole part of the exam'
    : 'P(pass) = ' + stats.pass_probability + ': share of ' + num(bootstrap.resamples) + ' bootstrap resamples in which ' + passCriteriaText(pass);
}

function heatColor(acc, lo) {
  const t = Math.max(0, Math.min(1, (acc - lo) / (1 - lo)));
  return `hsla(${Math.round(t * 130)}, 70%, 48%, 0.5)`;
}

/** Models × blocks, each cell the block accuracy; a cell opens that model filtered to the block. */
function heatMap(models, exam) {
  const examBlocks = blockIds(exam);
  const lo = exam.heat_map_start;
  const left = 170; const cw = 58; const rowH = 26; const top = 22;
  const W = left + cw * examBlocks.length + 4; const H = top + models.length * rowH + 4;
  return [h('div', { class: 'legend' }, h('span', null, 'cell: correct share of the block; ' + requiredIds(exam).join(' and ') + ' are the required blocks; click to list that block')),
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Accuracy by block and model', 'data-testid': 'heat-map' },
      examBlocks.map((b, j) => svg('text', { x: left + j * cw + cw / 2, y: 14, 'text-anchor': 'middle', 'font-weight': 600 }, b + (isRequired(exam, b) ? ' (req.)' : ''))),
      models.map((m, i) => {
        const y = top + i * rowH;
        return [svg('text', { x: left - 8, y: y + 17, 'text-anchor': 'end' }, m.name.length > 26 ? m.name.slice(0, 25) + '…' : m.name),
          examBlocks.map((b, j) => {
            const t = m.summary.by_block[b];
            if (!t) return null;
            return svg('a', { href: modelHref(m.id, { block: b }) },
              svg('rect', { x: left + j * cw + 1, y: y + 1, width: cw - 2, height: rowH - 2, rx: 3, fill: heatColor(t.accuracy, lo) },
                svg('title', null, `${m.name}, block ${b}: ${t.correct}/${t.total} (${pct(t.accuracy)})`)),
              svg('text', { x: left + j * cw + cw / 2, y: y + 17, 'text-anchor': 'middle' }, pct(t.accuracy)));
          })];
      }))];
}

/** The leaderboard as exported: leaderboard.csv's columns (the leaderboard command's), in the order shown. */
function leaderboardTable(models, filters) {
  const columns = ['rank', 'name', 'model', 'image_mode', 'score', 'score_max', 'score_pct', 'correct', 'attempted', 'accuracy',
    'required_score', 'required_score_max', 'required_pass', 'general_score', 'general_score_max', 'general_pass', 'passed',
    'prohibited_answers', 'prohibited_pass', 'text_only_score', 'text_only_score_max', 'text_only_score_pct', 'parse_failures', 'errors',
    'source_file', 'partial', 'answered', 'expected', 'cost_usd', 'cost_usd_per_point', 'cost_usd_per_correct',
    'score_pct_ci_low', 'score_pct_ci_high', 'accuracy_ci_low', 'accuracy_ci_high', 'accuracy_wilson_low', 'accuracy_wilson_high', 'pass_probability'];
  const rows = models.map((m) => {
    const s = m.summary;
    const ci = (k, i) => (m.stats[k] ? m.stats[k][i] : null);
    const cost = m.run_cost || {};
    return { ...s, rank: m.rank, name: m.name, model: m.model, image_mode: m.image_mode, source_file: m.file, partial: m.partial, answered: m.answered, expected: m.expected,
      cost_usd: cost.usd, cost_usd_per_point: cost.per_point, cost_usd_per_correct: cost.per_correct,
      score_pct_ci_low: ci('score_pct_ci', 0), score_pct_ci_high: ci('score_pct_ci', 1), accuracy_ci_low: ci('accuracy_ci', 0), accuracy_ci_high: ci('accuracy_ci', 1),
      accuracy_wilson_low: ci('accuracy_wilson_ci', 0), accuracy_wilson_high: ci('accuracy_wilson_ci', 1), pass_probability: m.stats.pass_probability };
  });
  return { name: filterParts(filters), filters, columns, rows };
}
