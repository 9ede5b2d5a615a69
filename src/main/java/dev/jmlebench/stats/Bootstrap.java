package dev.jmlebench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The stratified, seeded nonparametric bootstrap every interval and pass probability here rests on (Efron
 * &amp; Tibshirani 1993, ch. 6 and 13). Units — a question, or a serial group (連問) whose questions share one
 * case text and so err together — are resampled whole, with replacement, within strata; a stratum holds units
 * of one part, one point value and one size, so every stratum keeps its number of questions and the maxima
 * stay fixed (docs/STATISTICS.md). Deterministic: one generator, seeded afresh per call, consumed in a fixed
 * order (strata sorted by key, units in the order of their first row), no hashing, no parallelism.
 *
 * @param resamples the number of bootstrap replicates B
 * @param seed the seed of the generator (XoRoShiRo128++ from Commons RNG)
 */
public record Bootstrap(int resamples, long seed) {
  public static final int DEFAULT_RESAMPLES = 10_000;
  /** "JMLE" in ASCII. */
  public static final long DEFAULT_SEED = 0x4A4D4C45L;
  public static final Bootstrap DEFAULT = new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
  /** The confidence level of every interval; the percentile ranks below are derived from it exactly. */
  public static final double LEVEL = 0.95;

  public Bootstrap {
    if (resamples < 40) {
      throw new IllegalArgumentException("resamples must be at least 40 to place a 2.5% tail, not " + resamples);
    }
  }

  /**
   * Resamples units within strata and sums each column over every replicate.
   *
   * @param strata the stratum key of each row
   * @param units the unit of each row: rows of one unit are drawn together, and must share a stratum
   * @param columns {@code columns[c][row]}: the values to sum
   * @return {@code sums[c][replicate]}
   */
  int[][] resample(List<String> strata, List<String> units, int[][] columns) {
    if (units.size() != strata.size()) {
      throw new IllegalArgumentException(units.size() + " units for " + strata.size() + " rows");
    }
    for (int[] column : columns) {
      if (column.length != strata.size()) {
        throw new IllegalArgumentException("a column has " + column.length + " rows, the strata " + strata.size());
      }
    }
    // Each unit's column sums, so that drawing a unit adds one packed row per unit.
    int width = columns.length;
    Map<String, Integer> unitIndex = new LinkedHashMap<>();
    List<String> unitStratum = new ArrayList<>();
    List<int[]> unitSums = new ArrayList<>();
    List<Integer> unitSize = new ArrayList<>();
    for (int row = 0; row < strata.size(); row++) {
      Integer u = unitIndex.get(units.get(row));
      if (u == null) {
        u = unitSums.size();
        unitIndex.put(units.get(row), u);
        unitStratum.add(strata.get(row));
        unitSums.add(new int[width]);
        unitSize.add(0);
      } else if (!unitStratum.get(u).equals(strata.get(row))) {
        throw new IllegalArgumentException("unit " + units.get(row) + " spans strata " + unitStratum.get(u)
            + " and " + strata.get(row));
      }
      unitSize.set(u, unitSize.get(u) + 1);
      for (int c = 0; c < width; c++) {
        unitSums.get(u)[c] += columns[c][row];
      }
    }
    List<String> groupKeys = new ArrayList<>(unitSums.size());
    for (int u = 0; u < unitSums.size(); u++) {
      groupKeys.add(unitStratum.get(u) + "#" + unitSize.get(u));
    }
    int[][] groups = groupRows(groupKeys);
    int[] packed = new int[unitSums.size() * width];
    for (int u = 0; u < unitSums.size(); u++) {
      System.arraycopy(unitSums.get(u), 0, packed, u * width, width);
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[][] sums = new int[width][resamples];
    int[] acc = new int[width];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(acc, 0);
      for (int[] members : groups) {
        for (int k = 0; k < members.length; k++) {
          int base = members[rng.nextInt(members.length)] * width;
          for (int c = 0; c < width; c++) {
            acc[c] += packed[base + c];
          }
        }
      }
      for (int c = 0; c < width; c++) {
        sums[c][r] = acc[c];
      }
    }
    return sums;
  }

  /** Indices by key, keys sorted, indices in their order. */
  private static int[][] groupRows(List<String> keys) {
    Map<String, List<Integer>> byKey = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      byKey.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
    }
    return byKey.values().stream()
        .map(rows -> rows.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /**
   * The percentile interval of Efron &amp; Tibshirani (13.5): the ⌈B·α⌉-th and ⌈B·(1−α)⌉-th smallest
   * replicates with α = 0.025, ranks computed in integers (B/40 and 39B/40, rounded up) so no floating-point
   * rounding can move them.
   */
  static PointInterval percentile(int[] replicates) {
    int[] sorted = replicates.clone();
    Arrays.sort(sorted);
    long b = sorted.length;
    int lowerRank = (int) ((b + 39) / 40);
    int upperRank = (int) ((39 * b + 39) / 40);
    return new PointInterval(sorted[lowerRank - 1], sorted[upperRank - 1]);
  }
}
