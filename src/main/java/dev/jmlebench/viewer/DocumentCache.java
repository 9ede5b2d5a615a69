package dev.jmlebench.viewer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The documents built on demand (a question, an answer, a pair), kept up to a budget of bytes, the least recently
 * used let go first: a folder of 3,000 runs has over a million answers, and a browser that reads them all must not
 * fill the server's memory. A document asked for by several requests at once is built once; they all get it.
 */
final class DocumentCache {
  /** What the documents of a whole exam's browsing need: the question pages and a few hundred answers and pairs. */
  static final long DEFAULT_BUDGET = 64L << 20;

  private final long budget;
  private final LinkedHashMap<String, byte[]> kept = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<String, CompletableFuture<Optional<byte[]>>> building = new HashMap<>();
  private long bytes;
  private int builds;

  DocumentCache(long budget) {
    this.budget = budget;
  }

  /** The document of {@code key}: kept, being built by another thread (then waits for it), or built now. */
  Optional<byte[]> get(String key, Supplier<Optional<byte[]>> build) {
    CompletableFuture<Optional<byte[]>> pending;
    boolean mine = false;
    synchronized (this) {
      byte[] done = kept.get(key);
      if (done != null) {
        return Optional.of(done);
      }
      pending = building.get(key);
      if (pending == null) {
        pending = new CompletableFuture<>();
        building.put(key, pending);
        builds++;
        mine = true;
      }
    }
    if (mine) {
      try {
        Optional<byte[]> built = build.get();
        synchronized (this) {
          building.remove(key);
          built.ifPresent(b -> keep(key, b));
        }
        pending.complete(built);
        return built;
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          building.remove(key);
        }
        pending.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return pending.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Whether {@code key}'s document is kept, so that sending it needs no work. */
  synchronized boolean has(String key) {
    return kept.containsKey(key);
  }

  /** How many documents were built: each key once while it stays kept. */
  synchronized int builds() {
    return builds;
  }

  private void keep(String key, byte[] body) {
    if (body.length > budget) {
      return;
    }
    byte[] old = kept.put(key, body);
    bytes += body.length - (old == null ? 0 : old.length);
    var eldest = kept.entrySet().iterator();
    while (bytes > budget && eldest.hasNext()) {
      bytes -= eldest.next().getValue().length;
      eldest.remove();
    }
  }
}
