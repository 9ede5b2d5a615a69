package dev.jmlebench.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * How many requests may be in flight, adapted AIMD-style as TCP does: the limit starts at the ceiling
 * ({@code --parallel}), halves on a rate limit (429), and grows back by one per round of successes
 * (1/limit per success). So a rate-limited provider is driven near its limit without a storm of errors.
 *
 * <p>One burst of 429s halves the limit once, not once per request: a 429 only counts when its request
 * started after the previous decrease.
 */
public final class AdaptiveLimiter {
  static final double DECREASE_FACTOR = 0.5;

  /** The integer limit moved to {@code limit} at {@code atMillis} after the limiter was made. */
  public record Change(long atMillis, int limit) {}

  /** Held by one request from {@link #acquire()} to {@link #release}. */
  public static final class Permit {
    private final long epoch;

    private Permit(long epoch) {
      this.epoch = epoch;
    }
  }

  /** How a request ended, as far as the limit is concerned. */
  public enum Signal { SUCCESS, RATE_LIMITED, OTHER }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomFreed = lock.newCondition();
  private final int ceiling;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final List<Change> changes = new ArrayList<>();
  private double limit;
  private int inFlight;
  private long epoch;
  private int decreases;
  private int lowest;

  public AdaptiveLimiter(int ceiling) {
    this(ceiling, System::nanoTime);
  }

  AdaptiveLimiter(int ceiling, LongSupplier nanoClock) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("parallel should be at least 1, not " + ceiling);
    }
    this.ceiling = ceiling;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.limit = ceiling;
    this.lowest = ceiling;
  }

  /** Waits until fewer requests than the current limit are in flight. */
  public Permit acquire() throws InterruptedException {
    lock.lock();
    try {
      while (inFlight >= limit()) {
        roomFreed.await();
      }
      inFlight++;
      return new Permit(epoch);
    } finally {
      lock.unlock();
    }
  }

  public void release(Permit permit, Signal signal) {
    lock.lock();
    try {
      inFlight--;
      int before = limit();
      if (signal == Signal.RATE_LIMITED && permit.epoch == epoch) {
        limit = Math.max(1, Math.floor(limit * DECREASE_FACTOR));
        epoch++;
        decreases++;
      } else if (signal == Signal.SUCCESS && limit < ceiling) {
        limit = Math.min(ceiling, limit + 1.0 / limit);
      }
      int after = limit();
      if (after != before) {
        changes.add(new Change((nanoClock.getAsLong() - startNanos) / 1_000_000, after));
        lowest = Math.min(lowest, after);
      }
      roomFreed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The number of requests allowed in flight now. */
  public int limit() {
    lock.lock();
    try {
      return (int) Math.floor(limit);
    } finally {
      lock.unlock();
    }
  }

  public int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  public Report report() {
    lock.lock();
    try {
      return new Report(ceiling, lowest, limit(), decreases, List.copyOf(changes));
    } finally {
      lock.unlock();
    }
  }

  /** How the limit moved over a run. */
  public record Report(int ceiling, int lowest, int last, int decreases, List<Change> changes) {
    public String describe() {
      if (decreases == 0) {
        return "concurrency stayed at " + ceiling;
      }
      return "concurrency limit " + ceiling + " → lowest " + lowest + " → " + last + " at the end ("
          + decreases + (decreases == 1 ? " decrease" : " decreases") + " on 429)";
    }
  }
}
