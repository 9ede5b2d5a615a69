package dev.jmlebench.dataset.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.dataset.QuestionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Converts the IgakuQA119 repository's layout (github.com/docto-rin/IgakuQA119) into the project's
 * {@link Question} records, so the 119th exam is asked with the same prompts as the 120th:
 * {@code questions/119{A..F}_json.json} (number {@code 119A12}, stem, choices {@code "a. …"}, has_image),
 * {@code results/correct_answers.csv} ({@code 問題番号,解答}: letters run together, or a number) and
 * {@code images/} ({@code 119A15-1.png}, {@code 119A15-2.png} or {@code 119A11.png}).
 *
 * <p>Question text is written in the 120th dataset's layout, {@code {n}　{stem}} then each choice as
 * {@code \n\na　{choice}}. An answer of digits marks a calculation question. The number of choices to
 * select is the number of gold letters, except for a question whose letters are alternatives (either is
 * correct, as the edition says), which asks for one. An image question without an image file keeps
 * {@code requires_image} (the source's flag) and no images: it is asked as text. The flag decides: an image
 * file of a question flagged text-only (119C67) is not sent, as the source's own grading counts it so.
 */
public final class IgakuQa119Source {
  public static final String EXAM = "119";
  static final List<String> BLOCKS = List.of("A", "B", "C", "D", "E", "F");
  static final String ANSWERS = "results/correct_answers.csv";

  private static final Pattern SOURCE_NUMBER = Pattern.compile("119([A-F])([1-9]\\d{0,2})");
  private static final Pattern CHOICE = Pattern.compile("([a-eA-E])\\.\\s*(.*)", Pattern.DOTALL);
  private static final Pattern IMAGE = Pattern.compile("(119[A-F][1-9]\\d{0,2})(?:-([1-9]\\d*))?\\.png");
  private static final Pattern NUMERIC = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern LETTERS = Pattern.compile("[a-e]+");
  /** Two questions carry their choices inside the stem ({@code … a「…」 b「…」 … e「…」}). */
  private static final Pattern INLINE_CHOICES = Pattern.compile(
      "\\s[aA]\\s?(\\S+)\\s[bB]\\s?(\\S+)\\s[cC]\\s?(\\S+)\\s[dD]\\s?(\\S+)\\s[eE]\\s?(\\S+)\\s*$");
  private static final String SPACE = "\u3000";

  private IgakuQa119Source() {}

  /** The question id of a source number: {@code 119A12} → {@code 119A-12}; empty when it is not one. */
  public static Optional<QuestionId> idOf(String sourceNumber) {
    Matcher m = SOURCE_NUMBER.matcher(sourceNumber);
    return m.matches()
        ? Optional.of(new QuestionId(EXAM, m.group(1), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  /**
   * Loads the exam from {@code directory} laid out as the upstream repository.
   *
   * @param alternatives ids whose gold letters are alternatives (either one is correct)
   */
  public static Dataset load(Path directory, Set<String> alternatives) {
    MessageDigest digest = Hashing.sha256();
    Map<String, String> gold = answers(directory.resolve(ANSWERS), digest);
    Map<String, List<String>> images = images(directory.resolve(Dataset.IMAGES_DIR));
    List<Question> questions = new ArrayList<>(gold.size());
    for (String block : BLOCKS) {
      Path file = directory.resolve("questions").resolve(EXAM + block + "_json.json");
      byte[] bytes = JsonFiles.readBytes(file, "not found; the folder should be laid out as the IgakuQA119 "
          + "repository (run `jmle-bench dataset download --exam 119`)");
      digest.update(bytes);
      JsonNode root = JsonFiles.parse(bytes, file, "");
      if (!root.isArray()) {
        throw new UserError(file + ": expected a JSON array of questions");
      }
      for (JsonNode node : root) {
        questions.add(question(node, block, file, gold, images, alternatives));
      }
    }
    questions.sort(Comparator.comparing(Question::block).thenComparingInt(Question::number));
    for (Question q : questions) {
      gold.remove(sourceNumber(q));
    }
    if (!gold.isEmpty()) {
      throw new UserError(directory.resolve(ANSWERS) + ": answers for questions that do not exist: "
          + String.join(", ", gold.keySet()));
    }
    return new Dataset(directory, questions, HexFormat.of().formatHex(digest.digest()));
  }

  private static String sourceNumber(Question q) {
    return EXAM + q.block() + q.number();
  }

  private static Question question(JsonNode node, String block, Path file, Map<String, String> gold,
      Map<String, List<String>> images, Set<String> alternatives) {
    String number = field(node, "number", file, "?").asText();
    QuestionId id = idOf(number).filter(q -> q.block().equals(block)).orElseThrow(() ->
        new UserError(file + ": question " + number + ": field 'number' is not of the form 119" + block + "12"));
    String stem = field(node, "question", file, number).asText().strip();
    List<String> choices = new ArrayList<>();
    for (JsonNode c : field(node, "choices", file, number)) {
      Matcher m = CHOICE.matcher(c.asText().strip());
      if (!m.matches()) {
        throw new UserError(file + ": question " + number + ": choice '" + c.asText() + "' is not 'a. text'");
      }
      choices.add(m.group(1).toLowerCase() + SPACE + m.group(2).strip());
    }
    boolean hasImage = field(node, "has_image", file, number).asBoolean();
    String answer = gold.get(number);
    if (answer == null) {
      throw new UserError(file + ": question " + number + " has no answer in " + ANSWERS);
    }
    String questionId = id.toString();
    QuestionType type;
    List<String> goldList;
    int toSelect;
    if (NUMERIC.matcher(answer).matches()) {
      type = QuestionType.CALCULATION;
      goldList = List.of(answer);
      toSelect = 1;
    } else if (LETTERS.matcher(answer).matches()) {
      type = QuestionType.MULTIPLE_CHOICE;
      goldList = answer.chars().sorted().mapToObj(ch -> String.valueOf((char) ch)).toList();
      toSelect = alternatives.contains(questionId) ? 1 : goldList.size();
      if (choices.isEmpty()) {
        stem = inlineChoices(stem, choices);
      }
    } else {
      throw new UserError(ANSWERS + ": answer of " + number + " is '" + answer
          + "', expected letters a-e or a number");
    }
    StringBuilder text = new StringBuilder().append(id.number()).append(SPACE).append(stem);
    choices.forEach(c -> text.append("\n\n").append(c));
    List<String> files = hasImage ? images.getOrDefault(number, List.of()) : List.of();
    return new Question(questionId, block, id.number(), type, text.toString(), files, hasImage, toSelect,
        goldList, Optional.empty());
  }

  /** Moves choices written inside the stem into {@code choices}; returns the stem without them. */
  private static String inlineChoices(String stem, List<String> choices) {
    Matcher m = INLINE_CHOICES.matcher(stem);
    if (!m.find()) {
      return stem;
    }
    for (int i = 1; i <= 5; i++) {
      choices.add((char) ('a' + i - 1) + SPACE + m.group(i));
    }
    return stem.substring(0, m.start()).strip();
  }

  private static JsonNode field(JsonNode node, String name, Path file, String number) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new UserError(file + ": question " + number + ": field '" + name + "' is missing");
    }
    return v;
  }

  /** {@code 問題番号,解答} rows, by source number, in file order. */
  private static Map<String, String> answers(Path file, MessageDigest digest) {
    byte[] bytes = JsonFiles.readBytes(file, "not found; the folder should be laid out as the IgakuQA119 "
        + "repository (run `jmle-bench dataset download --exam 119`)");
    digest.update(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
    Map<String, String> out = new LinkedHashMap<>();
    try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerForListOf(String.class).readValues(text)) {
      int row = 0;
      while (rows.hasNext()) {
        List<String> cells = rows.next();
        row++;
        if (row == 1 || cells.isEmpty() || cells.size() == 1 && cells.get(0).isBlank()) {
          continue;
        }
        if (cells.size() != 2 || out.put(cells.get(0).strip(), cells.get(1).strip().toLowerCase()) != null) {
          throw new UserError(file + ": row " + row + " is not one 'number,answer' row of a new question");
        }
      }
    } catch (IOException | RuntimeJsonMappingException e) {
      throw new UserError(file + ": not a readable CSV file: " + e.getMessage());
    }
    return out;
  }

  /** Image files by source number, in their order (-1, -2, …; a lone image has no suffix). */
  private static Map<String, List<String>> images(Path folder) {
    Map<String, TreeMap<Integer, String>> found = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files.map(p -> p.getFileName().toString()).forEach(name -> {
          Matcher m = IMAGE.matcher(name);
          if (m.matches()) {
            int order = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            found.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(order, name);
          }
        });
      } catch (IOException e) {
        throw new UserError(folder + ": cannot list images: " + e.getMessage());
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    found.forEach((number, byOrder) -> out.put(number, List.copyOf(byOrder.values())));
    return out;
  }
}
