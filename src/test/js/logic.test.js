// The pages' pure logic, run by Node's test runner (node --test src/test/js) from `mvn verify`.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const logic = require('../../main/resources/dev/jmlebench/viewer/js/logic.js');

const exam = { blocks: [{ id: 'A', required: false }, { id: 'B', required: true }, { id: 'C', required: true }] };

test('blocks and which are required come from the exam in the data', () => {
  assert.deepEqual(logic.blockIds(exam), ['A', 'B', 'C']);
  assert.equal(logic.isRequired(exam, 'C'), true);
  assert.equal(logic.isRequired(exam, 'A'), false);
  assert.equal(logic.isRequired(exam, 'Z'), false);
  assert.deepEqual(logic.requiredIds(exam), ['B', 'C']);
});

test('a pair reads from the other side with the counts swapped and the difference and its interval negated', () => {
  const doc = {
    runs: [{ id: 'top' }, { id: 'low' }],
    pairs: [{ a_rank: 1, b_rank: 2, a_right_b_wrong: 9, a_wrong_b_right: 4, score_difference: 7, distinguishable: false }],
  };
  const full = { score_difference: 7, score_difference_ci: [-2, 15] }; // the pair's own document
  const cellOf = logic.pairIndex(doc);
  const fromTop = logic.seenFromRow(cellOf('top', 'low'), full);
  const fromLow = logic.seenFromRow(cellOf('low', 'top'), full);
  assert.deepEqual(fromTop, { xRight: 9, yRight: 4, diff: 7, ci: [-2, 15] });
  assert.deepEqual(fromLow, { xRight: 4, yRight: 9, diff: -7, ci: [-15, 2] });
  // The matrix alone counts: no interval until the pair's document is loaded.
  assert.equal(logic.seenFromRow(cellOf('low', 'top')).ci, null);
  assert.equal(cellOf('top', 'top'), undefined);
  assert.equal(logic.verdictClass(doc.pairs[0], fromTop), 'same');
  assert.equal(logic.verdictClass({ distinguishable: true }, fromTop), 'better');
  assert.equal(logic.verdictClass({ distinguishable: true }, fromLow), 'worse');
});

test('filters combine block, result, image and type', () => {
  const f = logic.filterOf(new URLSearchParams('block=B&result=wrong&image=with'));
  assert.deepEqual(f, { block: 'B', result: 'wrong', image: 'with', type: '' });
  const q = { block: 'B', image: true, type: 'multiple_choice' };
  assert.equal(logic.matches(f, q, 'i'), true);
  assert.equal(logic.matches(f, q, 'p'), true);
  assert.equal(logic.matches(f, q, 'e'), true);
  assert.equal(logic.matches(f, q, 'c'), false);
  assert.equal(logic.matches(f, { ...q, image: false }, 'i'), false);
  assert.equal(logic.matches(f, { ...q, block: 'A' }, 'i'), false);
  assert.equal(logic.matches(logic.filterOf(new URLSearchParams('result=nonsense')), q, 'c'), true);
});

test('numbers are formatted for reading', () => {
  assert.equal(logic.num(1234567), '1,234,567');
  assert.equal(logic.num(999), '999');
  assert.equal(logic.signed(3), '+3');
  assert.equal(logic.signed(-3), '−3');
  assert.equal(logic.signed(0), '0');
  assert.equal(logic.pShort(0.03994), '0.04');
  assert.equal(logic.pShort(0.0004), '< 0.001');
  assert.equal(logic.pText(0.00001), '< 0.0001');
  assert.equal(logic.answerText([]), '—');
  assert.equal(logic.answerText(['a', 'c']), 'a,c');
  assert.equal(logic.median([5, 1, 3]), 3);
  assert.equal(logic.median([]), null);
  assert.equal(logic.ratio(1, 0), 0);
});

test('a missing sort key (an unknown cost) sorts after every known one, whichever the direction', () => {
  const costs = [2, null, 0.5, null, 10];
  assert.deepEqual([...costs].sort((x, y) => logic.nullsLast(x, y, 'asc')), [0.5, 2, 10, null, null]);
  assert.deepEqual([...costs].sort((x, y) => logic.nullsLast(x, y, 'desc')), [10, 2, 0.5, null, null]);
  assert.equal(logic.nullsLast(0, null, 'asc'), -1, 'a run that cost $0 is known, not missing');
  assert.equal(logic.truncatedOf({ truncated: 7 }), 7);
  assert.equal(logic.truncatedOf({ truncated: 0 }), 0);
  assert.equal(logic.truncatedOf(undefined), null);
});

