package dev.jmlebench.stats;

import dev.jmlebench.score.Ranking;
import dev.jmlebench.score.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
   * higher-ranked run.
   */
  public record Pair(int a, int b, PairedComparison comparison, double holmP) {
    public boolean distinguishable() {
      return holmP <= ALPHA;
    }

    public boolean neighbours() {
      return b == a + 1;
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
    List<PairedComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < ranking.size(); i++) {
      for (int j = i + 1; j < ranking.size(); j++) {
        comparisons.add(PairedComparison.of(ranking.get(i), ranking.get(j), bootstrap));
      }
    }
    double[] holm = Holm.adjust(comparisons.stream().mapToDouble(PairedComparison::mcnemarP).toArray());
    List<Pair> pairs = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < ranking.size(); i++) {
      for (int j = i + 1; j < ranking.size(); j++, k++) {
        pairs.add(new Pair(i, j, comparisons.get(k), holm[k]));
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
    return pairs.stream().filter(p -> p.a() == i && p.b() == j).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pair " + i + ", " + j));
  }
}
