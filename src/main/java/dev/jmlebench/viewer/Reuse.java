package dev.jmlebench.viewer;

import dev.jmlebench.results.ResultFile;
import dev.jmlebench.stats.RunStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one reading of a folder hands to the next, so that following a folder costs what changed: each file as
 * read (then as graded) and each run's intervals by the file's {@link Stamp}, and the pairs bootstrapped, by the stamps of both
 * files — a pair of unchanged files is computed once however often the folder is read again. What belongs to
 * files that are gone is dropped at each reading ({@link #keepOnly}).
 */
final class Reuse {
  private final Map<Stamp, Optional<ResultFile>> reads = new ConcurrentHashMap<>();
  private final Map<Stamp, RunStatistics> statistics = new ConcurrentHashMap<>();
  /** Pair documents by the stamps of their two files. */
  final DocumentCache pairs = new DocumentCache(DocumentCache.DEFAULT_BUDGET);

  Optional<ResultFile> read(Stamp stamp, Supplier<Optional<ResultFile>> read) {
    Optional<ResultFile> kept = reads.get(stamp);
    if (kept != null) {
      return kept;
    }
    Optional<ResultFile> fresh = read.get();
    reads.put(stamp, fresh);
    return fresh;
  }

  /** Keeps a file as graded in place of the file as read: grading it again gives the same, and takes time. */
  void graded(Stamp stamp, ResultFile graded) {
    reads.replace(stamp, Optional.of(graded));
  }

  RunStatistics statistics(Stamp stamp, Supplier<RunStatistics> make) {
    return statistics.computeIfAbsent(stamp, s -> make.get());
  }

  /** Forgets the files not among {@code current}. */
  void keepOnly(Set<Stamp> current) {
    reads.keySet().retainAll(current);
    statistics.keySet().retainAll(current);
  }

  /** The key of a pair's document: the same two files under the same ids, in the same order, unchanged. */
  static String pairKey(String key, Stamp a, Stamp b) {
    return key + "\n" + a + "\n" + b;
  }
}
