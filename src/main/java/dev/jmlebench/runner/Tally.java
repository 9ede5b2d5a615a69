package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import java.time.Duration;

/**
 * The running counts of a run, for progress displays. Mutable inside, read through {@link #snapshot}.
 */
final class Tally {
  private final int total;
  private final int alreadyDone;
  private final long startNanos = System.nanoTime();
  private int done;
  private int correct;
  private int parseFailures;
  private int errors;

  Tally(int total, int alreadyDone, int alreadyCorrect) {
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.done = alreadyDone;
    this.correct = alreadyCorrect;
  }

  synchronized Snapshot add(QuestionResult r, int retries, int inFlight) {
    done++;
    correct += r.correct() ? 1 : 0;
    errors += r.error() != null ? 1 : 0;
    parseFailures += r.error() == null && !r.parseSuccess() ? 1 : 0;
    return snapshot(retries, inFlight);
  }

  synchronized Snapshot snapshot(int retries, int inFlight) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    int doneNow = done - alreadyDone;
    Duration eta = doneNow == 0 ? null : elapsed.multipliedBy(total - done).dividedBy(doneNow);
    return new Snapshot(done, total, correct, parseFailures, errors, retries, inFlight, elapsed, eta);
  }

  /**
   * @param parseFailures answers whose 【回答】 could not be read (errors not included)
   * @param eta null until a question of this session has finished
   */
  record Snapshot(int done, int total, int correct, int parseFailures, int errors, int retries, int inFlight,
      Duration elapsed, Duration eta) {}
}
