package dev.jmlebench.cli;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.score.AnswerKey;
import picocli.CommandLine.Option;

/** The {@code --key} option of every command that grades or shows grades. */
public final class AnswerKeyOption {
  @Option(names = "--key", paramLabel = "EDITION",
      description = "Answer key to grade with: official (the ministry's answers and pass criteria of "
          + "2026-03-16, as today's public leaderboard) or author (the dataset's first answers and the 119th "
          + "exam's criteria, as every file published before 2026-03-16), or an edition file (*.json). "
          + "The 112th-116th: official (calculations as the values asked for) or igakuqa (IgakuQA's "
          + "mark-sheet digits, as its grading; import igakuqa's default). Default: official.")
  String key;

  /** The key of exam {@code examId} as asked; the exam's default edition when none was. */
  public AnswerKey forExam(String examId) {
    return AnswerKey.chosen(examId, key);
  }

  /** The key of the dataset's exam, checked to name only questions the dataset holds. */
  public AnswerKey forDataset(Dataset dataset) {
    return forExam(dataset.exam()).checkedAgainst(dataset);
  }

  /** What was asked, as {@code --key} takes it; null for the default. */
  public String asGiven() {
    return key;
  }
}
