package dev.jmlebench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.dataset.sources.IgakuQaSource;
import dev.jmlebench.results.QuestionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads IgakuQA's published predictions ({@code baseline_results/{year}/{exam}-{block}_{experiment}.jsonl}, a
 * line {@code {"problem_id": "112A1", "prediction": "d,e", "explanation": …}}): the six block files of one
 * exam, into this project's per-question results, ungraded (the answer key grades; see {@code ImportCommand}).
 *
 * <p>A prediction is read as IgakuQA's grader reads it: split on commas, nothing trimmed or lower-cased, so
 * that {@code sorted(prediction.split(","))} compared with the sorted gold — the edition's string rule —
 * gives IgakuQA's published grading. An empty prediction (the examinees' majority leaves the calculations
 * blank) is an answer that did not parse, wrong as it is there.
 */
public final class IgakuQaPredictions {
  public static final String FORMAT = "igakuqa";
  /**
   * The edition its predictions are graded with unless {@code --key} names another: IgakuQA's own grading,
   * calculation answers as its mark-sheet digits — as its predictions write them.
   */
  public static final String EDITION = "igakuqa";
  private static final List<String> BLOCKS = List.of("A", "B", "C", "D", "E", "F");

  /** One prediction line, where it was read. */
  public record Line(Path file, int lineNo, QuestionId id, String prediction, String explanation) {}

  /** The lines of the six block files of {@code exam}, the experiment their names carry, and the files read. */
  public record Read(String exam, String experiment, List<Line> lines, List<IgakuQa119Answers.SourceFile> files) {}

  private IgakuQaPredictions() {}

