package dev.jmlebench.stats;

import dev.jmlebench.score.Ranking;
import dev.jmlebench.score.Ratio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every pair of a set of runs compared (each with {@link PairedComparison}, so a pair reads the same here
 * as on its own), their McNemar p-values Holm-adjusted over all pairs, and the verdict for leaderboard
 * neighbours: runs adjacent in the ranking by score.
 *
 * @param ranking the runs by score share, highest first, ties by source ({@link Ranking}: the leaderboard's order)
 * @param pairs every pair {@code (i, j)} with i above j in the ranking, ordered by i then j
 */
public record AllPairs(List<ScoredRun> ranking, List<Pair> pairs, Bootstrap bootstrap) {
  /** The family-wise error rate at which a pair is called distinguishable. */
  public static final double ALPHA = 0.05;

  /** The leaderboard's order: by score share as the summary rounds it, ties by source (file name or path). */
  static final Comparator<ScoredRun> BY_SCORE = Ranking.highestFirst(r -> Ratio.of(r.score(), r.scoreMax()),
      ScoredRun::source);

  public AllPairs {
    ranking = List.copyOf(ranking);
    pairs = List.copyOf(pairs);
  }

  /**
   * One pair: {@code a} and {@code b} are 0-based ranks, a above b; the comparison is oriented A = the
   * higher-ranked run. It holds the pair's figures only; {@link #comparison()} makes the whole comparison
   * (the questions that differ, the blocks) when asked.
   */
  public record Pair(int a, int b, ScoredRun runA, ScoredRun runB, PairFigures figures, double holmP,
      Bootstrap bootstrap) {
    public boolean distinguishable() {
      return holmP <= ALPHA;
    }

    public boolean neighbours() {
      return b == a + 1;
    }

    /** The whole comparison of the two runs, made now: the same figures, with the questions. */
    public PairedComparison comparison() {
      return PairedComparison.of(runA, runB, bootstrap);
    }
  }

  public static AllPairs of(List<ScoredRun> runs) {
    return of(runs, Bootstrap.DEFAULT);
  }

  public static AllPairs of(List<ScoredRun> runs, Bootstrap bootstrap) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("need at least two runs to compare, not " + runs.size());
    }
    ScoredRun.checkOneExam(runs);
    List<ScoredRun> ranking = runs.stream().sorted(BY_SCORE).toList();
    // Runs that answered the same questions are resampled once each and compared from arrays (SameQuestions);
    // the others pair by pair. Rows of pairs are made in parallel, each into its own slots: the order is fixed.
    SameQuestions same = SameQuestions.of(ranking, bootstrap);
    int n = ranking.size();
    PairFigures[] figures = new PairFigures[n * (n - 1) / 2];
    IntStream.range(0, n - 1).parallel().forEach(i -> {
      int k = i * (2 * n - i - 1) / 2;
      for (int j = i + 1; j < n; j++, k++) {
        figures[k] = same.alike(i, j) ? same.figures(i, j)
            : PairFigures.of(PairedComparison.of(ranking.get(i), ranking.get(j), bootstrap));
      }
    });
    double[] holm = Holm.adjust(Arrays.stream(figures).mapToDouble(PairFigures::mcnemarP).toArray());
    List<Pair> pairs = new ArrayList<>(figures.length);
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, k++) {
        pairs.add(new Pair(i, j, ranking.get(i), ranking.get(j), figures[k], holm[k], bootstrap));
      }
    }
    return new AllPairs(ranking, pairs, bootstrap);
  }

  /** The pairs of runs adjacent in the ranking, top first. */
  public List<Pair> neighbours() {
    return pairs.stream().filter(Pair::neighbours).toList();
  }

  /** The pair of ranks {@code i < j}. */
  public Pair pair(int i, int j) {
    int n = ranking.size();
    if (i < 0 || i >= j || j >= n) {
      throw new IllegalArgumentException("no pair " + i + ", " + j);
    }
    return pairs.get(i * (2 * n - i - 1) / 2 + (j - i - 1));
  }
}
