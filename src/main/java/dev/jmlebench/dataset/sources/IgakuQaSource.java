package dev.jmlebench.dataset.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Annotation;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.dataset.QuestionType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts IgakuQA's layout (github.com/jungokasai/IgakuQA, the 112th-116th exams) into the project's
 * {@link Question} records, so these exams are asked with the same prompts as the 120th:
 * {@code data/{year}/{exam}-{A..F}.jsonl} (one question a line: {@code problem_id} like {@code 112A1}, stem,
 * choices without letters, {@code text_only}, {@code answer} list, {@code points}) and beside each block its
 * {@code _metadata.jsonl} (prohibited choices, examinee accuracy), read into {@link Annotation}s.
 *
 * <p>Choices are lettered a, b, … in order, in the 120th's layout ({@code {n}　{stem}\n\na　{choice}}). A
 * question without choices is a calculation; its gold is the source's answer string. A gold {@code "a or d"}
 * (112B30) is stored as its letters and asks for one, as the edition's accepted alternatives grade it.
 * IgakuQA released no images: a question it flags {@code text_only: false} keeps {@code requires_image} and
 * is asked as text. Points and exclusions are the exam's data ({@code exam/<id>/}); this reads questions only.
 */
public final class IgakuQaSource {
  static final List<String> BLOCKS = List.of("A", "B", "C", "D", "E", "F");
  /** The Nth exam is held in February of year N + 1906 (the 112th in 2018); IgakuQA names folders by year. */
  private static final int YEAR_OFFSET = 1906;
  private static final Pattern PROBLEM_ID = Pattern.compile("(\\d{3})([A-F])([1-9]\\d{0,2})");
  private static final Pattern EITHER = Pattern.compile("([a-z]) or ([a-z])");
  private static final Pattern LETTER = Pattern.compile("[a-h]");
  private static final Pattern VALUE = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final String SPACE = "\u3000";

  private IgakuQaSource() {}

  /** The question id of a source problem id: {@code 112A1} → {@code 112A-1}; empty when it is not one. */
  public static Optional<QuestionId> idOf(String problemId) {
    Matcher m = PROBLEM_ID.matcher(problemId);
    return m.matches()
        ? Optional.of(new QuestionId(m.group(1), m.group(2), Integer.parseInt(m.group(3))))
        : Optional.empty();
  }

  /** The file of one block of an exam inside the repository, e.g. {@code data/2018/112-A.jsonl}. */
  public static Path blockFile(Path directory, String exam, String block) {
    return yearFolder(directory, exam).resolve(exam + "-" + block + ".jsonl");
  }

  static Path yearFolder(Path directory, String exam) {
    return directory.resolve("data").resolve(String.valueOf(Integer.parseInt(exam) + YEAR_OFFSET));
  }

  /**
   * Loads exam {@code exam} from {@code directory} laid out as the upstream repository.
   *
   * @param alternatives ids whose gold letters are alternatives (either one is correct)
   */
  public static Dataset load(Path directory, String exam, Set<String> alternatives) {
    MessageDigest digest = Hashing.sha256();
    List<Question> questions = new ArrayList<>();
    Map<String, Annotation> annotations = new LinkedHashMap<>();
    for (String block : BLOCKS) {
      Path file = blockFile(directory, exam, block);
      for (JsonNode node : lines(file, exam, digest)) {
        questions.add(question(node, exam, block, file, alternatives));
      }
      Path meta = file.resolveSibling(exam + "-" + block + "_metadata.jsonl");
      for (JsonNode node : lines(meta, exam, digest)) {
        String problemId = node.path("problem_id").asText("?");
        QuestionId id = idOf(problemId).filter(q -> q.exam().equals(exam) && q.block().equals(block))
            .orElseThrow(() -> new UserError(meta + ": problem_id '" + problemId + "' is not a question of block "
                + exam + block));
        annotations.put(id.toString(), annotation(node, meta, problemId));
      }
    }
    for (Question q : questions) {
      if (!annotations.containsKey(q.questionId())) {
        throw new UserError(yearFolder(directory, exam) + ": question " + q.questionId() + " has no metadata line");
      }
    }
    annotations.keySet().retainAll(questions.stream().map(Question::questionId).toList());
    return new Dataset(directory, questions, HexFormat.of().formatHex(digest.digest()), annotations);
  }

