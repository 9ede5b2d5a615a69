package dev.jmlebench.client;

import java.time.Duration;

/**
 * How hard to try one question. Transient failures are retried up to {@code maxRetries} times, with
 * exponential backoff from {@code initialDelay} up to {@code maxDelay} plus jitter; rate limits (429) are
 * waited out without counting against {@code maxRetries} (the limiter already slows down for them), up to
 * {@link #MAX_RATE_LIMITED_RETRIES}, with the same backoff. Whatever happens, a question ends once
 * {@code budget} has passed since it was asked, waits and requests included.
 */
public record RetrySettings(int maxRetries, Duration budget, Duration initialDelay, Duration maxDelay) {
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
  /** 429s one question may wait out; with the backoff that is over an hour, so the budget ends it first. */
  public static final int MAX_RATE_LIMITED_RETRIES = 64;

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

  /** The most requests one question sends: the first, its retries, and the 429s waited out. */
  public int maxRequests() {
    return 1 + maxRetries + MAX_RATE_LIMITED_RETRIES;
  }

  public static RetrySettings of(int maxRetries, Duration budget) {
    return new RetrySettings(maxRetries, budget, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY);
  }
}
