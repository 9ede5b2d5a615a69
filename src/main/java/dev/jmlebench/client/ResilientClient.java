package dev.jmlebench.client;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.jmlebench.prompt.Prompt;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks one question until it gets a completion or gives up: each attempt holds a permit of the
 * {@link AdaptiveLimiter} (none while backing off), and failsafe schedules the retries by
 * {@link RetrySettings}, waiting at least as long as a {@code Retry-After} asks.
 */
public final class ResilientClient {
  /** Jitter spreads retries of many questions apart, so they do not return in one wave. */
  static final double JITTER = 0.25;

  private final ChatClient client;
  private final RetrySettings retry;
  private final AdaptiveLimiter limiter;
  private final AtomicBoolean serverAnswered = new AtomicBoolean();
  private final AtomicInteger retries = new AtomicInteger();

  public ResilientClient(ChatClient client, RetrySettings retry, AdaptiveLimiter limiter) {
    this.client = client;
    this.retry = retry;
    this.limiter = limiter;
  }

  public AdaptiveLimiter limiter() {
    return limiter;
  }

  /** Retries sent so far over all questions. */
  public int retries() {
    return retries.get();
  }

  public Answer ask(Prompt prompt) throws InterruptedException {
    Attempts attempts = new Attempts();
    RetryPolicy<Completion> policy = RetryPolicy.<Completion>builder()
        .handleIf(e -> e instanceof ApiFailure f && attempts.mayRetry(f))
        .withMaxRetries(-1)
        .withMaxDuration(retry.budget())
        .withBackoff(retry.initialDelay(), retry.maxDelay())
        .withJitter(JITTER)
        .withDelayFnOn(ctx -> serverDelay(ctx.getLastException()), ApiFailure.class)
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

  /** Failsafe's way of saying "no delay of our own": the exponential backoff applies. */
  private static final Duration USE_BACKOFF = Duration.ofMillis(-1);

  /** The wait a server asked for, a little jittered; else the exponential backoff is in charge. */
  private static Duration serverDelay(Throwable last) {
    if (last instanceof ApiFailure f && f.retryAfter().isPresent()) {
      Duration d = f.retryAfter().get();
      return d.plusMillis((long) (d.toMillis() * JITTER * ThreadLocalRandom.current().nextDouble()));
    }
    return USE_BACKOFF;
  }

  /** The attempts of one question: their number, the last one's latency, and the retry rule for them. */
  private final class Attempts {
    int count;
    int faults;
    Duration lastLatency = Duration.ZERO;

    Completion once(Prompt prompt) throws InterruptedException {
      AdaptiveLimiter.Permit permit = limiter.acquire();
      AdaptiveLimiter.Signal signal = AdaptiveLimiter.Signal.OTHER;
      long start = System.nanoTime();
      count++;
      try {
        Completion c = client.complete(prompt);
        signal = AdaptiveLimiter.Signal.SUCCESS;
        serverAnswered.set(true);
        return c;
      } catch (ApiFailure f) {
        if (f.kind() == ApiFailure.Kind.HTTP) {
          serverAnswered.set(true);
        }
        if (f.isRateLimited()) {
          signal = AdaptiveLimiter.Signal.RATE_LIMITED;
        } else {
          faults++;
        }
        throw f;
      } finally {
        lastLatency = Duration.ofNanos(System.nanoTime() - start);
        limiter.release(permit, signal);
      }
    }

    boolean mayRetry(ApiFailure f) {
      return Transience.isTransient(f, serverAnswered.get()) && (f.isRateLimited() || faults <= retry.maxRetries());
    }
  }
}
