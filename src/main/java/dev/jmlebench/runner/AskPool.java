package dev.jmlebench.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The threads that ask a run's questions, and how asking ends: every ask done, or {@link #stop} (Ctrl-C, a
 * tripped breaker, a failure of the whole run), after which no ask starts and {@link #awaitIdle} waits a bounded
 * time for the asks under way — their requests are paid for, so their answers are worth a moment.
 */
final class AskPool implements AutoCloseable {
  /** One ask's work; runs on a pool thread. */
  interface Task<T> {
    void run(T item) throws InterruptedException;
  }

  private final Object lock = new Object();
  private final AtomicReference<RuntimeException> crash = new AtomicReference<>();
  private final AtomicInteger threadNo = new AtomicInteger();
  private ExecutorService threads;
  private int active;
  private volatile boolean stopped;

  /**
   * Runs {@code task} on every item on up to {@code parallel} threads; returns when each is done or skipped,
   * or as soon as {@code giveUp} is true (checked every 100 ms) or a task threw.
   */
  <T> void runAll(List<T> items, int parallel, Task<T> task, BooleanSupplier giveUp) {
    if (items.isEmpty() || stopped) {
      return;
    }
    synchronized (lock) {
      if (threads == null) {
        threads = Executors.newFixedThreadPool(Math.min(parallel, items.size()), r -> {
          Thread t = new Thread(r, "jmle-bench-ask-" + threadNo.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
      }
    }
    CountDownLatch left = new CountDownLatch(items.size());
    for (T item : items) {
      threads.execute(() -> {
        try {
          if (begin()) {
            try {
              task.run(item);
            } finally {
              end();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          if (!stopped) {
            crash.compareAndSet(null, e);
          }
        } finally {
          left.countDown();
        }
      });
    }
    try {
      while (!left.await(100, TimeUnit.MILLISECONDS)) {
        if (giveUp.getAsBoolean() || crash.get() != null) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A task's exception, which ends the run; null when none threw. */
  RuntimeException crash() {
    return crash.get();
  }

  /** No ask starts from now on. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      lock.notifyAll();
    }
  }

  boolean isStopped() {
    return stopped;
  }

  /** Asks under way now. */
  int active() {
    synchronized (lock) {
      return active;
    }
  }

  /** Waits until no ask is under way, for at most {@code patience}; returns how many still are. */
  int awaitIdle(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (lock) {
      try {
        for (long left = patience.toNanos(); active > 0 && left > 0; left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return active;
    }
  }

  private boolean begin() {
    synchronized (lock) {
      if (stopped) {
        return false;
      }
      active++;
      return true;
    }
  }

  private void end() {
    synchronized (lock) {
      active--;
      lock.notifyAll();
    }
  }

  /**
   * Ends the threads, interrupting any still asking. Only once nothing they could still do is wanted: after the
   * run stopped recording (an interrupt in the middle of a journal write would close the journal).
   */
  @Override
  public void close() {
    synchronized (lock) {
      stopped = true;
      if (threads != null) {
        threads.shutdownNow();
      }
    }
  }
}
