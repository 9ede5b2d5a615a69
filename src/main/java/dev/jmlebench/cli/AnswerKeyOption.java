package dev.jmlebench.cli;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.KeyChoice;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Option;

/** The {@code --key} option of every command that grades or shows grades. */
public final class AnswerKeyOption {
  @Option(names = "--key", paramLabel = "EDITION", completionCandidates = Candidates.Editions.class,
      description = "Answer key to grade with: official (the ministry's answers and pass criteria of "
          + "2026-03-16, as today's public leaderboard) or author (the dataset's first answers and the 119th "
          + "exam's criteria, as every file published before 2026-03-16), or an edition file (*.json). "
          + "The 112th-116th: official (calculations as the values asked for) or igakuqa (IgakuQA's "
          + "mark-sheet digits, as its grading; import igakuqa's default). Default: official. "
          + "Per exam: EXAM=EDITION (or EXAM=FILE.json), repeated or comma-separated, e.g. --key 120=author "
          + "--key 113=igakuqa; exams not named use their default.")
  List<String> given;

  private KeyChoice choice;
  /** The exams a key was asked for, to tell which per-exam entries went unused. */
  private final Set<String> asked = ConcurrentHashMap.newKeySet();

  /** The option as a command that reads it its own way (a run's key is part of the run) was given it. */
  static AnswerKeyOption of(String given) {
    AnswerKeyOption o = new AnswerKeyOption();
    o.given = given == null ? null : List.of(given);
    return o;
  }

  /** What was asked, parsed and checked once. */
  private synchronized KeyChoice choice() {
    if (choice == null) {
      choice = KeyChoice.parse(given);
    }
    return choice;
  }

  /** The key of exam {@code examId} as asked; the exam's default edition when none was. */
  public AnswerKey forExam(String examId) {
    AnswerKey key = choice().forExam(examId);
    asked.add(examId);
    return key;
  }

  /** The key of the dataset's exam, checked to name only questions the dataset holds. */
  public AnswerKey forDataset(Dataset dataset) {
    return forExam(dataset.exam()).checkedAgainst(dataset);
  }

  /** What was asked for exam {@code examId}, as {@code --key} takes it alone; null for its default. */
  public String asGivenFor(String examId) {
    String name = choice().nameFor(examId);
    asked.add(examId);
    return name;
  }

  /**
   * One warning per {@code EXAM=EDITION} entry whose exam no file (or run) of the command held. Not an error,
   * as {@code --dataset} given for an exam not there is not: a usual {@code --key} may name more exams than
   * one folder holds.
   */
  public void warnOfUnused(PrintWriter err) {
    for (String exam : choice().namedExams()) {
      if (!asked.contains(exam)) {
        err.println("jmle-bench: warning: --key " + choice().entryOf(exam) + ": nothing here is of the "
            + ExamOrdinal.of(exam) + " exam; the entry is not used");
      }
    }
    err.flush();
  }
}
