package dev.jmlebench.score;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which answer key grades each exam, as {@code --key} asks: nothing (every exam under its default edition),
 * one edition or edition file for every exam ({@code --key author}), or per exam ({@code --key 120=author
 * --key 113=igakuqa}, or {@code 120=author,113=igakuqa}), the exams not named under their defaults. The one
 * place that reads that choice, so that a folder of several exams can rank each under its own key.
 */
public final class KeyChoice {
  private static final String FLAG = "--key";

  /** The edition or file for every exam, or null. */
  private final String everyExam;
  /** The edition or file per exam named, in the order given. */
  private final Map<String, String> perExam;

  private KeyChoice(String everyExam, Map<String, String> perExam) {
    this.everyExam = everyExam;
    this.perExam = Collections.unmodifiableMap(new LinkedHashMap<>(perExam));
  }

  /** No {@code --key}: every exam under its default edition. */
  public static final KeyChoice DEFAULT = new KeyChoice(null, Map.of());

  /**
   * The {@code --key} values as given (repeated options, each maybe comma-separated {@code EXAM=EDITION}
   * entries). Every entry is checked here, whichever exams the command then meets (the command parses on its
   * first grading, before it writes anything): an unknown exam, an exam named twice, an edition the exam lacks
   * or an edition file that does not fit it is a {@link UserError}. A value without {@code =} is the edition
   * (or file) of every exam, given alone.
   */
  public static KeyChoice parse(List<String> values) {
    if (values == null || values.isEmpty()) {
      return DEFAULT;
    }
    String every = null;
    Map<String, String> entries = new LinkedHashMap<>();
    for (String value : values) {
      if (!value.contains("=")) {
        // A plain edition or file, kept whole: a file's name may hold a comma.
        if (every != null || values.size() > 1) {
          throw new UserError(FLAG + " " + value + ": an edition for every exam is given alone; to choose per "
              + "exam write EXAM=EDITION for each (e.g. --key 120=author --key 113=igakuqa)");
        }
        every = value;
        continue;
      }
      for (String entry : value.split(",", -1)) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
          throw new UserError(FLAG + " " + value + ": '" + entry + "' is not EXAM=EDITION (e.g. 120=author); "
              + "an edition for every exam is given alone");
        }
        String exam = entry.substring(0, eq).strip();
        String edition = entry.substring(eq + 1).strip();
        if (!Exams.ids().contains(exam)) {
          throw new UserError(FLAG + " " + entry + ": no exam '" + exam + "' is bundled; known: "
              + String.join(", ", Exams.ids()));
        }
        if (edition.isEmpty()) {
          throw new UserError(FLAG + " " + entry + ": no edition after '='; the " + ExamOrdinal.of(exam)
              + " exam's answer keys: "
              + String.join(", ", Exams.get(exam).editions().keySet()));
        }
        if (entries.containsKey(exam)) {
          throw new UserError(FLAG + " " + entry + ": exam " + exam + " is named twice (" + exam + "="
              + entries.get(exam) + " and " + exam + "=" + edition + ")");
        }
        checkEdition(exam, edition, entry);
        entries.put(exam, edition);
      }
    }
    return new KeyChoice(every, entries);
  }

  /** The edition (or its file) exists for the exam; a file is read and checked against the exam here. */
  private static void checkEdition(String exam, String edition, String entry) {
    ExamSpec spec = Exams.get(exam);
    if (edition.endsWith(".json")) {
      AnswerKey.chosen(exam, edition);
    } else if (!spec.editions().containsKey(edition)) {
      throw new UserError(FLAG + " " + entry + ": the " + ExamOrdinal.of(exam) + " exam has no answer key '" + edition
          + "'; its answer keys: " + String.join(", ", spec.editions().keySet()) + " (or an edition file, *.json)");
    }
  }

  /** The edition or file asked for {@code examId}, as {@code --key} takes it alone; null for its default. */
  public String nameFor(String examId) {
    return perExam.getOrDefault(examId, everyExam);
  }

  /** The key of exam {@code examId}: its entry, the edition for every exam, or its default edition. */
  public AnswerKey forExam(String examId) {
    return AnswerKey.chosen(examId, nameFor(examId));
  }

  /** The exams named one by one ({@code EXAM=EDITION}); empty for the other forms. */
  public Set<String> namedExams() {
    return perExam.keySet();
  }

  /** The entry of an exam named one by one, as given ({@code 113=igakuqa}). */
  public String entryOf(String examId) {
    return examId + "=" + perExam.get(examId);
  }
}
