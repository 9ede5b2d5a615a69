package dev.jmlebench.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.ResultSchema.Result;
import dev.jmlebench.score.Summary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and writes result files in the published format (SPEC §5). Reading validates types and names the
 * file and the place of any fault in one line; fields that {@code rescore} recomputes ({@code predicted},
 * {@code correct}, {@code parse_success}, {@code summary}) may be absent. Writing is atomic and produces
 * the bytes Python's {@code json.dump(indent=2, ensure_ascii=False)} would.
 *
 * <p>A file of any size can also be read ({@link #scan}) and written ({@link #write(Path, ResultFile,
 * UnaryOperator)}) one result at a time, in the memory of its largest answer: a run's answers may be megabytes
 * each, and a run must never need them all in memory at once.
 */
public final class ResultFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RESULT_FIELDS = Set.copyOf(Result.PUBLISHED);
  private static final Set<String> METADATA_FIELDS = Set.copyOf(Metadata.PUBLISHED);

  private ResultFiles() {}

  public static ResultFile read(Path file) {
    JsonNode root = JsonFiles.parse(JsonFiles.readBytes(file, "no such result file"), file, "");
    return fromJson(root, file.toString());
  }

  public static void write(Path file, ResultFile result) {
    write(file, result, UnaryOperator.identity());
  }

  /**
   * Writes {@code result} with each of its results replaced, as it is written, by {@code full} of it: a run holds
   * its answers without their texts ({@link QuestionResult#withoutTexts}) and hands each back whole here, one at a
   * time. The bytes are those {@link #write(Path, ResultFile)} writes of the whole results.
   */
  public static void write(Path file, ResultFile result, UnaryOperator<QuestionResult> full) {
    ObjectNode root = toJson(result.withResults(List.of()));
    AtomicFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      PythonJson.write(root, ResultSchema.RESULTS, result.results().stream().map(r -> toJson(full.apply(r))).iterator(),
          w);
      w.flush();
    });
  }

  /** Where one result stands in its file: the bytes of its JSON object, to read it again alone ({@link #readAt}). */
  public record Span(long offset, int length) {}

  /** Receives the results of a file {@link #scan} reads, one at a time. */
  @FunctionalInterface
  public interface ResultVisitor {
    void result(QuestionResult r, Span span);
  }

  /**
   * Reads a result file one result at a time, in the memory of its largest result: each is checked as
   * {@link #read} checks it and handed to {@code each} with its span; returns the file without its results. A
   * fault is named as {@link #read} names it (a result's fault may come to light after earlier results were
   * handed over).
   */
  public static ResultFile scan(Path file, ResultVisitor each) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
      try {
        return scan(p, name, each);
      } catch (JsonProcessingException e) {
        throw new UserError(name + ": " + JsonFiles.describe(e, p.currentLocation()));
      }
    } catch (NoSuchFileException e) {
      throw new UserError(name + ": no such result file");
    } catch (IOException e) {
      throw new UserError(name + ": cannot read: " + e.getMessage());
    }
  }

  private static ResultFile scan(JsonParser p, String name, ResultVisitor each) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new UserError(name + ": expected a JSON object with metadata, summary and results");
    }
    ObjectNode rest = NODES.objectNode();
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (!field.equals(ResultSchema.RESULTS) || value != JsonToken.START_ARRAY) {
        rest.set(field, p.readValueAsTree());
        continue;
      }
      rest.putArray(field);
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        long start = p.currentTokenLocation().getByteOffset();
        JsonNode node = p.readValueAsTree();
        long end = p.currentLocation().getByteOffset();
        QuestionResult r = result(node, name, i);
        if (!seen.add(r.questionId())) {
          throw new UserError(name + ": results: question " + r.questionId() + " appears twice");
        }
        ids.add(r.questionId());
        each.result(r, new Span(start, Math.toIntExact(end - start)));
      }
    }
    if (p.nextToken() != null) {
      throw new UserError(name + ": not valid JSON (" + where(p) + "): more after the end of the object");
    }
    ResultFile header = fromJson(rest, name);
    checkOneExam(header.metadata(), ids, name);
    return header;
  }

  private static String where(JsonParser p) {
    return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
  }

  /** The result {@link #scan} found at {@code span} of {@code file}, read again alone. */
  public static QuestionResult readAt(Path file, Span span) {
    String name = file + " (bytes " + span.offset() + "-" + (span.offset() + span.length()) + ")";
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(span.length());
      while (buf.hasRemaining()) {
        if (ch.read(buf, span.offset() + buf.position()) < 0) {
          throw new UserError(name + ": the file ends before the result: it changed while it was read");
        }
      }
      return result(JSON.readTree(buf.array()), name, 0);
    } catch (JsonProcessingException e) {
      throw new UserError(name + ": " + JsonFiles.describe(e, (byte[]) null) + " — the file changed while it was read");
    } catch (IOException e) {
      throw new UserError(name + ": cannot read: " + e.getMessage());
    }
  }

  /** The exam a file belongs to, from its question ids ({@code 120A-1} → {@code 120}); 120 when empty. */
  public static String examOf(ResultFile file) {
    JsonNode recorded = file.metadata().extra().get(ResultSchema.Metadata.EXAM);
    if (recorded != null && recorded.isTextual()) {
      return recorded.asText();
    }
    return file.results().stream().findFirst()
        .flatMap(r -> QuestionId.parse(r.questionId()))
        .map(QuestionId::exam)
        .orElse("120");
  }

  /** A file is one exam's: its question ids, and the exam its metadata records, must agree. */
  private static void checkOneExam(RunMetadata metadata, List<String> questionIds, String name) {
    Map<String, String> firstIdOfExam = new LinkedHashMap<>();
    JsonNode recorded = metadata.extra().get(ResultSchema.Metadata.EXAM);
    if (recorded != null && recorded.isTextual()) {
      firstIdOfExam.put(recorded.asText(), "metadata.exam");
    }
    for (String questionId : questionIds) {
      QuestionId.parse(questionId).ifPresent(id -> firstIdOfExam.putIfAbsent(id.exam(), questionId));
    }
    if (firstIdOfExam.size() > 1) {
      throw new UserError(name + ": mixes exams " + String.join(" and ", firstIdOfExam.keySet()) + " ("
          + String.join(", ", firstIdOfExam.values()) + "); a result file holds the answers of one exam");
    }
  }

  // ---- reading -------------------------------------------------------------------------------------

  /** A result file from its JSON, checked as {@link #read} checks a file; {@code name} names it in errors. */
  public static ResultFile fromJson(JsonNode root, String name) {
    Fields top = new Fields(root, name, "the file");
    if (!root.isObject()) {
      throw new UserError(name + ": expected a JSON object with metadata, summary and results");
    }
    RunMetadata metadata = metadata(top.object(ResultSchema.METADATA, true), name);
    JsonNode summaryNode = top.object(ResultSchema.SUMMARY, false);
    Summary summary = summaryNode == null ? null : SummaryJson.fromJson(summaryNode, name);
    Map<String, JsonNode> summaryExtra = summaryNode == null ? Map.of() : SummaryJson.extra(summaryNode);
    JsonNode resultsNode = top.array(ResultSchema.RESULTS, true);
    List<QuestionResult> results = new ArrayList<>(resultsNode.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < resultsNode.size(); i++) {
      QuestionResult r = result(resultsNode.get(i), name, i);
      if (!seen.add(r.questionId())) {
        throw new UserError(name + ": results: question " + r.questionId() + " appears twice");
      }
      results.add(r);
    }
    checkOneExam(metadata, results.stream().map(QuestionResult::questionId).toList(), name);
    return new ResultFile(metadata, summary, results, summaryExtra,
        extra(root, Set.of(ResultSchema.METADATA, ResultSchema.SUMMARY, ResultSchema.RESULTS)));
  }

  private static RunMetadata metadata(JsonNode node, String name) {
    Fields f = new Fields(node, name, ResultSchema.METADATA);
    JsonNode extraBody = node.get(Metadata.EXTRA_BODY);
    if (extraBody != null && !extraBody.isNull() && !extraBody.isObject()) {
      throw f.error(Metadata.EXTRA_BODY, "should be an object or null");
    }
    return new RunMetadata(
        f.string(Metadata.MODEL, true),
        f.string(Metadata.BASE_URL, false),
        f.string(Metadata.TIMESTAMP, false),
        f.string(Metadata.IMAGE_MODE, false),
        extraBody == null || extraBody.isNull() ? null : extraBody,
        f.count(Metadata.TOTAL_QUESTIONS),
        f.count(Metadata.ATTEMPTED),
        f.count(Metadata.SKIPPED_IMAGE),
        f.string(Metadata.DISPLAY_NAME, false),
        extra(node, METADATA_FIELDS));
  }

  private static QuestionResult result(JsonNode node, String name, int index) {
    if (!node.isObject()) {
      throw new UserError(name + ": results[" + index + "] is not an object");
    }
    Fields f = new Fields(node, name, "results[" + index + "]");
    String id = f.string(Result.QUESTION_ID, true);
    f = new Fields(node, name, "results[" + index + "] (" + id + ")");
    return new QuestionResult(
        id,
        f.strings(Result.PREDICTED),
        f.strings(Result.GOLD),
        f.bool(Result.CORRECT),
        nullToEmpty(f.string(Result.RAW_RESPONSE, false)),
        f.bool(Result.PARSE_SUCCESS),
        f.string(Result.ERROR, false),
        f.string(Result.REASONING, false),
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
    /** A value as an error message quotes it: a hostile file's value may be megabytes long. */
    static String brief(JsonNode v) {
      String text = v.toString();
      return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

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

    /** A count: a whole number from 0 up, 0 when absent. */
    int count(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return 0;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
        throw error(field, "should be a count (a whole number from 0 up), not " + brief(v));
      }
      return v.intValue();
    }

    /** A part of {@code whole}, such as a score out of its maximum. */
    int countUpTo(String field, int whole, String wholeField) {
      int part = count(field);
      if (part > whole) {
        throw error(field, "is " + part + ", more than " + wholeField + " (" + whole + ")");
      }
      return part;
    }

    boolean bool(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        throw error(field, "should be true or false, not " + brief(v));
      }
      return v.booleanValue();
    }

    List<String> strings(String field) {
      JsonNode v = array(field, false);
      List<String> out = new ArrayList<>(v.size());
      for (JsonNode e : v) {
        if (!e.isTextual()) {
          throw error(field, "should hold only strings, not " + brief(e));
        }
        out.add(e.textValue());
      }
      return out;
    }
  }

  // ---- writing -------------------------------------------------------------------------------------

  public static ObjectNode toJson(ResultFile file) {
    ObjectNode root = NODES.objectNode();
    root.set(ResultSchema.METADATA, toJson(file.metadata()));
    if (file.summary() != null) {
      ObjectNode s = SummaryJson.toJson(file.summary());
      file.summaryExtra().forEach(s::set);
      root.set(ResultSchema.SUMMARY, s);
    }
    ArrayNode results = root.putArray(ResultSchema.RESULTS);
    for (QuestionResult r : file.results()) {
      results.add(toJson(r));
    }
    file.extra().forEach(root::set);
    return root;
  }

  /** The {@code summary} object as a result file holds it. */
  public static ObjectNode toJson(Summary s) {
    return SummaryJson.toJson(s);
  }

  public static ObjectNode toJson(RunMetadata m) {
    ObjectNode o = NODES.objectNode();
    o.put(Metadata.MODEL, m.model());
    o.put(Metadata.BASE_URL, m.baseUrl());
    o.put(Metadata.TIMESTAMP, m.timestamp());
    o.put(Metadata.IMAGE_MODE, m.imageMode());
    o.set(Metadata.EXTRA_BODY, m.extraBody() == null ? NODES.nullNode() : m.extraBody());
    o.put(Metadata.TOTAL_QUESTIONS, m.totalQuestions());
    o.put(Metadata.ATTEMPTED, m.attempted());
    o.put(Metadata.SKIPPED_IMAGE, m.skippedImage());
    if (m.displayName() != null) {
      o.put(Metadata.DISPLAY_NAME, m.displayName());
    }
    m.extra().forEach(o::set);
    return o;
  }

  public static ObjectNode toJson(QuestionResult r) {
    ObjectNode o = NODES.objectNode();
    o.put(Result.QUESTION_ID, r.questionId());
    ArrayNode p = o.putArray(Result.PREDICTED);
    r.predicted().forEach(p::add);
    ArrayNode g = o.putArray(Result.GOLD);
    r.gold().forEach(g::add);
    o.put(Result.CORRECT, r.correct());
    o.put(Result.RAW_RESPONSE, r.rawResponse());
    o.put(Result.PARSE_SUCCESS, r.parseSuccess());
    o.put(Result.ERROR, r.error());
    if (r.reasoning() != null) {
      o.put(Result.REASONING, r.reasoning());
    }
    r.extra().forEach(o::set);
    return o;
  }

  /** Reads one result as {@link #toJson(QuestionResult)} writes it (the journal's line format). */
  public static QuestionResult resultFromJson(JsonNode node, String name) {
    return result(node, name, 0);
  }
}
