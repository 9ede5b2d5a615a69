package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
  private final AtomicLong clock = new AtomicLong();

  private List<AdaptiveLimiter.Permit> take(AdaptiveLimiter l, int n) throws InterruptedException {
    List<AdaptiveLimiter.Permit> permits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      permits.add(l.acquire());
    }
    return permits;
  }

  @Test
  void theLimitStartsAtTheCeilingAndStaysThereOnSuccess() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(8, clock::get);
    for (AdaptiveLimiter.Permit p : take(l, 8)) {
      l.release(p, AdaptiveLimiter.Signal.SUCCESS);
    }
    assertThat(l.limit()).isEqualTo(8);
    assertThat(l.report().decreases()).isZero();
  }

  @Test
  void aBurstOf429sHalvesTheLimitOnce() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16, clock::get);
    for (AdaptiveLimiter.Permit p : take(l, 16)) {
      l.release(p, AdaptiveLimiter.Signal.RATE_LIMITED);
    }
    assertThat(l.limit()).isEqualTo(8);
    assertThat(l.report().decreases()).isEqualTo(1);
  }

  @Test
  void each429RoundHalvesAgainDownToOne() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16, clock::get);
    for (int round = 0; round < 6; round++) {
      l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    }
    assertThat(l.limit()).isEqualTo(1);
    assertThat(l.report().lowest()).isEqualTo(1);
    assertThat(l.report().changes()).extracting(AdaptiveLimiter.Change::limit).containsExactly(8, 4, 2, 1);
  }

  @Test
  void successesAddAboutOneRequestPerRoundUpToTheCeiling() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(8, clock::get);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    assertThat(l.limit()).isEqualTo(4);
    for (int i = 0; i < 4; i++) {
      clock.addAndGet(1_000_000);
      l.release(l.acquire(), AdaptiveLimiter.Signal.SUCCESS);
    }
    assertThat(l.limit()).isEqualTo(4); // one round of 4 successes adds just under 1 (each adds 1/limit)
    for (int i = 0; i < 200; i++) {
      l.release(l.acquire(), AdaptiveLimiter.Signal.SUCCESS);
    }
    assertThat(l.limit()).isEqualTo(8);
    AdaptiveLimiter.Report r = l.report();
    assertThat(r.last()).isEqualTo(8);
    assertThat(r.lowest()).isEqualTo(4);
    assertThat(r.changes()).extracting(AdaptiveLimiter.Change::limit).containsExactly(4, 5, 6, 7, 8);
    assertThat(r.describe()).isEqualTo("concurrency limit 8 → lowest 4 → 8 at the end (1 decrease on 429)");
  }

  @Test
  void otherFailuresLeaveTheLimitAlone() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(4, clock::get);
    l.release(l.acquire(), AdaptiveLimiter.Signal.OTHER);
    assertThat(l.limit()).isEqualTo(4);
  }

  @Test
  void acquireWaitsWhileTheLimitIsReached() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(2, clock::get);
    List<AdaptiveLimiter.Permit> held = take(l, 2);
    CountDownLatch got = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      try {
        l.acquire();
        got.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    assertThat(got.await(200, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(l.inFlight()).isEqualTo(2);
    l.release(held.get(0), AdaptiveLimiter.Signal.SUCCESS);
    assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
    t.join();
  }
}
