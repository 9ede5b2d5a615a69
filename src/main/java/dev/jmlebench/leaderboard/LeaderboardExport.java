package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.cost.RunCost;
import dev.jmlebench.results.PythonJson;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Ranking;
import dev.jmlebench.score.Scorer;
import dev.jmlebench.score.Summary;
import dev.jmlebench.score.Tally;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leaderboard for other tools: {@code leaderboard.json} and {@code leaderboard.csv}, one row per result
 * file (superseded runs included), best score first. The JSON is versioned; within a version fields are
 * only ever added, and readers ignore fields they do not know. Each JSON row has an {@code intervals}
 * object with the run's 95% confidence intervals and pass probability ({@code StatisticsJson.run}, empty for
 * a run without answers); the CSV has the same figures as its last columns.
 */
final class LeaderboardExport {
  static final String FORMAT = "jmle-bench-leaderboard";
  static final int VERSION = 1;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LeaderboardExport() {}

  /**
   * Every run, by score percentage (text-only figures for runs that skipped images), ties by file name
   * ({@link Ranking}).
   */
  static List<LeaderboardEntry> order(List<LeaderboardEntry> entries) {
    List<LeaderboardEntry> out = new ArrayList<>(entries);
    out.sort(Ranking.highestFirst(e -> e.summary().scorePct(), LeaderboardEntry::source));
    return out;
  }

  /** The columns of one row, in order: the CSV header and the JSON row keys. */
  static Map<String, Object> columns(LeaderboardEntry e) {
    Summary s = e.summary();
    Tally text = s.byImage().getOrDefault(Scorer.TEXT_ONLY, new Tally(0, 0));
    TableRow textRow = TableKind.TEXT.rowOf(e).orElseThrow();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", e.name());
    c.put(ResultSchema.Metadata.MODEL, e.metadata().model());
    c.put(ResultSchema.Metadata.IMAGE_MODE, e.imageMode().wireName());
    c.put(ResultSchema.Metadata.TIMESTAMP, e.metadata().timestamp());
    c.put(ResultSchema.Summary.SCORE, s.score());
    c.put(ResultSchema.Summary.SCORE_MAX, s.scoreMax());
    c.put(ResultSchema.Summary.SCORE_PCT, s.scorePct());
    c.put(ResultSchema.Summary.CORRECT, s.correct());
    c.put(ResultSchema.Metadata.ATTEMPTED, s.attempted());
    c.put(ResultSchema.Summary.ACCURACY, s.accuracy());
    c.put(ResultSchema.Summary.REQUIRED_SCORE, s.requiredScore());
    c.put(ResultSchema.Summary.REQUIRED_SCORE_MAX, s.requiredScoreMax());
    c.put(ResultSchema.Summary.REQUIRED_PASS, s.requiredPass());
    c.put(ResultSchema.Summary.GENERAL_SCORE, s.generalScore());
    c.put(ResultSchema.Summary.GENERAL_SCORE_MAX, s.generalScoreMax());
    c.put(ResultSchema.Summary.GENERAL_PASS, s.generalPass());
    c.put("passed", s.passed());
    // The third criterion (≤ 3 answers with a prohibited choice) where the exam's source annotates them
    // (IgakuQA's authors, not an official list); null — an empty CSV cell — where it is not judged.
    c.put(ResultSchema.Summary.PROHIBITED_ANSWERS, s.prohibitedAnswers());
    c.put(ResultSchema.Summary.PROHIBITED_PASS, s.prohibitedPass());
    c.put(ResultSchema.Summary.TEXT_ONLY_SCORE, textRow.score().part());
    c.put(ResultSchema.Summary.TEXT_ONLY_SCORE_MAX, textRow.score().whole());
    c.put(ResultSchema.Summary.TEXT_ONLY_SCORE_PCT, textRow.score().ratio());
    c.put("text_only_correct", text.correct());
    c.put("text_only_total", text.total());
    c.put("text_only_accuracy", text.accuracy());
    c.put(ResultSchema.Summary.PARSE_FAILURES, s.parseFailures());
    c.put(ResultSchema.Summary.ERRORS, s.errors());
    c.put("source_file", e.source());
    c.put("partial", e.completeness().partial());
    c.put("answered", e.completeness().answered());
    c.put("expected", e.completeness().expected());
    // Unknown (null, an empty CSV cell) for a file that records no cost or truncation, e.g. a published one.
    Optional<RunCost> cost = e.cost();
    c.put(ResultSchema.Totals.COST_USD, cost.map(x -> x.usd().doubleValue()).orElse(null));
    c.put("cost_usd_per_point", cost.flatMap(x -> x.per(s.score())).map(BigDecimal::doubleValue).orElse(null));
    c.put("cost_usd_per_correct", cost.flatMap(x -> x.per(s.correct())).map(BigDecimal::doubleValue).orElse(null));
    c.put(ResultSchema.Totals.TRUNCATED, e.truncated());
    return c;
  }

