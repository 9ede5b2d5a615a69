package dev.jmlebench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    // Each unit's column sums: a unit drawn k times adds k times its sums.
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
    // The draws depend only on the groups' sizes, in order: a pair of runs or a run of the same exam and subset
    // draws exactly what the last one drew, so the draws are made once (Draws) and each call only sums.
    Draws draws = Draws.of(this, Arrays.stream(groups).mapToInt(g -> g.length).toArray());
    int[][] sums = new int[width][resamples];
    int position = 0;
    for (int[] members : groups) {
      for (int member : members) {
        for (int c = 0; c < width; c++) {
          int value = unitSums.get(member)[c];
          if (value != 0) {
            draws.addTimes(position, value, sums[c]);
          }
        }
        position++;
      }
    }
    return sums;
  }

  /**
   * How often each position of each group was drawn in each replicate, as the generator draws them: replicate by
   * replicate, group by group, each group {@code size} draws of a position in it. A replicate's sum of a column
   * is then the sum over positions of count × value — the same integers added as drawing them one by one, so the
   * same sums, and a run's or a pair's resampling costs only its non-zero values (a pair's differences are
   * zero wherever both runs agree). Kept for the last few group layouts: one per exam and question subset.
   */
  private static final class Draws {
    private static final int KEPT = 8;
    private static final Map<List<Object>, Draws> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<List<Object>, Draws> eldest) {
        return size() > KEPT;
      }
    };

    /** {@code counts[position][replicate]}; bytes when no position is drawn more than 127 times in a replicate. */
    private final byte[][] small;
    private final short[][] large;

    private Draws(byte[][] small, short[][] large) {
      this.small = small;
      this.large = large;
    }

    static Draws of(Bootstrap b, int[] sizes) {
      List<Object> key = List.of(b.resamples, b.seed, Arrays.toString(sizes));
      synchronized (RECENT) {
        return RECENT.computeIfAbsent(key, k -> draw(b, sizes));
      }
    }

    private static Draws draw(Bootstrap b, int[] sizes) {
      Draws inBytes = tally(b, sizes, false);
      return inBytes != null ? inBytes : tally(b, sizes, true);
    }

    /**
     * Draws every replicate and counts each position's draws, in bytes (4 MB for 400 questions), or in shorts
     * when {@code inShorts}; null when a count does not fit in a byte — a position drawn more than 127 times in one
     * replicate, which needs a group that large and then is still all but impossible.
     */
    private static Draws tally(Bootstrap b, int[] sizes, boolean inShorts) {
      int positions = Arrays.stream(sizes).sum();
      byte[][] small = inShorts ? null : new byte[positions][b.resamples];
      short[][] large = inShorts ? new short[positions][b.resamples] : null;
      int[] first = new int[sizes.length];
      for (int g = 1; g < sizes.length; g++) {
        first[g] = first[g - 1] + sizes[g - 1];
      }
      BoundedInts rng = new BoundedInts(RandomSource.XO_RO_SHI_RO_128_PP.create(b.seed));
      int[] drawn = new int[positions];
      for (int r = 0; r < b.resamples; r++) {
        int d = 0;
        for (int g = 0; g < sizes.length; g++) {
          for (int k = 0; k < sizes[g]; k++) {
            drawn[d++] = first[g] + rng.next(sizes[g]);
          }
        }
        if (inShorts) {
          for (int p : drawn) {
            large[p][r]++;
          }
        } else {
          for (int p : drawn) {
            if (++small[p][r] < 0) {
              return null;
            }
          }
        }
      }
      return new Draws(small, large);
    }

    /** {@code sums[r] += value × (times position was drawn in replicate r)}, for every replicate. */
    void addTimes(int position, int value, int[] sums) {
      if (small != null) {
        byte[] counts = small[position];
        for (int r = 0; r < sums.length; r++) {
          sums[r] += value * counts[r];
        }
      } else {
        short[] counts = large[position];
        for (int r = 0; r < sums.length; r++) {
          sums[r] += value * counts[r];
        }
      }
    }
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
    long b = replicates.length;
    int lowerRank = (int) ((b + 39) / 40);
    int upperRank = (int) ((39 * b + 39) / 40);
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int v : replicates) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if ((long) max - min > 4 * b) {
      int[] sorted = replicates.clone();
      Arrays.sort(sorted);
      return new PointInterval(sorted[lowerRank - 1], sorted[upperRank - 1]);
    }
    // Replicates are sums of points: a few hundred distinct values. Counting them finds the same order
    // statistics as sorting, in one pass (compare --all takes two per pair, tens of thousands of pairs).
    int[] counts = new int[max - min + 1];
    for (int v : replicates) {
      counts[v - min]++;
    }
    return percentileOfCounts(counts, min, replicates.length);
  }

  /**
   * {@link #percentile} of the replicates {@code a[r] − b[r]}, counted as they are made, without an array of them:
   * a pair's interval in {@code compare --all}. Every difference lies within {@code [min, max]}.
   */
  static PointInterval percentileOfDifference(int[] a, int[] b, int min, int max) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " replicates against " + b.length);
    }
    int[] counts = new int[max - min + 1];
    for (int r = 0; r < a.length; r++) {
      counts[a[r] - b[r] - min]++;
    }
    return percentileOfCounts(counts, min, a.length);
  }

  /** The percentile ranks' values, {@code counts[v - min]} being how many replicates equal v. */
  private static PointInterval percentileOfCounts(int[] counts, int min, long b) {
    int lowerRank = (int) ((b + 39) / 40);
    int upperRank = (int) ((39 * b + 39) / 40);
    int lower = 0;
    int seen = 0;
    for (int i = 0; i < counts.length; i++) {
      int before = seen;
      seen += counts[i];
      if (before < lowerRank && seen >= lowerRank) {
        lower = min + i;
      }
      if (seen >= upperRank) {
        return new PointInterval(lower, min + i);
      }
    }
    throw new IllegalStateException("rank " + upperRank + " beyond " + b + " replicates");
  }

}
