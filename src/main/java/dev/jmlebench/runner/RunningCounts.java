package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.score.Outcome;
import java.time.Duration;

/**
 * The running counts of a run, for progress displays. Mutable inside, read through {@link #snapshot}.
 */
public final class RunningCounts {
  private final int total;
  private final int alreadyDone;
  private final long startNanos = System.nanoTime();
  private int done;
  private int correct;
  private int parseFailures;
  private int errors;
  private int truncated;

  RunningCounts(int total, int alreadyDone, int alreadyCorrect) {
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.done = alreadyDone;
    this.correct = alreadyCorrect;
  }

  synchronized Snapshot add(QuestionResult r, int retries, int inFlight) {
    Outcome o = r.outcome();
    done++;
    correct += o == Outcome.CORRECT ? 1 : 0;
    errors += o == Outcome.ERROR ? 1 : 0;
    parseFailures += o.isParseFailure() ? 1 : 0;
    truncated += r.isTruncated() ? 1 : 0;
    return snapshot(retries, inFlight);
  }

  synchronized Snapshot snapshot(int retries, int inFlight) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    int doneNow = done - alreadyDone;
    Duration eta = doneNow == 0 ? null : elapsed.multipliedBy(total - done).dividedBy(doneNow);
    return new Snapshot(done, total, correct, parseFailures, errors, truncated, retries, inFlight, elapsed, eta);
  }

  /**
   * @param parseFailures counted as the summary counts them ({@link Outcome#isParseFailure}): failed requests too
   * @param truncated answers of this session cut off at the token limit or empty
   * @param eta null until a question of this session has finished
   */
  public record Snapshot(int done, int total, int correct, int parseFailures, int errors, int truncated, int retries,
      int inFlight, Duration elapsed, Duration eta) {}
}
