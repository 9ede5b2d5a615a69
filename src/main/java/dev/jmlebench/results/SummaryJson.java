package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.score.Summary;
import dev.jmlebench.score.Tally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code summary} object of SPEC §5, field by field in the published order. */
final class SummaryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> FIELDS = List.of("accuracy", "correct", "incorrect", "score", "score_max",
      "score_pct", "text_only_score", "text_only_score_max", "text_only_score_pct", "required_score",
      "required_score_max", "required_score_pct", "general_score", "general_score_max", "general_score_pct",
      "required_pass", "general_pass", "parse_failures", "errors", "by_block", "by_type", "by_image");
  private static final Set<String> KNOWN = Set.copyOf(FIELDS);

  private SummaryJson() {}

  static ObjectNode toJson(Summary s) {
    ObjectNode o = NODES.objectNode();
    ratio(o, "accuracy", s.accuracy(), s.attempted());
    o.put("correct", s.correct());
    o.put("incorrect", s.incorrect());
    o.put("score", s.score());
    o.put("score_max", s.scoreMax());
    ratio(o, "score_pct", s.scorePct(), s.scoreMax());
    o.put("text_only_score", s.textOnlyScore());
    o.put("text_only_score_max", s.textOnlyScoreMax());
    ratio(o, "text_only_score_pct", s.textOnlyScorePct(), s.textOnlyScoreMax());
    o.put("required_score", s.requiredScore());
    o.put("required_score_max", s.requiredScoreMax());
    ratio(o, "required_score_pct", s.requiredScorePct(), s.requiredScoreMax());
    o.put("general_score", s.generalScore());
    o.put("general_score_max", s.generalScoreMax());
    ratio(o, "general_score_pct", s.generalScorePct(), s.generalScoreMax());
    o.put("required_pass", s.requiredPass());
    o.put("general_pass", s.generalPass());
    o.put("parse_failures", s.parseFailures());
    o.put("errors", s.errors());
    o.set("by_block", tallies(s.byBlock()));
    o.set("by_type", tallies(s.byType()));
    o.set("by_image", tallies(s.byImage()));
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
      e.put("correct", t.correct());
      e.put("total", t.total());
      ratio(e, "accuracy", t.accuracy(), t.total());
    });
    return o;
  }

  static Summary fromJson(JsonNode node, String file) {
    ResultFiles.Fields f = new ResultFiles.Fields(node, file, "summary");
    int correct = f.integer("correct", 0);
    int incorrect = f.integer("incorrect", 0);
    return new Summary(
        correct,
        correct + incorrect,
        f.integer("score", 0),
        f.integer("score_max", 0),
        f.integer("text_only_score", 0),
        f.integer("text_only_score_max", 0),
        f.integer("required_score", 0),
        f.integer("required_score_max", 0),
        f.integer("general_score", 0),
        f.integer("general_score_max", 0),
        nullableBool(f, "required_pass"),
        nullableBool(f, "general_pass"),
        f.integer("parse_failures", 0),
        f.integer("errors", 0),
        new TreeMap<>(tallies(f, "by_block")),
        tallies(f, "by_type"),
        tallies(f, "by_image"));
  }

  private static Boolean nullableBool(ResultFiles.Fields f, String field) {
    JsonNode v = f.node().get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw f.error(field, "should be true, false or null, not " + v);
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
      ResultFiles.Fields t = new ResultFiles.Fields(e.getValue(), f.file(), "summary." + field + "." + e.getKey());
      if (!e.getValue().isObject()) {
        throw new UserError(f.file() + ": summary." + field + "." + e.getKey() + " should be an object");
      }
      out.put(e.getKey(), new Tally(t.integer("correct", 0), t.integer("total", 0)));
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
