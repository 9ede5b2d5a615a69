package dev.jmlebench.runner;

import dev.jmlebench.client.ApiFailure;
import java.util.Objects;

/**
 * Stops a run whose recent answers all failed the same way: a server answering 502 to everything, or rejecting
 * every question with the same 400, would otherwise be asked every question, each through its retries, and
 * leave a result file of errors. It counts answers, not requests: each question has had its retries first, so a
 * passing fault never trips it. "The same way" is the failure's kind and HTTP status ({@code HTTP 502}, a
 * timeout, a broken connection); the message may differ (servers put request ids in them). An answer ends the row
 * only when its request was sent after the row's first failed one: a long answer sent before an outage, arriving
 * during it, says nothing of the server now.
 *
 * <p>The window is {@code max(MIN_WINDOW, min(parallel, MAX_WINDOW))} answers in a row: at least a whole round
 * of the requests in flight, so one burst of failures at one moment is a round, never the whole run's verdict
 * when more than one round is possible.
 */
final class CircuitBreaker {
  static final int MIN_WINDOW = 8;
  static final int MAX_WINDOW = 32;

  private final int window;
  private String kind;
  private ApiFailure last;
  private int inARow;
  /** When the earliest request of the row was sent (System.nanoTime). */
  private long rowSince;

  CircuitBreaker(int parallel) {
    this.window = Math.max(MIN_WINDOW, Math.min(parallel, MAX_WINDOW));
  }

  int window() {
    return window;
  }

  /** An answer arrived, its request sent at {@code sentNanos}: the row of failures ends, unless it began later. */
  synchronized void answered(long sentNanos) {
    if (inARow > 0 && sentNanos - rowSince < 0) {
      return;
    }
    inARow = 0;
    kind = null;
  }

  /**
   * A question ended in {@code f} after its retries, its last request sent at {@code sentNanos}; true when this
   * makes {@link #window} failures alike in a row.
   */
  synchronized boolean failed(ApiFailure f, long sentNanos) {
    String k = kindOf(f);
    if (Objects.equals(k, kind)) {
      inARow++;
      rowSince = sentNanos - rowSince < 0 ? sentNanos : rowSince;
    } else {
      inARow = 1;
      rowSince = sentNanos;
    }
    kind = k;
    last = f;
    return inARow >= window;
  }

  /** The last failure of the row, as it was recorded (its message never holds the API key). */
  synchronized ApiFailure last() {
    return last;
  }

  private static String kindOf(ApiFailure f) {
    return f.kind() == ApiFailure.Kind.HTTP ? "HTTP " + f.status() : f.kind().name();
  }
}
