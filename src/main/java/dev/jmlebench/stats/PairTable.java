package dev.jmlebench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pair of a set of runs by counting alone — the questions both answered, the score difference, the
 * discordant counts, the exact McNemar p-value and its Holm adjustment over all pairs — the same figures as
 * {@link AllPairs} without the paired bootstrap, which is each pair's own ({@link PairedComparison}) and is
 * computed when that pair is looked at. Counting every pair of 300 runs takes a fraction of a second; bootstrapping
 * each would take minutes.
 *
 * @param ranking the runs by score share, highest first ({@link AllPairs#BY_SCORE})
 * @param pairs every pair {@code (a, b)} with a above b in the ranking, ordered by a then b
 */
public record PairTable(List<ScoredRun> ranking, List<Pair> pairs) {

  public PairTable {
    ranking = List.copyOf(ranking);
    pairs = List.copyOf(pairs);
  }

  /**
   * One pair, {@code a} and {@code b} 0-based ranks with a above b, on the questions both answered.
   *
   * @param aOnly questions A got right and B wrong
   * @param bOnly questions A got wrong and B right
   */
  public record Pair(int a, int b, int questions, int scoreMax, int aScore, int bScore, int aOnly, int bOnly,
      double mcnemarP, double holmP) {
    public int scoreDifference() {
      return aScore - bScore;
    }

    public boolean distinguishable() {
      return holmP <= AllPairs.ALPHA;
    }

    public boolean neighbours() {
      return b == a + 1;
    }
  }

  public static PairTable of(List<ScoredRun> runs) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("need at least two runs to compare, not " + runs.size());
    }
    ScoredRun.checkOneExam(runs);
    List<ScoredRun> ranking = runs.stream().sorted(AllPairs.BY_SCORE).toList();
    // Each question of any run gets a column; a run's row holds its earned and maximum points there, or -1 for
    // a question it did not answer.
    Map<String, Integer> column = new LinkedHashMap<>();
    ranking.forEach(r -> r.questions().forEach(q -> column.putIfAbsent(q.questionId(), column.size())));
    int width = column.size();
    int[][] earned = new int[ranking.size()][width];
    int[][] max = new int[ranking.size()][width];
    boolean[][] right = new boolean[ranking.size()][width];
    for (int i = 0; i < ranking.size(); i++) {
      java.util.Arrays.fill(max[i], -1);
      for (ScoredQuestion q : ranking.get(i).questions()) {
        int c = column.get(q.questionId());
        earned[i][c] = q.earnedPoints();
        max[i][c] = q.maxPoints();
        right[i][c] = q.correct();
      }
    }
    int n = ranking.size();
    int[][] counts = new int[n * (n - 1) / 2][];
    double[] p = new double[counts.length];
    Map<Long, Double> mcnemar = new HashMap<>();
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, k++) {
        int questions = 0;
        int scoreMax = 0;
        int aScore = 0;
        int bScore = 0;
        int aOnly = 0;
        int bOnly = 0;
        for (int c = 0; c < width; c++) {
          if (max[i][c] < 0 || max[j][c] < 0) {
            continue;
          }
          questions++;
          scoreMax += max[i][c];
          aScore += earned[i][c];
          bScore += earned[j][c];
          if (right[i][c] != right[j][c]) {
            if (right[i][c]) {
              aOnly++;
            } else {
              bOnly++;
            }
          }
        }
        counts[k] = new int[] {questions, scoreMax, aScore, bScore, aOnly, bOnly};
        int x = aOnly;
        int y = bOnly;
        p[k] = mcnemar.computeIfAbsent(((long) x << 32) | y, key -> McNemar.exactP(x, y));
      }
    }
    double[] holm = Holm.adjust(p);
    List<Pair> pairs = new ArrayList<>(counts.length);
    k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, k++) {
        int[] c = counts[k];
        pairs.add(new Pair(i, j, c[0], c[1], c[2], c[3], c[4], c[5], p[k], holm[k]));
      }
    }
    return new PairTable(ranking, pairs);
  }

  /** The pairs of runs adjacent in the ranking, top first. */
  public List<Pair> neighbours() {
    return pairs.stream().filter(Pair::neighbours).toList();
  }

  /** The pair of ranks {@code i < j}. */
  public Pair pair(int i, int j) {
    int n = ranking.size();
    if (i < 0 || j <= i || j >= n) {
      throw new IllegalArgumentException("no pair " + i + ", " + j);
    }
    // Pairs are listed row by row: row i starts after the (n-1) + (n-2) + ... + (n-i) pairs of the rows above.
    return pairs.get(i * (2 * n - i - 1) / 2 + (j - i - 1));
  }
}