  /**
   * Reads the files and checks they are the six block files of one exam: every problem id a question id of
   * that exam, each file one block, each block one file.
   */
  public static Read read(List<Path> files) {
    String exam = null;
    Path examFile = null;
    String experiment = null;
    Map<String, Path> blocks = new TreeMap<>();
    List<Line> lines = new ArrayList<>();
    List<IgakuQa119Answers.SourceFile> sources = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = JsonFiles.readBytes(file, "no such prediction file");
      sources.add(new IgakuQa119Answers.SourceFile(file.getFileName().toString(), Hashing.sha256Hex(bytes)));
      String block = null;
      int lineNo = 0;
      for (String text : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        lineNo++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode node = JsonFiles.parse(text.getBytes(StandardCharsets.UTF_8), file, " (JSON Lines: line "
            + lineNo + ")");
        String where = file + ": line " + lineNo;
        String problemId = node.path("problem_id").asText("");
        QuestionId id = IgakuQaSource.idOf(problemId).orElseThrow(() -> new UserError(where + ": problem_id '"
            + problemId + "' is not an IgakuQA problem id (like 112A1)"));
        if (!node.path("prediction").isTextual()) {
          throw new UserError(where + " (" + problemId + "): 'prediction' is missing or not a string");
        }
        if (exam == null) {
          exam = id.exam();
          examFile = file;
        } else if (!exam.equals(id.exam())) {
          throw new UserError(where + ": " + problemId + " is a question of the " + ExamOrdinal.of(id.exam())
              + " exam, but "
              + examFile + " holds the " + ExamOrdinal.of(exam) + "; give the six block files of one exam");
        }
        if (block == null) {
          block = id.block();
          Path earlier = blocks.put(block, file);
          if (earlier != null) {
            throw new UserError(file + ": block " + exam + block + " is also in " + earlier + "; give each block "
                + "file once");
          }
        } else if (!block.equals(id.block())) {
          throw new UserError(where + ": " + problemId + " is of block " + id.block() + ", but the file began "
              + "with block " + block + "; a file holds one block");
        }
        lines.add(new Line(file, lineNo, id, node.path("prediction").asText(), node.path("explanation")
            .asText("")));
      }
      if (block == null) {
        throw new UserError(file + ": holds no prediction");
      }
      String named = experiment(file, exam, block);
      if (experiment == null) {
        experiment = named;
      } else if (named != null && !named.equals(experiment)) {
        throw new UserError(file + ": predictions of '" + named + "', but the other files hold '" + experiment
            + "'; give the six block files of one experiment");
      }
    }
    TreeSet<String> missing = new TreeSet<>(BLOCKS);
    missing.removeAll(blocks.keySet());
    if (!missing.isEmpty()) {
      throw new UserError("import igakuqa: no file for block" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " of the " + ExamOrdinal.of(exam)
          + " exam (e.g. " + exam + "-" + missing.first() + "_<experiment>.jsonl); give the six block files A-F");
    }
    return new Read(exam, experiment, lines, sources);
  }

  /** The experiment a file's name carries, {@code 112-A_chatgpt.jsonl} → {@code chatgpt}; null when none. */
  static String experiment(Path file, String exam, String block) {
    String name = file.getFileName().toString();
    String prefix = exam + "-" + block + "_";
    if (!name.startsWith(prefix) || !name.endsWith(".jsonl") || name.length() <= prefix.length() + 6) {
      return null;
    }
    return name.substring(prefix.length(), name.length() - ".jsonl".length());
  }

  /** The results, by question id in exam order; a question the files do not answer is failed, as unanswered. */
  public static Map<String, QuestionResult> results(Read read, Dataset dataset) {
    Map<String, QuestionResult> byId = new LinkedHashMap<>();
    for (Line l : read.lines()) {
      Question q = dataset.question(l.id().toString()).orElseThrow(() -> new UserError(l.file() + ": line "
          + l.lineNo() + ": problem " + l.id().exam() + l.id().block() + l.id().number() + " is not a question of "
          + "the " + ExamOrdinal.of(read.exam()) + " exam"));
      if (byId.containsKey(q.questionId())) {
        throw new UserError(l.file() + ": line " + l.lineNo() + ": question " + q.questionId()
            + " is predicted a second time");
      }
      byId.put(q.questionId(), result(q, l));
    }
    return ExamOrder.of(byId, dataset);
  }

  /** IgakuQA's reading: {@code prediction.split(",")} as Python splits it (empty pieces kept), nothing else. */
  static List<String> predicted(String prediction) {
    return prediction.isEmpty() ? List.of() : Arrays.asList(prediction.split(",", -1));
  }

  private static QuestionResult result(Question q, Line l) {
    List<String> predicted = predicted(l.prediction());
    String reasoning = l.explanation().isBlank() || l.explanation().equals(l.prediction()) ? null : l.explanation();
    return new QuestionResult(q.questionId(), predicted, q.answer(), false, l.prediction(), !predicted.isEmpty(),
        null, reasoning, Map.of());
  }

  /**
   * What IgakuQA's experiments are (its paper, Kasai et al. 2023): ChatGPT and GPT-3 asked in Japanese, ChatGPT
   * asked the English translation, and the examinees' majority answer — not a model at all.
   */
  private static final Map<String, String> EXPERIMENTS = Map.of(
      "chatgpt", "ChatGPT (IgakuQA)",
      "gpt3", "GPT-3 (IgakuQA)",
      "translate_chatgpt-en", "ChatGPT, English translation (IgakuQA)",
      "student-majority", "Examinees' majority");

  /** The name an import shows for an experiment: its name in IgakuQA's paper, else the experiment's marked as IgakuQA's. */
  public static String displayName(String experiment) {
    if (experiment == null) {
      return "IgakuQA";
    }
    return EXPERIMENTS.getOrDefault(experiment, experiment + " (IgakuQA)");
  }

  /** The provenance object an imported file's metadata carries. */
  public static ObjectNode provenance(Read read) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("repository", "github.com/jungokasai/IgakuQA");
    if (read.experiment() != null) {
      o.put("experiment", read.experiment());
    }
    var files = o.putArray("files");
    for (IgakuQa119Answers.SourceFile f : read.files()) {
      files.addObject().put("name", f.name()).put("sha256", f.sha256());
    }
    return o;
  }
}
