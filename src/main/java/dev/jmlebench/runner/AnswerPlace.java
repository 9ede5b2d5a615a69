package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.Samples;
import java.nio.file.Path;

/**
 * Where the whole of an answer is on disk while the run holds it without its texts
 * ({@link QuestionResult#withoutTexts}): its line in the journal, or its place in the earlier result file. The
 * result file is written from these, one answer at a time, so a run's memory does not grow with its answers.
 */
sealed interface AnswerPlace {
  /** The answer as it was recorded there, texts and all. */
  QuestionResult read();

  /** A line of this run's journal (of this session or an interrupted earlier one). */
  record InJournal(Path journal, Journal.Line line) implements AnswerPlace {
    @Override
    public QuestionResult read() {
      return Journal.readLine(journal, line);
    }
  }

  /** Sample {@code sample} of a result in the earlier result file (the file itself until the run replaces it). */
  record InResultFile(Path file, ResultFiles.Span span, int sample) implements AnswerPlace {
    @Override
    public QuestionResult read() {
      QuestionResult r = ResultFiles.readAt(file, span);
      return Samples.of(r, file.toString()).get(sample);
    }
  }
}
