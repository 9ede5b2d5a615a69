package dev.jmlebench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.dataset.sources.IgakuQa119Source;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultSchema;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads IgakuQA119's published answer files ({@code answers/119{A..F}_<experiment>.json}: {@code results[]}
 * with {@code question_number} like {@code 119A12} and the model's reply in {@code answers[0]}) into this
 * project's per-question results, ungraded: grading is the answer key's (see {@code ImportCommand}).
 *
 * <p>The answer is normalised as that project's grader does, so that the grading here equals its published
 * one: lower-cased, {@code [}, {@code ]}, {@code ,} and spaces dropped, then — for a choice question — its
 * letters sorted. What remains must be letters a-e (a choice question) or a value (a calculation) to count
 * as parsed; anything else ({@code "b (100%)"}, a placeholder the model copied) is an answer that did not
 * parse, and is wrong, as it is there.
 */
public final class IgakuQa119Answers {
  public static final String FORMAT = "igakuqa119";

  private static final Pattern DROPPED = Pattern.compile("[\\[\\], ]");
  private static final Pattern LETTERS = Pattern.compile("[a-e]+");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  /** The answers read, by question id in exam order, and what the files say of the run. */
  public record Read(Map<String, QuestionResult> results, String model, String firstTimestamp,
      List<SourceFile> files) {}

  /** One input file, named as given, with its SHA-256 so the import says exactly what it read. */
  public record SourceFile(String name, String sha256) {}

  private IgakuQa119Answers() {}

  /** The normalised answer, as IgakuQA119's grader compares it. */
  public static String normalise(String answer, QuestionType type) {
    String s = DROPPED.matcher(answer.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    if (type == QuestionType.CALCULATION) {
      return s;
    }
    char[] chars = s.toCharArray();
    java.util.Arrays.sort(chars);
    return new String(chars);
  }

  /** The prediction of a normalised answer: letters one by one, a calculation's value whole; empty if neither. */
  public static List<String> predicted(String normalised, QuestionType type) {
    if (type == QuestionType.CALCULATION) {
      return normalised.isEmpty() ? List.of() : List.of(normalised);
    }
    if (!LETTERS.matcher(normalised).matches()) {
      return List.of();
    }
    return normalised.chars().mapToObj(c -> String.valueOf((char) c)).toList();
  }

  public static Read read(List<Path> files, Dataset dataset) {
    Map<String, QuestionResult> byId = new TreeMap<>();
    List<SourceFile> sources = new ArrayList<>();
    String model = null;
    String first = null;
    for (Path file : files) {
      byte[] bytes = JsonFiles.readBytes(file, "no such answer file");
      sources.add(new SourceFile(file.getFileName().toString(), Hashing.sha256Hex(bytes)));
      JsonNode root = JsonFiles.parse(bytes, file, "");
      JsonNode results = root.path("results");
      if (!results.isArray()) {
        throw new UserError(file + ": not an IgakuQA119 answer file (expected an object with a 'results' array)");
      }
      for (int i = 0; i < results.size(); i++) {
        JsonNode entry = results.get(i);
        String where = file + ": results[" + i + "]";
        String number = entry.path("question_number").asText("");
        QuestionId id = IgakuQa119Source.idOf(number).orElseThrow(() ->
            new UserError(where + ": question_number '" + number + "' is not a question of the 119th exam"));
        Question q = dataset.question(id.toString()).orElseThrow(() ->
            new UserError(where + ": question " + number + " is not in the dataset"));
        JsonNode reply = entry.path("answers").path(0);
        if (!reply.path("answer").isTextual()) {
          throw new UserError(where + " (" + number + "): answers[0].answer is missing or not a string");
        }
        if (byId.containsKey(q.questionId())) {
          throw new UserError(where + ": question " + number + " is answered a second time");
        }
        if (model == null && reply.path("model").isTextual()) {
          model = reply.path("model").asText();
        }
        String stamp = timestamp(reply.path("timestamp").asText(""));
        if (stamp != null && (first == null || stamp.compareTo(first) < 0)) {
          first = stamp;
        }
        byId.put(q.questionId(), result(q, reply));
      }
    }
    return new Read(ExamOrder.of(byId, dataset), model, first, sources);
  }

  private static QuestionResult result(Question q, JsonNode reply) {
    String answer = reply.path("answer").asText();
    List<String> predicted = predicted(normalise(answer, q.type()), q.type());
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    JsonNode confidence = reply.get("confidence");
    if (confidence != null && confidence.isNumber()) {
      extra.put(ResultSchema.Result.CONFIDENCE, DoubleNode.valueOf(confidence.doubleValue()));
    }
    StringBuilder reasoning = new StringBuilder();
    for (String field : List.of("explanation", "cot")) {
      JsonNode v = reply.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        reasoning.append(reasoning.length() > 0 ? "\n\n" : "").append(v.asText());
      }
    }
    return new QuestionResult(q.questionId(), predicted, q.answer(), false, answer, !predicted.isEmpty(), null,
        reasoning.length() > 0 ? reasoning.toString() : null, extra);
  }

  /** {@code 2025-05-12T20:12:09.077638} → {@code 20250512_201209}; null when absent or unreadable. */
  private static String timestamp(String iso) {
    try {
      return LocalDateTime.parse(iso).format(STAMP);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The name an import shows for the model IgakuQA119's files record: the model's own name — its path, tag
   * and file extension left out ({@code ollama-models/Preferred-MedLLM-Qwen-72B-bf16.gguf:latest} →
   * {@code Preferred-MedLLM-Qwen-72B-bf16}) — marked as IgakuQA119's run of it.
   */
  public static String displayName(String model) {
    String name = model.substring(model.lastIndexOf('/') + 1);
    name = name.replaceFirst(":[^:]*$", "").replaceFirst("(?i)\\.(gguf|safetensors|bin)$", "");
    return (name.isBlank() ? model : name) + " (IgakuQA119)";
  }

  /** The provenance object an imported file's metadata carries. */
  public static ObjectNode provenance(Read read) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("repository", "github.com/docto-rin/IgakuQA119");
    var files = o.putArray("files");
    for (SourceFile f : read.files()) {
      files.addObject().put("name", f.name()).put("sha256", f.sha256());
    }
    return o;
  }
}