  private static List<JsonNode> lines(Path file, String exam, MessageDigest digest) {
    byte[] bytes = JsonFiles.readBytes(file, "not found; the folder should be laid out as the IgakuQA repository "
        + "(run `jmle-bench dataset download --exam " + exam + "`)");
    digest.update(bytes);
    List<JsonNode> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      lineNo++;
      if (!line.isBlank()) {
        out.add(JsonFiles.parse(line.getBytes(StandardCharsets.UTF_8), file, " (JSON Lines: line " + lineNo + ")"));
      }
    }
    return out;
  }

  private static Question question(JsonNode node, String exam, String block, Path file, Set<String> alternatives) {
    String problemId = node.path("problem_id").asText("?");
    QuestionId id = idOf(problemId).filter(q -> q.exam().equals(exam) && q.block().equals(block))
        .orElseThrow(() -> new UserError(file + ": problem_id '" + problemId + "' is not a question of block "
            + exam + block));
    String stem = field(node, "problem_text", file, problemId).asText().strip();
    List<String> choices = new ArrayList<>();
    for (JsonNode c : field(node, "choices", file, problemId)) {
      choices.add(c.asText().strip());
    }
    List<String> answer = new ArrayList<>();
    for (JsonNode a : field(node, "answer", file, problemId)) {
      answer.add(a.asText().strip());
    }
    if (answer.isEmpty()) {
      throw new UserError(file + ": question " + problemId + ": empty answer");
    }
    String questionId = id.toString();
    QuestionType type;
    List<String> gold;
    int toSelect;
    Matcher either = EITHER.matcher(answer.get(0).toLowerCase(Locale.ROOT));
    if (choices.isEmpty()) {
      if (answer.size() != 1 || !VALUE.matcher(answer.get(0)).matches()) {
        throw new UserError(file + ": question " + problemId + " has no choices and its answer " + answer
            + " is not one number");
      }
      type = QuestionType.CALCULATION;
      gold = List.copyOf(answer);
      toSelect = 1;
    } else {
      type = QuestionType.MULTIPLE_CHOICE;
      gold = answer.size() == 1 && either.matches() ? List.of(either.group(1), either.group(2))
          : answer.stream().map(a -> a.toLowerCase(Locale.ROOT)).sorted().toList();
      for (String g : gold) {
        if (!LETTER.matcher(g).matches() || g.charAt(0) - 'a' >= choices.size()) {
          throw new UserError(file + ": question " + problemId + ": answer " + answer + " is not letters of its "
              + choices.size() + " choices");
        }
      }
      toSelect = alternatives.contains(questionId) ? 1 : gold.size();
    }
    StringBuilder text = new StringBuilder().append(id.number()).append(SPACE).append(stem);
    for (int i = 0; i < choices.size(); i++) {
      text.append("\n\n").append((char) ('a' + i)).append(SPACE).append(choices.get(i));
    }
    boolean requiresImage = !field(node, "text_only", file, problemId).asBoolean();
    return new Question(questionId, block, id.number(), type, text.toString(), List.of(), requiresImage, toSelect,
        gold, Optional.empty());
  }

  private static Annotation annotation(JsonNode node, Path file, String problemId) {
    List<String> prohibited = new ArrayList<>();
    for (JsonNode k : node.path("kinki")) {
      // Letters come one to an element ("c"), run together ("cde"), full-width ("ｂ") or padded (" e").
      String letters = Normalizer.normalize(k.asText(), Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
      for (char c : letters.toCharArray()) {
        String letter = String.valueOf(c);
        if (!LETTER.matcher(letter).matches()) {
          throw new UserError(file + ": question " + problemId + ": kinki '" + k.asText() + "' is not letters");
        }
        if (!prohibited.contains(letter)) {
          prohibited.add(letter);
        }
      }
    }
    prohibited.sort(null);
    List<Double> shares = new ArrayList<>();
    for (JsonNode b : node.path("breakdown")) {
      shares.add(number(b, file, problemId, "breakdown").orElseThrow(() ->
          new UserError(file + ": question " + problemId + ": breakdown holds a blank share")));
    }
    return new Annotation(node.path("category").asText(""), prohibited, node.path("reason").asText("").strip(),
        number(node.path("human_accuracy"), file, problemId, "human_accuracy"), shares);
  }

  /** A percentage written as a string ("39.3") or a number; empty when blank (116A71 has none). */
  private static OptionalDouble number(JsonNode v, Path file, String problemId, String name) {
    String s = v.isMissingNode() || v.isNull() ? "" : v.asText().strip();
    if (s.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      throw new UserError(file + ": question " + problemId + ": " + name + " '" + s + "' is not a number");
    }
  }

  private static JsonNode field(JsonNode node, String name, Path file, String problemId) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new UserError(file + ": question " + problemId + ": field '" + name + "' is missing");
    }
    return v;
  }

  /** The file of one block's English translation, e.g. {@code data/2018/112-A_translate.jsonl}. */
  public static Path translationFile(Path directory, String exam, String block) {
    return yearFolder(directory, exam).resolve(exam + "-" + block + "_translate.jsonl");
  }

  /**
   * The English translation of exam {@code exam} ({@code {exam}-{block}_translate.jsonl}: {@code problem_id},
   * {@code problem_text_en}, {@code choices_en}), each question written as {@code {n}. {stem}} and its choices
   * as {@code \n\na. {choice}} — the Japanese layout in English lettering. Every question of {@code exam} must
   * have a translation with as many choices as it has.
   */
  public static Translation english(Path directory, Dataset exam) {
    String id = exam.exam();
    MessageDigest digest = Hashing.sha256();
    Map<String, Question> out = new LinkedHashMap<>();
    for (String block : BLOCKS) {
      Path file = translationFile(directory, id, block);
      byte[] bytes = JsonFiles.readBytes(file, "not found; `jmle-bench dataset download --exam " + id + " --language en` fetches "
          + "IgakuQA's English translations (a checkout of the repository has them)");
      digest.update(bytes);
      int lineNo = 0;
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JsonFiles.parse(line.getBytes(StandardCharsets.UTF_8), file, " (JSON Lines: line " + lineNo + ")");
        String problemId = node.path("problem_id").asText("?");
        int at = lineNo;
        Question q = idOf(problemId).flatMap(qid -> exam.question(qid.toString())).orElseThrow(() ->
            new UserError(file + ": line " + at + ": problem_id '" + problemId + "' is not a question of the "
                + ExamOrdinal.of(id) + " exam"));
        String stem = field(node, "problem_text_en", file, problemId).asText().strip();
        List<String> choices = new ArrayList<>();
        for (JsonNode c : field(node, "choices_en", file, problemId)) {
          choices.add(c.asText().strip());
        }
        int expected = q.lastChoice().map(c -> c - 'a' + 1).orElse(0);
        if (choices.size() != expected) {
          throw new UserError(file + ": question " + problemId + ": " + choices.size()
              + " choices in English for " + expected + " in Japanese");
        }
        StringBuilder text = new StringBuilder().append(q.number()).append(". ").append(stem);
        for (int i = 0; i < choices.size(); i++) {
          text.append("\n\n").append((char) ('a' + i)).append(". ").append(choices.get(i));
        }
        out.put(q.questionId(), q.withText(text.toString()));
      }
    }
    List<String> missing = exam.questions().stream().map(Question::questionId).filter(q -> !out.containsKey(q)).toList();
    if (!missing.isEmpty()) {
      throw new UserError(yearFolder(directory, id) + ": no English translation of " + String.join(", ", missing));
    }
    return new Translation(Language.ENGLISH, out, HexFormat.of().formatHex(digest.digest()));
  }

  /** Whether {@code directory} holds exam {@code exam} in this layout (its block A file is there). */
  static boolean isPresentIn(Path directory, String exam) {
    return Files.isRegularFile(blockFile(directory, exam, "A"));
  }
}
