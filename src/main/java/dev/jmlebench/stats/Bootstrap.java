package dev.jmlebench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The stratified, seeded nonparametric bootstrap every interval and pass probability here rests on (Efron
 * &amp; Tibshirani 1993, ch. 6 and 13). Questions are resampled with replacement within strata, each stratum
 * keeping its size, so the maxima stay fixed (docs/STATISTICS.md). Deterministic: one generator, seeded
 * afresh per call, consumed in a fixed order (strata sorted by key, rows in the caller's order), no hashing,
 * no parallelism.
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
   * Resamples rows within strata and sums each column over every replicate.
   *
   * @param strata the stratum key of each row
   * @param columns {@code columns[c][row]}: the values to sum
   * @return {@code sums[c][replicate]}
   */
  int[][] resample(List<String> strata, int[][] columns) {
    for (int[] column : columns) {
      if (column.length != strata.size()) {
        throw new IllegalArgumentException("a column has " + column.length + " rows, the strata " + strata.size());
      }
    }
    int[][] groups = groupRows(strata);
    // Row-major copy of the columns and per-replicate accumulators: one cache line per drawn row instead of
    // one per column. The generator is consumed in the same order, so the sums are the same.
    int width = columns.length;
    int[] packed = new int[strata.size() * width];
    for (int row = 0; row < strata.size(); row++) {
      for (int c = 0; c < width; c++) {
        packed[row * width + c] = columns[c][row];
      }
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[][] sums = new int[width][resamples];
    int[] acc = new int[width];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(acc, 0);
      for (int[] rows : groups) {
        for (int k = 0; k < rows.length; k++) {
          int base = rows[rng.nextInt(rows.length)] * width;
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

  private static int[][] groupRows(List<String> strata) {
    Map<String, List<Integer>> byKey = new TreeMap<>();
    for (int row = 0; row < strata.size(); row++) {
      byKey.computeIfAbsent(strata.get(row), k -> new ArrayList<>()).add(row);
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
