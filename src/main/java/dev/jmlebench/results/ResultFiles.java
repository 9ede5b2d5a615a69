package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.score.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes result files in the published format (SPEC §5). Reading validates types and names the
 * file and the place of any fault in one line; fields that {@code rescore} recomputes ({@code predicted},
 * {@code correct}, {@code parse_success}, {@code summary}) may be absent. Writing is atomic and produces
 * the bytes Python's {@code json.dump(indent=2, ensure_ascii=False)} would.
 */
public final class ResultFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> RESULT_FIELDS = Set.of("question_id", "predicted", "gold", "correct",
      "raw_response", "parse_success", "error", "reasoning");
  private static final Set<String> METADATA_FIELDS = Set.of("model", "base_url", "timestamp", "image_mode",
      "extra_body", "total_questions", "attempted", "skipped_image", "display_name");

  private ResultFiles() {}

  public static ResultFile read(Path file) {
    JsonNode root = JsonFiles.parse(JsonFiles.readBytes(file, "no such result file"), file, "");
    return fromJson(root, file.toString());
  }

  public static void write(Path file, ResultFile result) {
    AtomicFiles.write(file, PythonJson.toBytes(toJson(result)));
  }

  /** The exam a file belongs to, from its question ids ({@code 120A-1} → {@code 120}); 120 when empty. */
  public static String examOf(ResultFile file) {
    return file.results().stream().findFirst()
        .flatMap(r -> QuestionId.parse(r.questionId()))
        .map(QuestionId::exam)
        .orElse("120");
  }

  // ---- reading -------------------------------------------------------------------------------------

  static ResultFile fromJson(JsonNode root, String name) {
    Fields top = new Fields(root, name, "the file");
    if (!root.isObject()) {
      throw new UserError(name + ": expected a JSON object with metadata, summary and results");
    }
    RunMetadata metadata = metadata(top.object("metadata", true), name);
    JsonNode summaryNode = top.object("summary", false);
    Summary summary = summaryNode == null ? null : SummaryJson.fromJson(summaryNode, name);
    Map<String, JsonNode> summaryExtra = summaryNode == null ? Map.of() : SummaryJson.extra(summaryNode);
    JsonNode resultsNode = top.array("results", true);
    List<QuestionResult> results = new ArrayList<>(resultsNode.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < resultsNode.size(); i++) {
      QuestionResult r = result(resultsNode.get(i), name, i);
      if (!seen.add(r.questionId())) {
        throw new UserError(name + ": results: question " + r.questionId() + " appears twice");
      }
      results.add(r);
    }
    return new ResultFile(metadata, summary, results, summaryExtra,
        extra(root, Set.of("metadata", "summary", "results")));
  }

  private static RunMetadata metadata(JsonNode node, String name) {
    Fields f = new Fields(node, name, "metadata");
    JsonNode extraBody = node.get("extra_body");
    if (extraBody != null && !extraBody.isNull() && !extraBody.isObject()) {
      throw f.error("extra_body", "should be an object or null");
    }
    return new RunMetadata(
        f.string("model", true),
        f.string("base_url", false),
        f.string("timestamp", false),
        f.string("image_mode", false),
        extraBody == null || extraBody.isNull() ? null : extraBody,
        f.integer("total_questions", 0),
        f.integer("attempted", 0),
        f.integer("skipped_image", 0),
        f.string("display_name", false),
        extra(node, METADATA_FIELDS));
  }

  private static QuestionResult result(JsonNode node, String name, int index) {
    if (!node.isObject()) {
      throw new UserError(name + ": results[" + index + "] is not an object");
    }
    Fields f = new Fields(node, name, "results[" + index + "]");
    String id = f.string("question_id", true);
    f = new Fields(node, name, "results[" + index + "] (" + id + ")");
    return new QuestionResult(
        id,
        f.strings("predicted"),
        f.strings("gold"),
        f.bool("correct"),
        nullToEmpty(f.string("raw_response", false)),
        f.bool("parse_success"),
        f.string("error", false),
        f.string("reasoning", false),
        extra(node, RESULT_FIELDS));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Map<String, JsonNode> extra(JsonNode node, Set<String> known) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!known.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  /** Typed access to one object's fields, with errors that name the file and the place. */
  record Fields(JsonNode node, String file, String where) {
    UserError error(String field, String problem) {
      return new UserError(file + ": " + where + ": field '" + field + "' " + problem);
    }

    JsonNode object(String field, boolean required) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          throw error(field, "is missing");
        }
        return null;
      }
      if (!v.isObject()) {
        throw error(field, "should be an object");
      }
      return v;
    }

    JsonNode array(String field, boolean required) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          throw error(field, "is missing");
        }
        return NODES.arrayNode();
      }
      if (!v.isArray()) {
        throw error(field, "should be an array");
      }
      return v;
    }

    String string(String field, boolean required) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          throw error(field, "is missing");
        }
        return null;
      }
      if (!v.isTextual()) {
        throw error(field, "should be a string, not " + v.getNodeType().name().toLowerCase());
      }
      return v.textValue();
    }

    int integer(String field, int absent) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return absent;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw error(field, "should be an integer, not " + v);
      }
      return v.intValue();
    }

    boolean bool(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        throw error(field, "should be true or false, not " + v);
      }
      return v.booleanValue();
    }

    List<String> strings(String field) {
      JsonNode v = array(field, false);
      List<String> out = new ArrayList<>(v.size());
      for (JsonNode e : v) {
        if (!e.isTextual()) {
          throw error(field, "should hold only strings, not " + e);
        }
        out.add(e.textValue());
      }
      return out;
    }
  }

  // ---- writing -------------------------------------------------------------------------------------

  public static ObjectNode toJson(ResultFile file) {
    ObjectNode root = NODES.objectNode();
    root.set("metadata", toJson(file.metadata()));
    if (file.summary() != null) {
      ObjectNode s = SummaryJson.toJson(file.summary());
      file.summaryExtra().forEach(s::set);
      root.set("summary", s);
    }
    ArrayNode results = root.putArray("results");
    for (QuestionResult r : file.results()) {
      results.add(toJson(r));
    }
    file.extra().forEach(root::set);
    return root;
  }

  static ObjectNode toJson(RunMetadata m) {
    ObjectNode o = NODES.objectNode();
    o.put("model", m.model());
    o.put("base_url", m.baseUrl());
    o.put("timestamp", m.timestamp());
    o.put("image_mode", m.imageMode());
    o.set("extra_body", m.extraBody() == null ? NODES.nullNode() : m.extraBody());
    o.put("total_questions", m.totalQuestions());
    o.put("attempted", m.attempted());
    o.put("skipped_image", m.skippedImage());
    if (m.displayName() != null) {
      o.put("display_name", m.displayName());
    }
    m.extra().forEach(o::set);
    return o;
  }

  public static ObjectNode toJson(QuestionResult r) {
    ObjectNode o = NODES.objectNode();
    o.put("question_id", r.questionId());
    ArrayNode p = o.putArray("predicted");
    r.predicted().forEach(p::add);
    ArrayNode g = o.putArray("gold");
    r.gold().forEach(g::add);
    o.put("correct", r.correct());
    o.put("raw_response", r.rawResponse());
    o.put("parse_success", r.parseSuccess());
    o.put("error", r.error());
    if (r.reasoning() != null) {
      o.put("reasoning", r.reasoning());
    }
    r.extra().forEach(o::set);
    return o;
  }

  /** Reads one result as {@link #toJson(QuestionResult)} writes it (the journal's line format). */
  public static QuestionResult resultFromJson(JsonNode node, String name) {
    return result(node, name, 0);
  }
}
