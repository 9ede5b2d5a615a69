package dev.jmlebench.leaderboard;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a leaderboard build spreads over the cores — the one place in this package that starts threads, so the
 * steps of {@link Leaderboard} stay plain sequential code. Files go through the common fork-join pool (as
 * many threads as cores, the caller's included); a task that only loads classes runs on a thread of its own,
 * so it overlaps the reading instead of taking a core's turn in the pool. A failed task's exception reaches
 * the caller as the task threw it.
 */
final class Parallel {
  private Parallel() {}

  /** {@code step} applied to every item, items in parallel; the results in the items' order. */
  static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> step) {
    return items.parallelStream().<R>map(step).toList();
  }

  /** {@code step} done for every item, items in parallel. */
  static <T> void forEach(List<T> items, Consumer<? super T> step) {
    items.parallelStream().forEach(step);
  }

  /** {@code load} of each key computed once, on first use, however many threads ask for it at once. */
  static <K, V> Function<K, V> oncePerKey(Function<K, V> load) {
    Map<K, V> loaded = new ConcurrentHashMap<>();
    return key -> loaded.computeIfAbsent(key, load);
  }

  /** Starts {@code work} on a daemon thread of its own, named {@code name}. */
  static Task<Void> inBackground(String name, Runnable work) {
    return new Task<>(CompletableFuture.runAsync(work, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      t.start();
    }));
  }

  /** A task already done: nothing to wait for. */
  static Task<Void> done() {
    return new Task<>(CompletableFuture.completedFuture(null));
  }

  /** Runs {@code first} here and {@code second} on another core, and returns when both are done. */
  static void both(Runnable first, Runnable second) {
    Task<Void> other = new Task<>(CompletableFuture.runAsync(second));
    first.run();
    other.join();
  }

  /** Work under way. */
  static final class Task<T> {
    private final CompletableFuture<T> future;

    private Task(CompletableFuture<T> future) {
      this.future = future;
    }

    /** {@code next} in the pool once this task has ended, whether it failed or not. */
    <R> Task<R> then(Supplier<R> next) {
      return new Task<>(future.handle((value, failure) -> null).thenApplyAsync(ignored -> next.get()));
    }

    /** Waits for the task's value; its failure is thrown as the task threw it. */
    T join() {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
  }
}
