package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.score.Summary;
import dev.jmlebench.score.Tally;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code summary} object of SPEC §5, field by field in the published order. */
final class SummaryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> KNOWN = java.util.stream.Stream.concat(ResultSchema.Summary.PUBLISHED.stream(),
      java.util.stream.Stream.of(ResultSchema.Summary.PROHIBITED_ANSWERS, ResultSchema.Summary.PROHIBITED_PASS))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private SummaryJson() {}

  static ObjectNode toJson(Summary s) {
    ObjectNode o = NODES.objectNode();
    ratio(o, ResultSchema.Summary.ACCURACY, s.accuracy(), s.attempted());
    o.put(ResultSchema.Summary.CORRECT, s.correct());
    o.put(ResultSchema.Summary.INCORRECT, s.incorrect());
    o.put(ResultSchema.Summary.SCORE, s.score());
    o.put(ResultSchema.Summary.SCORE_MAX, s.scoreMax());
    ratio(o, ResultSchema.Summary.SCORE_PCT, s.scorePct(), s.scoreMax());
    o.put(ResultSchema.Summary.TEXT_ONLY_SCORE, s.textOnlyScore());
    o.put(ResultSchema.Summary.TEXT_ONLY_SCORE_MAX, s.textOnlyScoreMax());
    ratio(o, ResultSchema.Summary.TEXT_ONLY_SCORE_PCT, s.textOnlyScorePct(), s.textOnlyScoreMax());
    o.put(ResultSchema.Summary.REQUIRED_SCORE, s.requiredScore());
    o.put(ResultSchema.Summary.REQUIRED_SCORE_MAX, s.requiredScoreMax());
    ratio(o, ResultSchema.Summary.REQUIRED_SCORE_PCT, s.requiredScorePct(), s.requiredScoreMax());
    o.put(ResultSchema.Summary.GENERAL_SCORE, s.generalScore());
    o.put(ResultSchema.Summary.GENERAL_SCORE_MAX, s.generalScoreMax());
    ratio(o, ResultSchema.Summary.GENERAL_SCORE_PCT, s.generalScorePct(), s.generalScoreMax());
    o.put(ResultSchema.Summary.REQUIRED_PASS, s.requiredPass());
    o.put(ResultSchema.Summary.GENERAL_PASS, s.generalPass());
    o.put(ResultSchema.Summary.PARSE_FAILURES, s.parseFailures());
    o.put(ResultSchema.Summary.ERRORS, s.errors());
    o.set(ResultSchema.Summary.BY_BLOCK, tallies(s.byBlock()));
    o.set(ResultSchema.Summary.BY_TYPE, tallies(s.byType()));
    o.set(ResultSchema.Summary.BY_IMAGE, tallies(s.byImage()));
    if (s.prohibitedAnswers() != null) {
      o.put(ResultSchema.Summary.PROHIBITED_ANSWERS, s.prohibitedAnswers());
      o.put(ResultSchema.Summary.PROHIBITED_PASS, s.prohibitedPass());
    }
    return o;
  }

  /** A ratio whose denominator is 0 is written as the integer 0, as Python's {@code ... else 0} gives. */
  private static void ratio(ObjectNode o, String field, double value, int denominator) {
    if (denominator == 0) {
      o.put(field, 0);
    } else {
      o.put(field, value);
    }
  }

  private static ObjectNode tallies(Map<String, Tally> map) {
    ObjectNode o = NODES.objectNode();
    map.forEach((k, t) -> {
      ObjectNode e = o.putObject(k);
      e.put(ResultSchema.Summary.TALLY_CORRECT, t.correct());
      e.put(ResultSchema.Summary.TALLY_TOTAL, t.total());
      ratio(e, ResultSchema.Summary.TALLY_ACCURACY, t.accuracy(), t.total());
    });
    return o;
  }

  /** Counts are whole numbers from 0 up, and no part exceeds its whole: the tables divide one by the other. */
  static Summary fromJson(JsonNode node, String file) {
    ResultFiles.Fields f = new ResultFiles.Fields(node, file, ResultSchema.SUMMARY);
    int correct = f.count(ResultSchema.Summary.CORRECT);
    int incorrect = f.count(ResultSchema.Summary.INCORRECT);
    if ((long) correct + incorrect > Integer.MAX_VALUE) {
      throw f.error(ResultSchema.Summary.INCORRECT, "with '" + ResultSchema.Summary.CORRECT + "' exceeds any possible number of questions");
    }
    int scoreMax = f.count(ResultSchema.Summary.SCORE_MAX);
    int textOnlyMax = f.count(ResultSchema.Summary.TEXT_ONLY_SCORE_MAX);
    int requiredMax = f.count(ResultSchema.Summary.REQUIRED_SCORE_MAX);
    int generalMax = f.count(ResultSchema.Summary.GENERAL_SCORE_MAX);
    return new Summary(
        correct,
        correct + incorrect,
        f.countUpTo(ResultSchema.Summary.SCORE, scoreMax, ResultSchema.Summary.SCORE_MAX),
        scoreMax,
        f.countUpTo(ResultSchema.Summary.TEXT_ONLY_SCORE, textOnlyMax, ResultSchema.Summary.TEXT_ONLY_SCORE_MAX),
        textOnlyMax,
        f.countUpTo(ResultSchema.Summary.REQUIRED_SCORE, requiredMax, ResultSchema.Summary.REQUIRED_SCORE_MAX),
        requiredMax,
        f.countUpTo(ResultSchema.Summary.GENERAL_SCORE, generalMax, ResultSchema.Summary.GENERAL_SCORE_MAX),
        generalMax,
        nullableBool(f, ResultSchema.Summary.REQUIRED_PASS),
        nullableBool(f, ResultSchema.Summary.GENERAL_PASS),
        f.count(ResultSchema.Summary.PARSE_FAILURES),
        f.count(ResultSchema.Summary.ERRORS),
        new TreeMap<>(tallies(f, ResultSchema.Summary.BY_BLOCK)),
        tallies(f, ResultSchema.Summary.BY_TYPE),
        tallies(f, ResultSchema.Summary.BY_IMAGE),
        f.node().hasNonNull(ResultSchema.Summary.PROHIBITED_ANSWERS)
            ? f.count(ResultSchema.Summary.PROHIBITED_ANSWERS) : null,
        nullableBool(f, ResultSchema.Summary.PROHIBITED_PASS));
  }

  private static Boolean nullableBool(ResultFiles.Fields f, String field) {
    JsonNode v = f.node().get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw f.error(field, "should be true, false or null, not " + ResultFiles.Fields.brief(v));
    }
    return v.booleanValue();
  }

  private static Map<String, Tally> tallies(ResultFiles.Fields f, String field) {
    JsonNode obj = f.object(field, false);
    Map<String, Tally> out = new LinkedHashMap<>();
    if (obj == null) {
      return out;
    }
    obj.fields().forEachRemaining(e -> {
      ResultFiles.Fields t = new ResultFiles.Fields(e.getValue(), f.file(), ResultSchema.SUMMARY + "." + field + "." + e.getKey());
      if (!e.getValue().isObject()) {
        throw new UserError(f.file() + ": " + ResultSchema.SUMMARY + "." + field + "." + e.getKey() + " should be an object");
      }
      int total = t.count(ResultSchema.Summary.TALLY_TOTAL);
      out.put(e.getKey(), new Tally(t.countUpTo(ResultSchema.Summary.TALLY_CORRECT, total,
          ResultSchema.Summary.TALLY_TOTAL), total));
    });
    return out;
  }

  static Map<String, JsonNode> extra(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!KNOWN.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }
}
