package dev.jmlebench.client;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.jmlebench.prompt.Prompt;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks one question until it gets a completion or gives up: each attempt holds a permit of the
 * {@link AdaptiveLimiter} (none while backing off), and failsafe schedules the retries by
 * {@link RetrySettings}.
 *
 * <p>Every wait is bounded: a question ends within its retry budget from the moment it is asked (each
 * attempt's timeout is cut to what is left of it, and a retry whose wait would overrun it is not made), it
 * sends at most {@link RetrySettings#maxRequests()} requests, and it waits at least the exponential
 * backoff between them — a server's {@code Retry-After} can lengthen that wait, never shorten it.
 *
 * <p>{@link #stop} ends asking: no request starts after it, and a question waiting for its next attempt or for a
 * slot ends at once with {@link Stopped}; a request already sent is left to finish, since its answer is paid for.
 */
public final class ResilientClient {
  /** Jitter spreads retries of many questions apart, so they do not return in one wave; it only adds. */
  static final double JITTER = 0.25;

  private final ModelApi client;
  private final RetrySettings retry;
  private final AdaptiveLimiter limiter;
  private final AtomicBoolean serverAnswered = new AtomicBoolean();
  private final AtomicInteger retries = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Thrown by {@link #ask} when the question was not asked (or not asked again) because of {@link #stop}. */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped before the request was sent", null, false, false);
    }
  }

  public ResilientClient(ModelApi client, RetrySettings retry, AdaptiveLimiter limiter) {
    this.client = client;
    this.retry = retry;
    this.limiter = limiter;
  }

  /** The API asked, for the exact request a cache keys on. */
  public ModelApi api() {
    return client;
  }

  public AdaptiveLimiter limiter() {
    return limiter;
  }

  /** Retries sent so far over all questions. */
  public int retries() {
    return retries.get();
  }

  /** No request starts from now on; waits for a retry or a slot end at once (see the class comment). */
  public void stop() {
    stopped.countDown();
    limiter.stop();
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /**
   * @throws Stopped when {@link #stop} came before the question could be asked, or asked again: it has no answer
   *     and no failure of its own
   */
  public Answer ask(Prompt prompt) throws InterruptedException {
    Attempts attempts = new Attempts(System.nanoTime() + retry.budget().toNanos());
    RetryPolicy<Completion> policy = RetryPolicy.<Completion>builder()
        .handleIf(e -> e instanceof ApiFailure f && attempts.mayRetry(f))
        .withMaxRetries(-1)
        // The backoff is waited in Attempts.once, where a stop can end it; failsafe only loops.
        .onRetry(e -> retries.incrementAndGet())
        .build();
    try {
      Completion c = Failsafe.with(policy).get(() -> attempts.once(prompt));
      return new Answer(c, null, attempts.count, attempts.lastLatency);
    } catch (ApiFailure f) {
      return new Answer(null, f, attempts.count, attempts.lastLatency);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException ie) {
        throw ie;
      }
      throw e;
    }
  }

  /**
   * The wait before the next attempt: the exponential backoff's floor for this attempt (initial delay doubled
   * per attempt made, up to the maximum), lengthened to the server's Retry-After, plus up to 25% jitter.
   */
  Duration delayAfter(int attemptsMade, ApiFailure f) {
    long floor = retry.initialDelay().toNanos() << Math.min(attemptsMade - 1, 30);
    floor = Math.min(floor < 0 ? Long.MAX_VALUE : floor, retry.maxDelay().toNanos());
    long asked = f.retryAfter().map(Duration::toNanos).orElse(0L);
    long base = Math.max(floor, asked);
    return Duration.ofNanos(base + (long) (base * JITTER * ThreadLocalRandom.current().nextDouble()));
  }

  /** The attempts of one question: their number, the last one's latency, and the retry rule for them. */
  private final class Attempts {
    final long deadlineNanos;
    int count;
    int faults;
    int rateLimited;
    ApiFailure last;
    Duration nextDelay = Duration.ZERO;
    Duration lastLatency = Duration.ZERO;

    Attempts(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    Completion once(Prompt prompt) throws InterruptedException {
      if (stopped.await(nextDelay.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new Stopped();
      }
      AdaptiveLimiter.Permit permit = limiter.acquire(deadlineNanos);
      long start = System.nanoTime();
      if (permit == null || start >= deadlineNanos || isStopped()) {
        if (permit != null) {
          limiter.release(permit, AdaptiveLimiter.Signal.OTHER);
        }
        if (isStopped()) {
          throw new Stopped();
        }
        throw budgetSpent();
      }
      AdaptiveLimiter.Signal signal = AdaptiveLimiter.Signal.OTHER;
      ApiFailure failed = null;
      count++;
      try {
        Duration left = Duration.ofNanos(deadlineNanos - start);
        Completion c = client.complete(prompt, left.compareTo(client.settings().timeout()) < 0
            ? left : client.settings().timeout());
        signal = AdaptiveLimiter.Signal.SUCCESS;
        serverAnswered.set(true);
        return c;
      } catch (ApiFailure f) {
        failed = f;
        last = f;
        if (f.kind() == ApiFailure.Kind.HTTP) {
          serverAnswered.set(true);
        }
        if (f.isRateLimited()) {
          signal = AdaptiveLimiter.Signal.RATE_LIMITED;
          rateLimited++;
        } else {
          faults++;
        }
        nextDelay = delayAfter(count, f);
        throw f;
      } finally {
        lastLatency = Duration.ofNanos(System.nanoTime() - start);
        limiter.release(permit, signal, failed == null ? null : failed.retryAfter().orElse(null));
      }
    }

    /** The failure to report when the budget ran out before an attempt could be sent. */
    private ApiFailure budgetSpent() {
      return last != null ? last : new ApiFailure(ApiFailure.Kind.TIMEOUT, 0, null, "retry budget of "
          + retry.budget().toSeconds() + " s spent waiting for a request slot");
    }

    boolean mayRetry(ApiFailure f) {
      if (!Transience.isTransient(f, serverAnswered.get()) || count >= retry.maxRequests()) {
        return false;
      }
      if (f.isRateLimited() ? rateLimited > RetrySettings.MAX_RATE_LIMITED_RETRIES : faults > retry.maxRetries()) {
        return false;
      }
      // A retry that could only start after the budget is not made: the question ends now, not later.
      return System.nanoTime() + nextDelay.toNanos() < deadlineNanos;
    }
  }
}
