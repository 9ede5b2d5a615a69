package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  void aBurstOf429sShrinksTheLimitOnce() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16, clock::get);
    for (AdaptiveLimiter.Permit p : take(l, 16)) {
      l.release(p, AdaptiveLimiter.Signal.RATE_LIMITED);
    }
    assertThat(l.limit()).isEqualTo(11);
    assertThat(l.report().decreases()).isEqualTo(1);
  }

  @Test
  void a429WithinARoundTripOfTheLastDecreaseDoesNotShrinkTheLimitAgainAndAPacedOneSlowsThePaceFirst() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16, clock::get);
    AdaptiveLimiter.Permit p = l.acquire();
    clock.addAndGet(100_000_000); // a 100 ms round trip
    l.release(p, AdaptiveLimiter.Signal.SUCCESS);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    assertThat(l.limit()).isEqualTo(11);
    // Started after the decrease, but its 429 comes within the same round trip: the same burst.
    clock.addAndGet(50_000_000);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    assertThat(l.limit()).isEqualTo(11);
    // A round trip later: a new decrease, but now that starts are paced, the pace answers it alone...
    clock.addAndGet(60_000_000);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    assertThat(l.limit()).isEqualTo(11);
    assertThat(l.report().decreases()).isEqualTo(2);
    // ...unless the settled pace fails again: then both the pace and the concurrency give way.
    clock.addAndGet(200_000_000);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    assertThat(l.limit()).isEqualTo(7);
    assertThat(l.report().decreases()).isEqualTo(3);
  }

  @Test
  void each429RoundShrinksAgainDownToOne() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16, clock::get);
    for (int round = 0; round < 8; round++) {
      l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    }
    assertThat(l.limit()).isEqualTo(1);
    assertThat(l.report().lowest()).isEqualTo(1);
    assertThat(l.report().changes()).extracting(AdaptiveLimiter.Change::limit).containsExactly(11, 7, 4, 2, 1);
  }

  @Test
  void successesAddAboutOneRequestPerRoundUpToTheCeilingWhileTheLimitIsUsed() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(8, clock::get);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED);
    assertThat(l.limit()).isEqualTo(5);
    for (int i = 0; i < 200; i++) {
      l.release(l.acquire(), AdaptiveLimiter.Signal.SUCCESS); // one in flight of 5: the limit is not tested
    }
    assertThat(l.limit()).isEqualTo(5);
    for (int round = 0; round < 10; round++) {
      List<AdaptiveLimiter.Permit> all = take(l, l.limit());
      all.forEach(p -> l.release(p, AdaptiveLimiter.Signal.SUCCESS));
    }
    assertThat(l.limit()).isEqualTo(8);
    AdaptiveLimiter.Report r = l.report();
    assertThat(r.last()).isEqualTo(8);
    assertThat(r.lowest()).isEqualTo(5);
    assertThat(r.changes()).extracting(AdaptiveLimiter.Change::limit).containsExactly(5, 6, 7, 8);
    assertThat(r.describe()).isEqualTo("concurrency limit 8 → lowest 5 → 8 at the end (1 decrease on 429)");
  }

  @Test
  void aRetryAfterHoldsEveryStartUntilItHasPassed() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(8);
    long start = System.nanoTime();
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED, java.time.Duration.ofMillis(300));
    assertThat(l.acquire(start + 100_000_000)).as("gives up at its deadline").isNull();
    l.release(l.acquire(), AdaptiveLimiter.Signal.SUCCESS);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void afterA429StartsArePacedNoFasterThanTheRetryAfterSays() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(8);
    l.release(l.acquire(), AdaptiveLimiter.Signal.RATE_LIMITED, java.time.Duration.ofMillis(40));
    long start = System.nanoTime();
    List<AdaptiveLimiter.Permit> five = take(l, 5); // all 5 fit the concurrency limit: only the pace holds them
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(5 * 40_000_000L - 10_000_000L);
    five.forEach(p -> l.release(p, AdaptiveLimiter.Signal.SUCCESS));
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

  /** Sends one request that the server turns away with this Retry-After, {@code rtt} after it started. */
  private void rejected(AdaptiveLimiter l, long rttNanos, java.time.Duration retryAfter) throws InterruptedException {
    AdaptiveLimiter.Permit p = l.acquire();
    clock.addAndGet(rttNanos);
    l.release(p, AdaptiveLimiter.Signal.RATE_LIMITED, retryAfter);
  }

  @Test
  void afterTheFirst429ThePaceSettlesJustUnderTheSlotTheServerNamed() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(64, clock::get);
    rejected(l, 50_000_000, java.time.Duration.ofMillis(20)); // 50 requests/s
    assertThat(l.report().lastPace()).isCloseTo(50 * AdaptiveLimiter.NEAR_LIMIT, within(1e-9));
  }

  @Test
  void aWholeSecondRetryAfterDoesNotSetThePace() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(10, clock::get);
    AdaptiveLimiter.Permit ok = l.acquire();
    clock.addAndGet(100_000_000);
    l.release(ok, AdaptiveLimiter.Signal.SUCCESS); // a 100 ms round trip
    rejected(l, 100_000_000, java.time.Duration.ofSeconds(1));
    // Guessed from the concurrency instead: 10 in flight per 100 ms = 100 requests/s, just under it.
    assertThat(l.report().lastPace()).isCloseTo(100 * AdaptiveLimiter.NEAR_LIMIT, within(1e-6));
  }

  @Test
  void a429AtTheSettledPaceIsTakenForJitterOnceAndTwiceRunningSlowsThePaceHard() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(64, clock::get);
    rejected(l, 50_000_000, java.time.Duration.ofMillis(20));
    double settled = l.report().lastPace();
    clock.addAndGet(1_000_000_000);
    rejected(l, 50_000_000, null); // at the settled pace, slower than the one that failed
    double second = l.report().lastPace();
    assertThat(second).isCloseTo(settled * AdaptiveLimiter.NEAR_LIMIT, within(1e-9));
    clock.addAndGet(1_000_000_000);
    rejected(l, 50_000_000, null);
    assertThat(l.report().lastPace()).isCloseTo(second * AdaptiveLimiter.RATE_DECREASE, within(1e-9));
    assertThat(l.report().decreases()).isEqualTo(3);
  }

  @Test
  void thePaceGrowsOnlyWithSuccessesOfStartsItHeldBack() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(64, clock::get);
    rejected(l, 50_000_000, java.time.Duration.ofMillis(20));
    clock.addAndGet(1_000_000_000);
    rejected(l, 50_000_000, null);
    clock.addAndGet(1_000_000_000);
    rejected(l, 50_000_000, null); // the settled pace failed twice running: cut hard, below the last pace that failed
    double settled = l.report().lastPace();
    assertThat(settled).isCloseTo(50 * Math.pow(AdaptiveLimiter.NEAR_LIMIT, 2) * AdaptiveLimiter.RATE_DECREASE,
        within(1e-6));
    clock.addAndGet(10_000_000_000L); // long idle: the next starts are not held back by the pace
    for (int i = 0; i < 50; i++) {
      AdaptiveLimiter.Permit p = l.acquire();
      clock.addAndGet(1_000_000_000);
      l.release(p, AdaptiveLimiter.Signal.SUCCESS);
    }
    assertThat(l.report().lastPace()).isEqualTo(settled);
    // Held back by the pace (each start waits for its slot): about 1% faster per second of them, here ~1 s.
    Thread waiter = new Thread(() -> {
      try {
        for (int i = 0; i < 49; i++) {
          l.release(l.acquire(), AdaptiveLimiter.Signal.SUCCESS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    while (waiter.isAlive()) {
      clock.addAndGet(1_000_000);
      Thread.sleep(0, 100_000);
    }
    waiter.join();
    assertThat(l.report().lastPace()).isBetween(settled * 1.001, settled * 1.02);
  }

  /** A limiter on the test's clock, whose waits for a slot of the pace move the clock on instead of waiting. */
  private AdaptiveLimiter onTheTestsClock(int ceiling) {
    return new AdaptiveLimiter(ceiling, clock::get, (condition, nanos) -> clock.addAndGet(nanos));
  }

  @Test
  void afterA429ThePaceNeverGoesFasterThanThePaceThatFailed() throws InterruptedException {
    AdaptiveLimiter l = onTheTestsClock(64);
    rejected(l, 50_000_000, java.time.Duration.ofMillis(20)); // 50 requests/s failed
    List<Long> starts = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) { // a minute of starts, each held back by the pace, each answered at once
      AdaptiveLimiter.Permit p = l.acquire();
      starts.add(clock.get());
      l.release(p, AdaptiveLimiter.Signal.SUCCESS);
    }
    assertThat(l.report().lastPace()).isCloseTo(50 * AdaptiveLimiter.NEAR_LIMIT, within(1e-6));
    for (int i = 0; i + 1 < starts.size(); i++) {
      assertThat(starts.get(i + 1) - starts.get(i)).as("after the %d-th start", i).isGreaterThan(20_000_000L);
    }
    double perSecond = (starts.size() - 1) * 1e9 / (starts.get(starts.size() - 1) - starts.get(0));
    assertThat(perSecond).isCloseTo(50 * AdaptiveLimiter.NEAR_LIMIT, within(0.01));
  }

  @Test
  void thePaceNeverGoesFasterThanTheLongestSlotTheServerNamed() throws InterruptedException {
    AdaptiveLimiter l = onTheTestsClock(64);
    AdaptiveLimiter.Permit early = l.acquire();
    AdaptiveLimiter.Permit late = l.acquire();
    clock.addAndGet(50_000_000);
    l.release(early, AdaptiveLimiter.Signal.RATE_LIMITED, java.time.Duration.ofMillis(5)); // just before a slot
    l.release(late, AdaptiveLimiter.Signal.RATE_LIMITED, java.time.Duration.ofMillis(20));
    for (int i = 0; i < 3_000; i++) {
      l.release(l.acquire(), AdaptiveLimiter.Signal.SUCCESS);
    }
    assertThat(l.report().lastPace()).isCloseTo(50 * AdaptiveLimiter.NEAR_LIMIT, within(1e-6));
  }

  @Test
  void aStartThatComesALittleLateKeepsTheSlotsAfterItWhereThePaceHasThem() throws InterruptedException {
    AdaptiveLimiter l = onTheTestsClock(64);
    rejected(l, 50_000_000, java.time.Duration.ofMillis(20));
    long slot = (long) (20_000_000 / AdaptiveLimiter.NEAR_LIMIT);
    clock.addAndGet(5_000_000_000L); // idle: the next start begins a new grid
    l.acquire();
    long first = clock.get();
    clock.set(first + slot + slot / 5); // the next start comes a fifth of a slot late
    assertThat(l.acquire(clock.get())).isNotNull();
    clock.set(first + 2 * slot);
    assertThat(l.acquire(clock.get())).as("the slot after it, in its place").isNotNull();
    assertThat(l.acquire(clock.get())).as("and only one start in it").isNull();
    clock.set(first + 3 * slot + slot / 2); // half a slot late: too late to keep the grid, a new one begins
    assertThat(l.acquire(clock.get())).isNotNull();
    clock.set(first + 4 * slot);
    assertThat(l.acquire(clock.get())).as("never two starts closer than the grid's slack").isNull();
  }

  @Test
  void theLongestSlotNamedInABurstOf429sSetsThePace() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(64, clock::get);
    AdaptiveLimiter.Permit first = l.acquire();
    AdaptiveLimiter.Permit second = l.acquire();
    clock.addAndGet(50_000_000);
    l.release(first, AdaptiveLimiter.Signal.RATE_LIMITED, java.time.Duration.ofMillis(5)); // just before a slot
    l.release(second, AdaptiveLimiter.Signal.RATE_LIMITED, java.time.Duration.ofMillis(20));
    assertThat(l.report().lastPace()).isCloseTo(50 * AdaptiveLimiter.NEAR_LIMIT, within(1e-9));
    assertThat(l.report().decreases()).as("one burst, one decrease").isEqualTo(1);
  }
}
