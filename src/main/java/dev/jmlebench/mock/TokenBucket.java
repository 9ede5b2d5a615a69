package dev.jmlebench.mock;

import java.util.function.LongSupplier;

/**
 * A rate limit of {@code rate} requests per second. Bursts may take a tenth of a second's worth (at least
 * one), so a client that opens many requests at once meets the limit at once, as with real providers.
 */
final class TokenBucket {
  private final double rate;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastNanos;

  TokenBucket(double rate, LongSupplier nanoClock) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate limit should be positive, not " + rate);
    }
    this.rate = rate;
    this.capacity = Math.max(1, rate / 10);
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastNanos = nanoClock.getAsLong();
  }

  /** Takes a token and returns 0, or returns how many milliseconds until one is free. */
  synchronized long tryTake() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * rate);
    lastNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / rate * 1000));
  }
}
