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
  private int unparsed;
  private int errors;
  private int truncated;

  RunningCounts(int total, int alreadyDone, int alreadyCorrect) {
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.done = alreadyDone;
    this.correct = alreadyCorrect;
  }

  synchronized void add(QuestionResult r) {
    Outcome o = r.outcome();
    done++;
    correct += o == Outcome.CORRECT ? 1 : 0;
    errors += o == Outcome.ERROR ? 1 : 0;
    unparsed += o == Outcome.UNPARSED ? 1 : 0;
    truncated += r.isTruncated() ? 1 : 0;
  }

  /** The counts now, with what the client says of the requests: retries so far, in flight, waiting. */
  synchronized Snapshot snapshot(int retries, int inFlight, int waiting) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    int doneNow = done - alreadyDone;
    Duration eta = doneNow == 0 ? null : elapsed.multipliedBy(total - done).dividedBy(doneNow);
    return new Snapshot(done, total, correct, unparsed, errors, truncated, retries, inFlight, waiting, elapsed, eta);
  }

  /**
   * @param unparsed answers with no 【回答】 to read; a failed request is an error, not also unparsed (the
   *     summary's {@code parse_failures}, as the published format counts it, holds both)
   * @param truncated answers of this session cut off at the token limit or empty
   * @param retries requests sent again so far in this session
   * @param inFlight requests being sent now
   * @param waiting questions being asked that have no request out now: waiting to retry, or for a slot
   * @param eta null until a question of this session has finished
   */
  public record Snapshot(int done, int total, int correct, int unparsed, int errors, int truncated, int retries,
      int inFlight, int waiting, Duration elapsed, Duration eta) {}
}
