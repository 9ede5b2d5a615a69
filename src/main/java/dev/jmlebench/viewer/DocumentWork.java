package dev.jmlebench.viewer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where the server builds the documents that are not ready (a pair's bootstrap, a question across every run):
 * a fixed number of threads and a bounded queue, so that any number of requests — a page can send hundreds —
 * costs at most that many threads of work, and the web server's own threads stay free to answer the index and
 * what is ready. Requests for a key already queued or being built share that one build. When the queue is full a
 * request is refused at once ({@link #submit} returns empty), which the server answers with 503.
 */
final class DocumentWork implements AutoCloseable {
  /** The defaults: leave a core to the web server, and queue what a page asks for at once (a matrix's pairs). */
  static final int DEFAULT_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  static final int DEFAULT_QUEUE = 64;

  private final ThreadPoolExecutor pool;
  private final Map<String, CompletableFuture<Optional<byte[]>>> queued = new ConcurrentHashMap<>();

  DocumentWork(int threads, int queue) {
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, "viewer-documents");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** The document being built for {@code key}, or empty when the queue is full. */
  Optional<CompletableFuture<Optional<byte[]>>> submit(String key, Supplier<Optional<byte[]>> build) {
    CompletableFuture<Optional<byte[]>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<byte[]>> shared = queued.putIfAbsent(key, mine);
    if (shared != null) {
      return Optional.of(shared);
    }
    try {
      pool.execute(() -> {
        try {
          mine.complete(build.get());
        } catch (RuntimeException | Error e) {
          mine.completeExceptionally(e);
        } finally {
          queued.remove(key, mine);
        }
      });
      return Optional.of(mine);
    } catch (RejectedExecutionException full) {
      queued.remove(key, mine);
      return Optional.empty();
    }
  }

  /** Builds waiting for a thread. */
  int waiting() {
    return pool.getQueue().size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
