package dev.jmlebench.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * How many requests may be in flight, adapted AIMD-style as TCP does: the limit starts at the ceiling
 * ({@code --parallel}), shrinks on a rate limit (429), and grows back by one per round of successes
 * (1/limit per success). So a rate-limited provider is driven near its limit without a storm of errors.
 *
 * <p>A burst of 429s shrinks the limit once: a 429 counts only when its request started after the previous
 * decrease, and no sooner than one window after it — a round trip, or the server's {@code Retry-After} when
 * longer, since the requests of that window were sent before the decrease could show. The server's
 * {@code Retry-After} also paces: no request starts before it has passed (up to {@link #MAX_PAUSE}).
 */
public final class AdaptiveLimiter {
  /** Gentler than TCP's halving: one burst of 429s then costs less than a third of the throughput. */
  static final double DECREASE_FACTOR = 0.7;
  /** A server's Retry-After stops every start for at most this long (each question waits its own in full). */
  static final Duration MAX_PAUSE = Duration.ofSeconds(10);
  /** On a 429 the pace slows by this factor; rate limits are usually steady, so a small step suffices. */
  static final double RATE_DECREASE = 0.9;
  /** How fast the pace recovers: this fraction per second of requests sent at it. */
  static final double RATE_GROWTH = 0.05;
  /** Weight of a new latency in the smoothed round trip (as TCP's SRTT). */
  private static final double RTT_GAIN = 0.125;

  /** The integer limit moved to {@code limit} at {@code atMillis} after the limiter was made. */
  public record Change(long atMillis, int limit) {}

  /** Held by one request from {@link #acquire()} to {@link #release}. */
  public static final class Permit {
    private final long epoch;
    private final long startNanos;

    private Permit(long epoch, long startNanos) {
      this.epoch = epoch;
      this.startNanos = startNanos;
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
  private double smoothedRttNanos;
  private long noDecreaseBefore;
  /** No request starts before this: the server's Retry-After, then the pacing. */
  private long nextStart;
  /** The least time between two starts once 429s were seen; 0 while the server has not limited the rate. */
  private double spacingNanos;
  private double widestSpacingNanos;

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
    this.noDecreaseBefore = startNanos;
    this.nextStart = startNanos;
    this.limit = ceiling;
    this.lowest = ceiling;
  }

  /** Waits until fewer requests than the current limit are in flight and no Retry-After pause holds. */
  public Permit acquire() throws InterruptedException {
    return acquire(Long.MAX_VALUE);
  }

  /** As {@link #acquire()}, but gives up at {@code deadlineNanos} (on the limiter's clock): then null. */
  public Permit acquire(long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        long now = nanoClock.getAsLong();
        long paused = nextStart - now;
        if (inFlight < limit() && paused <= 0) {
          inFlight++;
          nextStart = Math.max(now, nextStart) + (long) spacingNanos;
          return new Permit(epoch, now);
        }
        long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - now;
        if (left <= 0) {
          return null;
        }
        long wait = Math.min(left, paused > 0 ? paused : Long.MAX_VALUE);
        if (wait == Long.MAX_VALUE) {
          roomFreed.await();
        } else {
          roomFreed.await(wait, TimeUnit.NANOSECONDS);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  public void release(Permit permit, Signal signal) {
    release(permit, signal, null);
  }

  /** @param retryAfter how long the server asked to wait, or null */
  public void release(Permit permit, Signal signal, Duration retryAfter) {
    lock.lock();
    try {
      long now = nanoClock.getAsLong();
      // Grow only a limit that is used: successes with few in flight say nothing of whether more would pass.
      boolean limitBound = 2 * inFlight >= limit();
      inFlight--;
      int before = limit();
      if (signal == Signal.SUCCESS) {
        long rtt = now - permit.startNanos;
        smoothedRttNanos = smoothedRttNanos == 0 ? rtt : smoothedRttNanos + RTT_GAIN * (rtt - smoothedRttNanos);
        if (limit < ceiling && limitBound) {
          limit = Math.min(ceiling, limit + 1.0 / limit);
        }
        if (spacingNanos > 0) {
          // The pace quickens by about RATE_GROWTH per second of requests: steady, and it probes the limit again.
          spacingNanos *= 1 - Math.min(0.5, RATE_GROWTH * spacingNanos / 1e9);
        }
      } else if (signal == Signal.RATE_LIMITED) {
        long pause = retryAfter == null ? 0 : Math.min(retryAfter.toNanos(), MAX_PAUSE.toNanos());
        nextStart = Math.max(nextStart, now + pause);
        if (permit.epoch == epoch && now >= noDecreaseBefore) {
          limit = Math.max(1, Math.floor(limit * DECREASE_FACTOR));
          // Pace no faster than the server's Retry-After says a slot frees, and slower than before.
          // Without a Retry-After, the pace the limit implied (a round trip per request in flight) is the guess.
          double implied = spacingNanos > 0 ? spacingNanos / RATE_DECREASE
              : pause > 0 ? pause : smoothedRttNanos / Math.max(1, before);
          spacingNanos = Math.min(MAX_PAUSE.toNanos(), Math.max(implied, pause));
          widestSpacingNanos = Math.max(widestSpacingNanos, spacingNanos);
          epoch++;
          decreases++;
          noDecreaseBefore = now + Math.max((long) smoothedRttNanos, pause);
        }
      }
      int after = limit();
      if (after != before) {
        changes.add(new Change((now - startNanos) / 1_000_000, after));
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
      return new Report(ceiling, lowest, limit(), decreases, List.copyOf(changes), perSecond(widestSpacingNanos),
          perSecond(spacingNanos));
    } finally {
      lock.unlock();
    }
  }

  private static double perSecond(double spacingNanos) {
    return spacingNanos > 0 ? 1e9 / spacingNanos : 0;
  }

  /**
   * How the limit moved over a run.
   *
   * @param slowestPace the slowest pace of starts set after a 429, in requests per second; 0 when never paced
   * @param lastPace the pace at the end; 0 when never paced
   */
  public record Report(int ceiling, int lowest, int last, int decreases, List<Change> changes, double slowestPace,
      double lastPace) {
    public String describe() {
      if (decreases == 0) {
        return "concurrency stayed at " + ceiling;
      }
      String pace = slowestPace > 0 ? String.format(java.util.Locale.ROOT,
          ", paced at %.1f → %.1f requests/s", slowestPace, lastPace) : "";
      return "concurrency limit " + ceiling + " → lowest " + lowest + " → " + last + " at the end ("
          + decreases + (decreases == 1 ? " decrease" : " decreases") + " on 429" + pace + ")";
    }
  }
}