test("the default exam's documents keep their plain keys, another exam's are prefixed", () => {
  assert.equal(logic.examDocKey(null, 'model/run1'), 'model/run1');
  assert.equal(logic.examDocKey('119', 'model/run1'), 'exam/119/model/run1');
  assert.deepEqual(logic.splitExamKey('exam/119/answer/run1/119A-1'), { exam: '119', key: 'answer/run1/119A-1' });
  assert.equal(logic.splitExamKey('answer/run1/120A-1'), null);
  assert.equal(logic.splitExamKey('exam/119'), null);
});

test('switching exam keeps the views every exam has and leaves a model or question page for the leaderboard', () => {
  assert.equal(logic.viewAfterSwitch('hardest'), 'hardest');
  assert.equal(logic.viewAfterSwitch('matrix'), 'matrix');
  assert.equal(logic.viewAfterSwitch('model'), 'leaderboard');
  assert.equal(logic.viewAfterSwitch('question'), 'leaderboard');
  assert.equal(logic.viewAfterSwitch('exams'), 'leaderboard');
});

test('P(pass) names the prohibited-choice criterion, as an annotation, only where the exam sets it', () => {
  assert.equal(logic.passCriteriaText({ required_min_score: 160, general_min_score: 224 }), 'both criteria hold');
  const three = logic.passCriteriaText({ prohibited_max: 3,
    prohibited_annotated_by: 'IgakuQA\'s authors (not official: the ministry publishes no list)' });
  assert.match(three, /^all three criteria hold \(at most 3 answers with a prohibited choice/);
  assert.match(three, /as annotated by IgakuQA's authors \(not official: the ministry publishes no list\)\)$/);
});

test('a search query is words or quoted phrases, folded: NFKC and lower case', () => {
  assert.deepEqual(logic.searchTerms('胃癌  "早期 胃癌" ＣＴ ct Ct'), ['胃癌', '早期 胃癌', 'ct']);
  assert.deepEqual(logic.searchTerms('   '), []);
  assert.deepEqual(logic.searchTerms(null), []);
  assert.equal(logic.fold('ＭＲＩ ｶﾞｽ Parkinson'), 'mri ガス parkinson');
  const text = logic.fold('65歳の男性。胃癌の疑いで、ＣＴを撮影した。');
  assert.equal(logic.holdsAll(text, logic.searchTerms('胃癌 ct')), true);
  assert.equal(logic.holdsAll(text, logic.searchTerms('胃癌 mri')), false, 'every word must occur');
  assert.equal(logic.holdsAll(text, []), false, 'a blank query finds nothing');
});

test('matches map back to the original text, full-width, half-width and astral characters included', () => {
  const text = '６５歳。胃癌の疑いで、ＣＴを撮影。ｶﾞｽ😀胃癌';
  const at = (r) => text.slice(r[0], r[1]);
  assert.deepEqual(logic.matchRanges(text, logic.searchTerms('胃癌 ct ガス')).map(at), ['胃癌', 'ＣＴ', 'ｶﾞｽ', '胃癌']);
  assert.deepEqual(logic.matchRanges('aaa', ['aa']), [[0, 3]], 'overlapping matches merge');
});

test('a snippet shows the text around the first match with every match marked, cut with an ellipsis', () => {
  const text = 'x'.repeat(100) + ' 胃癌の\n\n疑い。' + 'y'.repeat(200) + '胃癌';
  const pieces = logic.snippetOf(text, ['胃癌', '疑い'], 10);
  assert.equal(pieces[0].text, '…');
  assert.equal(pieces[pieces.length - 1].text, '…');
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ['胃癌', '疑い']);
  assert.equal(pieces.map((p) => p.text).join('').includes('の 疑い'), true, 'white space runs read as one space');
  const short = logic.snippetOf('ｶﾞｽ が出た ｶﾞｽ', logic.searchTerms('ガス'), 3);
  assert.deepEqual(short, [{ text: 'ｶﾞｽ', mark: true }, { text: ' が出た ', mark: false }, { text: 'ｶﾞｽ', mark: true }], 'a match is never cut');
});

test('an export is RFC 4180 CSV whose cells a spreadsheet never runs as formulas, or JSON that names its view', () => {
  const csv = logic.toCsv(['name', 'score', 'passed', 'note'], [
    { name: 'a, "quoted" model', score: 449, passed: true, note: null },
    { name: '=HYPERLINK("http://x")', score: -3, passed: false, note: 'two\nlines' }]);
  assert.equal(csv, 'name,score,passed,note\r\n"a, ""quoted"" model",449,true,\r\n"\'=HYPERLINK(""http://x"")",-3,false,"two\nlines"\r\n');
  assert.equal(logic.csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(logic.csvCell('-1+2'), "'-1+2", 'text that looks like a formula');
  assert.equal(logic.csvCell(-1), '-1', 'a number stays a number');
  const json = JSON.parse(logic.toJson({ view: '#/model/x?result=wrong' }, ['q', 'p'], [{ q: '120A-1', p: 'a', extra: 1 }, { q: '120A-2' }]));
  assert.deepEqual(json, { view: '#/model/x?result=wrong', columns: ['q', 'p'], rows: [{ q: '120A-1', p: 'a' }, { q: '120A-2', p: null }] });
  assert.equal(logic.exportName(['jmle-bench', '120', 'answers', 'anthropic_claude-opus-4.6', 'result=wrong', '', null], 'csv'),
    'jmle-bench-120-answers-anthropic_claude-opus-4.6-result_wrong.csv');
});

test('a run under way reads as answered of total, right so far, errors and the time to go at its pace', () => {
  const run = { file: 'r.json', model: 'm', answered: 100, correct: 90, errors: 2, total_questions: 400, running: true, wall_ms: 50000, updated_ms: 0 };
  assert.equal(logic.progressText(run, 0), '100/400 answered, 90.0% right so far, 2 errors · about 3 min to go');
  assert.equal(logic.progressText({ ...run, answered: 390, correct: 351, errors: 1 }, 0), '390/400 answered, 90.0% right so far, 1 error · about 1 s to go');
  assert.equal(logic.progressText({ ...run, answered: 0, correct: 0, errors: 0, wall_ms: 0 }, 0), '0/400 answered');
  assert.equal(logic.progressText({ ...run, total_questions: null }, 0), '100 answered, 90.0% right so far, 2 errors');
  assert.equal(logic.progressText({ ...run, running: false, updated_ms: 0 }, 5 * 60000),
    '100/400 answered, 90.0% right so far, 2 errors — stopped 5 min ago; run the same command again to continue');
});

test('a static report holds a run\'s answers in one script, every other document in its own', () => {
  assert.equal(logic.scriptOf('answer/run-1/120A-1'), 'answer/run-1');
  assert.equal(logic.scriptOf('exam/119/answer/run-1/119A1'), 'exam/119/answer/run-1');
  assert.equal(logic.scriptOf('model/run-1'), 'model/run-1');
  assert.equal(logic.scriptOf('exam/119/question/119A1'), 'exam/119/question/119A1');
  assert.equal(logic.scriptOf('pair/a/b'), 'pair/a/b');
  assert.equal(logic.scriptOf('answer-texts/run-1'), 'answer-texts/run-1');
  assert.equal(logic.scriptOf('index'), 'index');
});

test('a robustness card reads as rows on one whisker scale that holds zero, a subset row saying what it was paired on', () => {
  const v = (o) => Object.assign({ label: 'x', run: 'r', subset: false, score: 480, score_max: 500, score_pct: 0.96, paired_questions: 400,
    paired_score_max: 500, paired_default_score: 486, score_difference: -6, score_difference_ci: [-14, 1], holm_p: 0.3, right_to_wrong: 9, wrong_to_right: 4 }, o);
  const card = { variants: [v({ label: 'choice order cyclic:1' }),
    v({ label: 'image mode blind', subset: true, score: 75, score_max: 118, score_pct: 0.6356, paired_questions: 98, paired_score_max: 118,
      paired_default_score: 110, score_difference: -35, score_difference_ci: [-46, -25], holm_p: 0.00001 })] };
  const { rows, span } = logic.cardRows(card);
  assert.deepEqual(rows.map((r) => [r.label, r.score, r.delta, r.ci, r.holm, r.coversZero]), [
    ['choice order cyclic:1', '480/500 (96.0%)', '−6', '[−14, +1]', '0.3', true],
    ['image mode blind', '75/118 (63.6%)', '−35', '[−46, −25]', '< 0.0001', false]]);
  assert.equal(rows[0].paired, null);
  assert.equal(rows[1].paired, 'on the 98 questions it asked: default 110/118');
  assert.ok(span[0] < -46 && span[1] > 1);
  assert.ok(logic.spanAt(span, 0) > logic.spanAt(span, -35));
  assert.equal(logic.spanAt([2, 2], 2), 0.5);
});
