package dev.jmlebench.runner;

import dev.jmlebench.client.AdaptiveLimiter;
import dev.jmlebench.results.ResultFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a run ended: the file written, the questions still without an answer (errors and parse failures,
 * which a resume asks again; with repeats, a question lacking any of its samples), the failed requests
 * among all samples, whether it was interrupted, and how long it took.
 *
 * @param file what was written to {@code out}, its results without their texts ({@link
 *     dev.jmlebench.results.QuestionResult#withoutTexts}: a run never holds them all; {@code out} has them); not
 *     written when the run was interrupted before any answer
 */
public record FinishedRun(Path out, ResultFile file, List<String> unanswered, int errors, boolean interrupted,
    Duration wall, AdaptiveLimiter.Report concurrency, String command) {
  public FinishedRun {
    unanswered = List.copyOf(unanswered);
  }

  public boolean hasErrors() {
    return errors > 0;
  }
}
