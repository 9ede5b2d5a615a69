package dev.jmlebench.viewer;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFolder;
import java.util.LinkedHashMap;
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
  private final Map<Stamp, ResultFolder.Entry> reads = new ConcurrentHashMap<>();
  private final Set<Stamp> gradedStamps = ConcurrentHashMap.newKeySet();
  private final Map<Stamp, RunStatistics> statistics = new ConcurrentHashMap<>();
  /** Makes the form of a graded file kept in memory. */
  final Slim slim = new Slim();
  /** Pair documents by the stamps of their two files. */
  final DocumentCache pairs = new DocumentCache(DocumentCache.DEFAULT_BUDGET);

  /** The file as {@code read} read it (a result file, or one passed over), or as it was when its stamp was the same. */
  ResultFolder.Entry read(Stamp stamp, Supplier<ResultFolder.Entry> read) {
    ResultFolder.Entry kept = reads.get(stamp);
    if (kept != null) {
      return kept;
    }
    ResultFolder.Entry fresh = read.get();
    reads.put(stamp, fresh);
    return fresh;
  }

  /** Keeps a file as graded in place of the file as read: grading it again gives the same, and takes time. */
  void graded(Stamp stamp, ResultFile graded) {
    reads.computeIfPresent(stamp, (k, entry) -> new ResultFolder.Result(entry.file(), graded));
    gradedStamps.add(stamp);
  }

  /** Whether the file read at {@code stamp} is kept as graded (by the one key this reuse serves). */
  boolean isGraded(Stamp stamp) {
    return gradedStamps.contains(stamp);
  }

  RunStatistics statistics(Stamp stamp, Supplier<RunStatistics> make) {
    return statistics.computeIfAbsent(stamp, s -> make.get());
  }

  /** The last few files read whole for their answers' texts, by stamp (a report reads one run's answers in a row). */
  private final Map<Stamp, Map<String, QuestionResult>> texts = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Stamp, Map<String, QuestionResult>> eldest) {
      return size() > TEXTS_KEPT;
    }
  };
  private static final int TEXTS_KEPT = 4;

  /**
   * The answers of a file with their reasoning and raw responses, read again from the file: the runs held in
   * memory keep none of that text ({@link Slim}), which is most of a result file. Empty when the file is gone or
   * no longer a result file.
   */
  Map<String, QuestionResult> texts(Stamp stamp) {
    synchronized (texts) {
      Map<String, QuestionResult> kept = texts.get(stamp);
      if (kept != null) {
        return kept;
      }
    }
    Map<String, QuestionResult> byId = new java.util.HashMap<>();
    try {
      ResultFolder.readIfResultFile(stamp.file()).ifPresent(f -> f.results().forEach(r -> byId.put(r.questionId(), r)));
    } catch (RuntimeException gone) {
      return Map.of(); // removed or rewritten with a fault since: the next look at the folder shows it
    }
    synchronized (texts) {
      texts.put(stamp, byId);
    }
    return byId;
  }

  /** Forgets the files not among {@code current}. */
  void keepOnly(Set<Stamp> current) {
    reads.keySet().retainAll(current);
    gradedStamps.retainAll(current);
    statistics.keySet().retainAll(current);
  }

  /** The key of a pair's document: the same two files under the same ids, in the same order, unchanged. */
  static String pairKey(String key, Stamp a, Stamp b) {
    return key + "\n" + a + "\n" + b;
  }
}
