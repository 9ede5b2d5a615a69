// Pure logic of the pages: formatting, filters, reading a pair from either side. No DOM; unit-tested with node --test.
const pct = (x) => (x * 100).toFixed(1) + '%';

const ratio = (a, b) => (b ? a / b : 0);
const answerText = (a) => (a && a.length ? a.join(',') : '—');

// Not toLocaleString: its first call loads the browser's locale data, tens of milliseconds on a fresh page.
const num = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// The exam's rules (blocks, which are required, pass marks, chart scales) come only from index.exam.
const blockIds = (exam) => exam.blocks.map((b) => b.id);

const isRequired = (exam, id) => exam.blocks.some((b) => b.id === id && b.required);
const requiredIds = (exam) => exam.blocks.filter((b) => b.required).map((b) => b.id);

const RESULT_FILTERS = {
  correct: (o) => o === 'c', incorrect: (o) => o === 'i', parse: (o) => o === 'p', error: (o) => o === 'e', wrong: (o) => o === 'i' || o === 'p' || o === 'e',
};

function filterOf(params) {
  return { block: params.get('block') || '', result: params.get('result') || '', image: params.get('image') || '', type: params.get('type') || '' };
}

function matches(f, q, o) {
  return (!f.block || q.block === f.block)
    && (!f.result || (RESULT_FILTERS[f.result] || (() => true))(o))
    && (!f.image || (f.image === 'with') === q.image)
    && (!f.type || q.type === f.type);
}

function median(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const signed = (n) => (n > 0 ? '+' + n : n < 0 ? '−' + -n : '0');
const pText = (p) => (p < 0.0001 ? '< 0.0001' : String(p));

/** Short enough for a matrix cell: two significant digits. */
const pShort = (p) => (p < 0.001 ? '< 0.001' : String(Number(p.toPrecision(2))));

/**
 * A pair of the comparisons seen from row model X against column model Y: the documents orient each pair
 * with A the higher-ranked run, so a cell below the diagonal reads the pair flipped. The matrix counts; the
 * score difference's interval is in the pair's own document (full), null until that is loaded.
 */
function pairIndex(doc) {
  const byIds = new Map();
  for (const p of doc.pairs) {
    const a = doc.runs[p.a_rank - 1].id;
    const b = doc.runs[p.b_rank - 1].id;
    byIds.set(a + ' ' + b, { p, a, b, flipped: false });
    byIds.set(b + ' ' + a, { p, a, b, flipped: true });
  }
  return (x, y) => byIds.get(x + ' ' + y);
}

function seenFromRow(cell, full) {
  const p = cell.p;
  const ci = full ? full.score_difference_ci : null;
  return cell.flipped
    ? { xRight: p.a_wrong_b_right, yRight: p.a_right_b_wrong, diff: -p.score_difference, ci: ci && [-ci[1], -ci[0]] }
    : { xRight: p.a_right_b_wrong, yRight: p.a_wrong_b_right, diff: p.score_difference, ci };
}

function verdictClass(p, v) {
  if (!p.distinguishable) return 'same';
  return v.xRight > v.yRight ? 'better' : 'worse';
}

/** Orders two sort keys, a missing one (null: not known, such as a published file's cost) after any known one in either direction. */
function nullsLast(x, y, dir) {
  if (x == null || y == null) return x == null && y == null ? 0 : x == null ? 1 : -1;
  const d = x < y ? -1 : x > y ? 1 : 0;
  return dir === 'asc' ? d : -d;
}

/**
 * What a resample must meet to count for P(pass): the two score criteria, and the prohibited-choice one where
 * the exam's criteria set it (index.exam.pass.prohibited_max), labelled as the annotation it rests on
 * (prohibited_annotated_by, from the edition's data).
 */
function passCriteriaText(pass) {
  return pass.prohibited_max == null ? 'both criteria hold'
    : 'all three criteria hold (at most ' + pass.prohibited_max + ' answers with a prohibited choice, as annotated by ' + pass.prohibited_annotated_by + ')';
}

/** Answers cut off at the token limit or empty, as the run recorded them (metadata.totals.truncated); null when it did not. */
const truncatedOf = (totals) => (totals && Number.isInteger(totals.truncated) ? totals.truncated : null);

/**
 * The key of a document of the exam shown: the folder's default exam (null) keeps the plain key, another exam's
 * documents are the same keys under exam/ID/.
 */
const examDocKey = (exam, key) => (exam ? 'exam/' + exam + '/' + key : key);

/** The exam and the plain key of a prefixed key (exam/ID/KEY), or null for a key of the default exam. */
function splitExamKey(key) {
  const m = /^exam\/([^/]+)\/(.+)$/.exec(key);
  return m ? { exam: m[1], key: m[2] } : null;
}

/** Switching exam keeps the views every exam has; a model or a question belongs to one exam, so it goes to the leaderboard. */
const viewAfterSwitch = (view) => (['leaderboard', 'hardest', 'matrix'].includes(view) ? view : 'leaderboard');

/*
 * Full-text search. A query is words, or "quoted phrases", that must all occur; text and query are compared
 * folded: each character in NFKC (full-width ＣＴ is CT, half-width ｶﾅ is カナ) and lower case.
 */
const FOLDED = new Map();

function foldChar(ch) {
  let f = FOLDED.get(ch);
  if (f === undefined) {
    f = ch.normalize('NFKC').toLowerCase();
    FOLDED.set(ch, f);
  }
  return f;
}

/**
 * A text folded for matching, character by character so that a match maps back to the original: calls
 * {@code put(folded, index)} for each character. A voiced or semi-voiced sound mark (half-width ﾞ, ﾟ) joins
 * the kana before it, as NFKC of the whole text would (ｶﾞ is ガ).
 */
function foldEach(text, put) {
  let i = 0;
  let last = '';
  let lastAt = 0;
  for (const ch of text) {
    let f = foldChar(ch);
    let at = i;
    if ((f === '\u3099' || f === '\u309a') && last) {
      const joined = (last + f).normalize('NFC');
      if (joined.length === 1) {
        put(null, lastAt); // takes the kana back
        f = joined;
        at = lastAt;
      }
    }
    put(f, at);
    last = f.length === 1 ? f : '';
    lastAt = at;
    i += ch.length;
  }
}

function fold(text) {
  const parts = [];
  foldEach(text, (f) => { if (f === null) parts.pop(); else parts.push(f); });
  return parts.join('');
}

/** The folded terms of a query; none for a blank one. */
function searchTerms(query) {
  const terms = [];
  const re = /"([^"]*)"|(\S+)/gu;
  for (let m = re.exec(query || ''); m; m = re.exec(query)) {
    const t = fold((m[1] !== undefined ? m[1] : m[2]).trim());
    if (t && !terms.includes(t)) terms.push(t);
  }
  return terms;
}

