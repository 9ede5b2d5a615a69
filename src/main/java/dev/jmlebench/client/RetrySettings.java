package dev.jmlebench.client;

import java.time.Duration;

/**
 * How hard to try one question. Transient failures are retried up to {@code maxRetries} times, with
 * exponential backoff from {@code initialDelay} up to {@code maxDelay} plus jitter; rate limits (429) are
 * waited out without counting against {@code maxRetries}, since the limiter already slows down for them.
 * Whatever happens, a question gives up once {@code budget} has passed since its first attempt.
 */
public record RetrySettings(int maxRetries, Duration budget, Duration initialDelay, Duration maxDelay) {
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);

  public RetrySettings {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("max retries should be 0 or more, not " + maxRetries);
    }
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("retry budget should be positive, not " + budget);
    }
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("backoff delays should satisfy 0 < initial ≤ max, not " + initialDelay
          + " and " + maxDelay);
    }
    if (budget.compareTo(initialDelay) <= 0) {
      throw new IllegalArgumentException("retry budget " + budget + " should be longer than the first backoff "
          + initialDelay);
    }
  }

  public static RetrySettings of(int maxRetries, Duration budget) {
    return new RetrySettings(maxRetries, budget, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY);
  }
}
