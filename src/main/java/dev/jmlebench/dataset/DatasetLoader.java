package dev.jmlebench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code jmle2026_dataset.json} (SPEC §1). Every fault becomes a {@link UserError}
 * whose one line names the file, the question and the field.
 */
public final class DatasetLoader {
  private static final Pattern LETTER = Pattern.compile("[a-e]");
  private static final String REPAIR = " (`jmle-bench dataset verify` checks a copy; `dataset download` repairs it)";

  private DatasetLoader() {}

  /** Loads the dataset in {@code directory} (the folder holding the JSON file and images/). */
  public static Dataset load(Path directory) {
    Path file = directory.resolve(Dataset.JSON_NAME);
    byte[] bytes = JsonFiles.readBytes(file,
        "dataset not found; run `jmle-bench dataset download` or pass --dataset DIR");
    JsonNode root = JsonFiles.parse(bytes, file, REPAIR);
    return new Dataset(directory, parse(root, file), () -> Hashing.sha256Hex(bytes));
  }

  static List<Question> parse(JsonNode root, Path file) {
    if (root == null || !root.isArray()) {
      throw new UserError(file + ": expected a JSON array of questions" + REPAIR);
    }
    if (root.isEmpty()) {
      throw new UserError(file + ": the dataset has no questions");
    }
    List<Question> questions = new ArrayList<>(root.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      Question q = question(root.get(i), new Where(file, i));
      if (!seen.add(q.questionId())) {
        throw new UserError(file + ": question_id " + q.questionId() + " appears twice");
      }
      questions.add(q);
    }
    return questions;
  }

  /** Names the place of a fault: file, index and (once known) the question id. */
  private record Where(Path file, int index, String id) {
    Where(Path file, int index) {
      this(file, index, null);
    }

    Where withId(String questionId) {
      return new Where(file, index, questionId);
    }

    UserError error(String field, String problem) {
      String at = id != null ? "question " + id : "question #" + (index + 1);
      return new UserError(file + ": " + at + ": field '" + field + "' " + problem);
    }
  }

  private static Question question(JsonNode node, Where where) {
    if (!node.isObject()) {
      throw new UserError(where.file() + ": question #" + (where.index() + 1) + " is not a JSON object");
    }
    String id = text(node, "question_id", where);
    Optional<QuestionId> parts = QuestionId.parse(id);
    if (parts.isEmpty()) {
      throw where.error("question_id", "is '" + id + "', expected e.g. 120B-41");
    }
    where = where.withId(id);
    String block = text(node, "block", where);
    if (!block.matches("[A-F]")) {
      throw where.error("block", "is '" + block + "', expected one of A-F");
    }
    int number = integer(node, "number", where);
    if (!parts.get().block().equals(block) || parts.get().number() != number) {
      throw where.error("question_id", "does not match block " + block + " and number " + number);
    }
    String typeName = text(node, "question_type", where);
    QuestionType type = QuestionType.fromWireName(typeName);
    if (type == null) {
      throw where.error("question_type", "is '" + typeName + "', expected multiple_choice or calculation");
    }
    String questionText = text(node, "question_text", where);
    List<String> images = strings(node, "clinical_images", where);
    for (String image : images) {
      if (image.contains("/") || image.contains("\\") || image.startsWith(".")) {
        throw where.error("clinical_images", "holds '" + image + "', which is not a plain file name");
      }
    }
    boolean requiresImage = bool(node, "requires_image", where);
    int toSelect = integer(node, "num_choices_to_select", where);
    if (toSelect < 1 || toSelect > 5) {
      throw where.error("num_choices_to_select", "is " + toSelect + ", expected 1 to 5");
    }
    List<String> answer = strings(node, "answer", where);
    if (answer.isEmpty()) {
      throw where.error("answer", "is empty");
    }
    if (type == QuestionType.MULTIPLE_CHOICE) {
      for (String a : answer) {
        if (!LETTER.matcher(a).matches()) {
          throw where.error("answer", "holds '" + a + "', expected lower-case letters a-e");
        }
      }
    } else if (answer.size() != 1) {
      throw where.error("answer", "of a calculation must hold exactly one value");
    }
    Optional<SerialGroup> group = Optional.empty();
    JsonNode g = node.get("serial_group");
    if (g != null && !g.isNull()) {
      if (!g.isObject()) {
        throw where.error("serial_group", "is not an object");
      }
      group = Optional.of(new SerialGroup(
          text(g, "group_id", where), strings(g, "questions", where), text(g, "context_text", where)));
    }
    return new Question(id, block, number, type, questionText, images, requiresImage, toSelect, answer, group);
  }

  private static JsonNode required(JsonNode node, String field, Where where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw where.error(field, "is missing");
    }
    return v;
  }

  private static String text(JsonNode node, String field, Where where) {
    JsonNode v = required(node, field, where);
    if (!v.isTextual()) {
      throw where.error(field, "should be a string, not " + v.getNodeType().name().toLowerCase());
    }
    return v.textValue();
  }

  private static int integer(JsonNode node, String field, Where where) {
    JsonNode v = required(node, field, where);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw where.error(field, "should be an integer, not " + v);
    }
    return v.intValue();
  }

  private static boolean bool(JsonNode node, String field, Where where) {
    JsonNode v = required(node, field, where);
    if (!v.isBoolean()) {
      throw where.error(field, "should be true or false, not " + v);
    }
    return v.booleanValue();
  }

  private static List<String> strings(JsonNode node, String field, Where where) {
    JsonNode v = required(node, field, where);
    if (!v.isArray()) {
      throw where.error(field, "should be an array of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw where.error(field, "should hold only strings, not " + e);
      }
      out.add(e.textValue());
    }
    return out;
  }
}