/** Whether a folded text holds every term. */
const holdsAll = (folded, terms) => terms.length > 0 && terms.every((t) => folded.includes(t));

/** The ranges [start, end) of the original text whose folded form matches a term, merged, in order. */
function matchRanges(text, terms) {
  const from = [];
  const parts = [];
  foldEach(text, (f, at) => {
    if (f === null) {
      from.length -= parts.pop().length;
      return;
    }
    parts.push(f);
    for (let k = 0; k < f.length; k++) from.push(at);
  });
  const folded = parts.join('');
  from.push(text.length);
  const ranges = [];
  for (const t of terms) {
    for (let at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + 1)) {
      let end = from[at + t.length];
      if (end === from[at + t.length - 1]) end = nextChar(text, end); // the term ends inside a character's fold
      ranges.push([from[at], end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const nextChar = (text, i) => Math.min(text.length, i + (text.codePointAt(i) > 0xffff ? 2 : 1));

/**
 * A few dozen characters around the first match of a text that holds the terms, as pieces to show: plain
 * text and marked matches ({text, mark}), with '…' where the text was cut and runs of white space as one space.
 */
function snippetOf(text, terms, around = 40) {
  const ranges = matchRanges(text, terms);
  if (!ranges.length) return [{ text: text.slice(0, around * 2).replace(/\s+/gu, ' '), mark: false }];
  let start = Math.max(0, ranges[0][0] - around);
  let end = Math.min(text.length, ranges[0][1] + around * 2);
  for (const [a, b] of ranges) if (a < end && b > end) end = b; // a match is never cut
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  const pieces = [];
  const put = (a, b, mark) => { if (b > a) pieces.push({ text: text.slice(a, b).replace(/\s+/gu, ' '), mark }); };
  if (start > 0) pieces.push({ text: '…', mark: false });
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    put(at, Math.max(at, a), false);
    put(Math.max(at, a), Math.min(b, end), true);
    at = Math.min(b, end);
  }
  put(at, end, false);
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/*
 * Exports: a table as the rows shown (its filters and order), with named columns, as CSV or JSON. A row is an
 * object of those columns; null is an empty CSV cell and JSON null.
 */

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading ' : names and answers come from files.
 */
function csvCell(v) {
  if (v == null) return '';
  if (typeof v !== 'string') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The table as CSV: a header of the column names, then a line per row, lines ended by CRLF. */
function toCsv(columns, rows) {
  return [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((cells, i) => cells.map((v) => (i === 0 ? csvCell(String(v)) : csvCell(v))).join(',')).join('\r\n') + '\r\n';
}

/** The table as JSON: what it is and the address that shows it (with its filters), then its rows. */
function toJson(about, columns, rows) {
  return JSON.stringify({ ...about, columns, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] === undefined ? null : r[c]]))) }, null, 2) + '\n';
}

/** A file name for an export: the parts that name the table and its filters, in safe characters. */
function exportName(parts, ext) {
  return parts.filter((p) => p != null && p !== '').map((p) => String(p).replace(/[^A-Za-z0-9._-]+/g, '_')).join('-') + '.' + ext;
}

/**
 * A run under way as its journal shows it (live.running): answered of total, the share right so far, errors, and
 * how long the rest takes at the pace so far; a run whose process is gone is said to have stopped.
 */
function progressText(run, now) {
  const of = run.total_questions ? run.answered + '/' + run.total_questions + ' answered' : run.answered + ' answered';
  const right = run.answered ? ', ' + (100 * run.correct / run.answered).toFixed(1) + '% right so far' : '';
  const errors = run.errors ? ', ' + run.errors + (run.errors === 1 ? ' error' : ' errors') : '';
  if (!run.running) {
    const ago = Math.max(0, Math.round((now - run.updated_ms) / 60000));
    return of + right + errors + ' — stopped ' + (ago < 1 ? 'just now' : ago + ' min ago') + '; run the same command again to continue';
  }
  let eta = '';
  if (run.total_questions && run.answered && run.wall_ms > 0 && run.answered < run.total_questions) {
    const seconds = Math.round(run.wall_ms / 1000 / run.answered * (run.total_questions - run.answered));
    eta = ' · about ' + (seconds < 90 ? seconds + ' s' : Math.round(seconds / 60) + ' min') + ' to go';
  }
  return of + right + errors + eta;
}

/**
 * The script of a static report that holds a key's document: a run's answers share one (answer/ID, or
 * exam/E/answer/ID), every other key has its own. ReportWriter.scriptOf is the same rule.
 */
function scriptOf(key) {
  const parts = key.split('/');
  const kind = parts.length > 2 && parts[0] === 'exam' ? 2 : 0;
  return parts.length === kind + 3 && parts[kind] === 'answer' ? parts.slice(0, kind + 2).join('/') : key;
}

/**
 * The robustness card's rows as the model page prints them (docs/ROBUSTNESS.md): per variant its label, score,
 * the difference against the default with its interval, the Holm-adjusted p and the transitions; and the
 * span a row's whisker is drawn in, zero included, so every row shares one scale.
 */
function cardRows(card) {
  const rows = card.variants.map((v) => ({
    run: v.run, label: v.label, subset: v.subset,
    score: v.score + '/' + v.score_max + ' (' + pct(v.score_pct) + ')',
    paired: v.subset ? 'on the ' + v.paired_questions + ' questions it asked: default ' + v.paired_default_score + '/' + v.paired_score_max : null,
    delta: signed(v.score_difference), ci: '[' + signed(v.score_difference_ci[0]) + ', ' + signed(v.score_difference_ci[1]) + ']',
    holm: pText(v.holm_p), rightToWrong: v.right_to_wrong, wrongToRight: v.wrong_to_right,
    value: v.score_difference, low: v.score_difference_ci[0], high: v.score_difference_ci[1],
    coversZero: v.score_difference_ci[0] <= 0 && v.score_difference_ci[1] >= 0,
  }));
  const lo = Math.min(0, ...rows.map((r) => r.low));
  const hi = Math.max(0, ...rows.map((r) => r.high));
  const pad = Math.max(1, (hi - lo) * 0.05);
  return { rows, span: [lo - pad, hi + pad] };
}

/** Where a value falls on a whisker's span, from 0 (left) to 1 (right). */
const spanAt = (span, x) => (span[1] === span[0] ? 0.5 : (x - span[0]) / (span[1] - span[0]));

// Node's test runner loads this file on its own (src/test/js); in the page it is part of the one script.
if (typeof module !== 'undefined') {
  module.exports = { pct, ratio, answerText, num, blockIds, isRequired, requiredIds, RESULT_FILTERS, filterOf, matches, median, signed, pText, pShort, pairIndex, seenFromRow, verdictClass, nullsLast, passCriteriaText, truncatedOf, examDocKey, splitExamKey, scriptOf, viewAfterSwitch, fold, searchTerms, holdsAll, matchRanges, snippetOf, csvCell, toCsv, toJson, exportName, progressText, cardRows, spanAt };
}