  /** The CSV's columns from the statistics, after {@link #columns}; each is a value of {@code intervals}. */
  private static final List<IntervalColumn> INTERVAL_COLUMNS = List.of(
      new IntervalColumn("score_pct_ci_low", "score_pct_ci", 0),
      new IntervalColumn("score_pct_ci_high", "score_pct_ci", 1),
      new IntervalColumn("accuracy_ci_low", "accuracy_ci", 0),
      new IntervalColumn("accuracy_ci_high", "accuracy_ci", 1),
      new IntervalColumn("accuracy_wilson_low", "accuracy_wilson_ci", 0),
      new IntervalColumn("accuracy_wilson_high", "accuracy_wilson_ci", 1),
      new IntervalColumn("pass_probability", "pass_probability", -1));

  /** A CSV column holding {@code intervals[key]}, or its element {@code index} when that is an interval. */
  private record IntervalColumn(String name, String key, int index) {
    Object valueIn(ObjectNode intervals) {
      JsonNode v = index < 0 ? intervals.path(key) : intervals.path(key).path(index);
      return v.isNumber() ? v.doubleValue() : null;
    }
  }

  /** The {@code intervals} object of a run: empty when it has no statistics. */
  private static ObjectNode intervals(LeaderboardEntry e, Map<String, RunIntervals> statistics) {
    RunIntervals stats = statistics.get(e.source());
    return stats == null ? NODES.objectNode() : stats.json();
  }

  static byte[] json(List<LeaderboardEntry> entries, Map<String, RunIntervals> statistics, AnswerKey key) {
    ExamCriteria criteria = key.criteria();
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put(ResultSchema.Metadata.EXAM, criteria.exam()); // the exam ranked, named as result files name it
    // The edition every run of this export was graded with (--key, per exam), named as result files name it.
    root.put(ResultSchema.Metadata.ANSWER_KEY, key.name());
    root.set("pass_criteria", PassCriteriaJson.of(criteria));
    ArrayNode rows = root.putArray("runs");
    for (LeaderboardEntry e : order(entries)) {
      ObjectNode row = rows.addObject();
      columns(e).forEach((k, v) -> row.set(k, value(v)));
      ObjectNode blocks = row.putObject(ResultSchema.Summary.BY_BLOCK);
      e.summary().byBlock().forEach((b, t) -> blocks.putObject(b)
          .put(ResultSchema.Summary.TALLY_CORRECT, t.correct()).put(ResultSchema.Summary.TALLY_TOTAL, t.total())
          .put(ResultSchema.Summary.TALLY_ACCURACY, t.accuracy()));
      row.set("intervals", intervals(e, statistics));
      RunIntervals stats = statistics.get(e.source());
      if (stats != null) {
        row.put(IntervalCache.KEY_FIELD, stats.key());
      }
    }
    return PythonJson.toBytes(root);
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(v.toString());
  }

  /**
   * RFC 4180 CSV with a header row: the JSON row's columns, then its intervals flattened (rounded as in the
   * JSON, since they are read from it). An unknown pass flag or pass probability is an empty cell.
   */
  static byte[] csv(List<LeaderboardEntry> entries, Map<String, RunIntervals> statistics) {
    List<Map<String, Object>> rows = order(entries).stream().map(e -> {
      Map<String, Object> row = columns(e);
      ObjectNode intervals = intervals(e, statistics);
      INTERVAL_COLUMNS.forEach(c -> row.put(c.name(), c.valueIn(intervals)));
      return row;
    }).toList();
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
    columns(entries.get(0)).keySet().forEach(schema::addColumn);
    INTERVAL_COLUMNS.forEach(c -> schema.addColumn(c.name()));
    try {
      return new CsvMapper().writer(schema.build()).writeValueAsBytes(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the leaderboard CSV", e);
    }
  }

  static void write(Path json, Path csv, List<LeaderboardEntry> entries, Map<String, RunIntervals> statistics,
      AnswerKey key) {
    AtomicFiles.writeIfChanged(json, json(entries, statistics, key));
    AtomicFiles.writeIfChanged(csv, csv(entries, statistics));
  }
}
