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
 * {@code Retry-After} also pauses: no request starts before it has passed (up to {@link #MAX_PAUSE}).
 *
 * <p>After the first 429 the starts are also paced (a least time between two), since providers limit requests
 * per second more often than requests in flight. The pace settles just under the one that failed and never
 * again goes faster than that, nor than the longest slot a server's Retry-After named: a rate limit is steady,
 * and every probe above it is a 429 whose question waits out a backoff (at the end of a run, the whole run
 * waits). A pace cut below that (a settled pace that failed twice running) grows back towards it, only while it
 * holds starts back; see {@link #slowerPace}. The pace's
 * slots are a grid: a start that comes a little late (a thread woken late on a busy machine) does not push the
 * slots after it, so the pace is kept, not slowly lost.
 */
public final class AdaptiveLimiter {
  /** Gentler than TCP's halving: one burst of 429s then costs less than a third of the throughput. */
  static final double DECREASE_FACTOR = 0.7;
  /** A server's Retry-After stops every start for at most this long (each question waits its own in full). */
  static final Duration MAX_PAUSE = Duration.ofSeconds(10);
  /**
   * After a 429 the pace settles just under the one that failed: rate limits are usually steady, and every
   * request turned away costs its slot of the pace, so a plateau near the limit beats a saw-tooth below it.
   */
  static final double NEAR_LIMIT = 0.98;
  /** A 429 at the settled pace, twice in a row, means the limit is lower: the pace then slows by this factor. */
  static final double RATE_DECREASE = 0.9;
  /**
   * A Retry-After shorter than this tells when the server's next slot frees, which is the pace it allows; a
   * longer one (most say whole seconds) only pauses every start once.
   */
  static final Duration TOKEN_HINT = Duration.ofSeconds(1);
  /** How fast the pace probes upward again: this fraction per second of requests sent at it. */
  static final double RATE_GROWTH = 0.01;
  /**
   * How late a start may come and still keep the pace's grid, as a share of a slot: wake-ups on a busy machine
   * come milliseconds late, and losing them all slows the pace by as much; no two starts come closer than
   * 1 - GRID_SLACK of the pace, and none faster on average.
   */
  static final double GRID_SLACK = 0.25;
  /** Weight of a new latency in the smoothed round trip (as TCP's SRTT). */
  private static final double RTT_GAIN = 0.125;

  /** How a start held back by the pace waits for its slot: on the limiter's condition, or a test's clock moved on. */
  @FunctionalInterface
  interface PaceWait {
    void await(Condition condition, long nanos) throws InterruptedException;
  }

  private static final PaceWait REAL_WAIT = (c, nanos) -> c.await(nanos, TimeUnit.NANOSECONDS);

  /** The integer limit moved to {@code limit} at {@code atMillis} after the limiter was made. */
  public record Change(long atMillis, int limit) {}

  /** Held by one request from {@link #acquire()} to {@link #release}. */
  public static final class Permit {
    private final long epoch;
    private final long startNanos;
    /** Whether the pace held this start back: only then does its success say the pace could be faster. */
    private final boolean paced;

    private Permit(long epoch, long startNanos, boolean paced) {
      this.epoch = epoch;
      this.startNanos = startNanos;
      this.paced = paced;
    }
  }

  /** How a request ended, as far as the limit is concerned. */
  public enum Signal { SUCCESS, RATE_LIMITED, OTHER }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomFreed = lock.newCondition();
  private final int ceiling;
  private final LongSupplier nanoClock;
  private final PaceWait paceWait;
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
  /** The least spacing the pace may take: just under the fastest pace known to fail ({@link #NEAR_LIMIT}). */
  private double floorSpacingNanos;
  private double widestSpacingNanos;
  /** The pace (as spacing) of the last 429 that slowed it; 0 before the first. */
  private double failedSpacingNanos;
  /** After {@link #stop}: nothing more starts. */
  private boolean stopped;
  /** Whether that 429 came at or below a pace that had failed before: the next such one slows hard. */
  private boolean failedAtSettledPace;
  /** Whether the last 429 slowed the pace hard (the settled pace failed twice running). */
  private boolean lastCutHard;

  public AdaptiveLimiter(int ceiling) {
    this(ceiling, System::nanoTime);
  }

  AdaptiveLimiter(int ceiling, LongSupplier nanoClock) {
    this(ceiling, nanoClock, REAL_WAIT);
  }

  /** On a test's clock, which {@code paceWait} moves on instead of waiting for it. */
  AdaptiveLimiter(int ceiling, LongSupplier nanoClock, PaceWait paceWait) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("parallel should be at least 1, not " + ceiling);
    }
    this.ceiling = ceiling;
    this.nanoClock = nanoClock;
    this.paceWait = paceWait;
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

  /**
   * As {@link #acquire()}, but gives up at {@code deadlineNanos} (on the limiter's clock): then null; null at once
   * after {@link #stop}.
   */
  public Permit acquire(long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      boolean heldByPace = false;
      while (!stopped) {
        long now = nanoClock.getAsLong();
        long paused = nextStart - now;
        heldByPace |= paused > 0 && inFlight < limit();
        if (inFlight < limit() && paused <= 0) {
          inFlight++;
          // A little late, the start takes the slot it missed and the next slot stays where the grid has it; later
          // than that (idle, or every permit in use), a new grid begins from now.
          long slot = now - nextStart <= (long) (GRID_SLACK * spacingNanos) ? nextStart : now;
          nextStart = slot + (long) spacingNanos;
          return new Permit(epoch, now, heldByPace);
        }
        long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - now;
        if (left <= 0) {
          return null;
        }
        long wait = Math.min(left, paused > 0 ? paused : Long.MAX_VALUE);
        if (wait == Long.MAX_VALUE) {
          roomFreed.await();
        } else {
          paceWait.await(roomFreed, wait);
        }
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** No permit is given from now on: every waiting and later {@link #acquire} returns null at once. */
  public void stop() {
    lock.lock();
    try {
      stopped = true;
      roomFreed.signalAll();
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
        if (spacingNanos > 0 && permit.paced) {
          // The pace quickens by about RATE_GROWTH per second of requests, up to just under the pace that failed.
          spacingNanos = Math.max(floorSpacingNanos, spacingNanos * (1 - Math.min(0.5, RATE_GROWTH * spacingNanos / 1e9)));
        }
      } else if (signal == Signal.RATE_LIMITED) {
        long pause = retryAfter == null ? 0 : Math.min(retryAfter.toNanos(), MAX_PAUSE.toNanos());
        nextStart = Math.max(nextStart, now + pause);
        if (permit.epoch == epoch && now >= noDecreaseBefore) {
          boolean unpaced = spacingNanos == 0;
          spacingNanos = Math.min(MAX_PAUSE.toNanos(), slowerPace(pause, before));
          // Once starts are paced, the pace answers a 429; fewer in flight only when it failed to (or was not
          // there yet): cutting both at each 429 starved the pace (down to 2 in flight for 50 requests/s).
          if (unpaced || lastCutHard) {
            limit = Math.max(1, Math.floor(limit * DECREASE_FACTOR));
          }
          widestSpacingNanos = Math.max(widestSpacingNanos, spacingNanos);
          epoch++;
          decreases++;
          noDecreaseBefore = now + Math.max((long) smoothedRttNanos, pause);
        }
        if (pause > 0 && pause < TOKEN_HINT.toNanos() && spacingNanos > 0) {
          // Every 429 of a burst names when the server's next slot frees; the longest of them is the best
          // guess of its pace (the first one, which set the pace, may have come just before a slot).
          // A server's next slot frees no later than one of its slots (a token bucket's wait is at most one
          // token's), so the pace never again needs to be faster than the longest slot named.
          double named = Math.min(MAX_PAUSE.toNanos(), pause / NEAR_LIMIT);
          spacingNanos = Math.max(spacingNanos, named);
          floorSpacingNanos = Math.max(floorSpacingNanos, named);
          widestSpacingNanos = Math.max(widestSpacingNanos, spacingNanos);
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

  /**
   * The spacing of starts after a counted 429. The first one guesses the pace from a sub-second Retry-After
   * (when the next slot frees), else from the concurrency limit (a round trip per request in flight). Later ones
   * settle just under the pace that failed; if that settled pace fails too, twice running, the limit must
   * have dropped, and the pace slows by {@link #RATE_DECREASE} until it holds.
   */
  private double slowerPace(long pause, int limitBefore) {
    double failed = spacingNanos > 0 ? spacingNanos
        : pause > 0 && pause < TOKEN_HINT.toNanos() ? pause : smoothedRttNanos / Math.max(1, limitBefore);
    boolean settled = failedSpacingNanos > 0 && failed >= failedSpacingNanos;
    lastCutHard = settled && failedAtSettledPace;
    double next = lastCutHard ? failed / RATE_DECREASE : failed / NEAR_LIMIT;
    failedAtSettledPace = settled;
    failedSpacingNanos = failed;
    floorSpacingNanos = Math.max(floorSpacingNanos, Math.min(MAX_PAUSE.toNanos(), failed / NEAR_LIMIT));
    return next;
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
