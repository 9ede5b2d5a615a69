package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void percentileEndsAreThe250thAnd9750thOfTenThousandOrderedReplicates() {
    // Efron & Tibshirani (13.5): the B·α-th and B·(1−α)-th ordered values; here the values are their ranks.
    List<Integer> values = new ArrayList<>(IntStream.rangeClosed(1, 10_000).boxed().toList());
    Collections.shuffle(values, new Random(7));
    int[] replicates = values.stream().mapToInt(Integer::intValue).toArray();

    assertThat(Bootstrap.percentile(replicates)).isEqualTo(new PointInterval(250, 9750));
  }

  @Test
  void percentileRanksRoundUpWhenBTimesAlphaIsNotWhole() {
    // B = 50: ⌈1.25⌉ = 2nd and ⌈48.75⌉ = 49th.
    int[] replicates = IntStream.rangeClosed(1, 50).toArray();
    assertThat(Bootstrap.percentile(replicates)).isEqualTo(new PointInterval(2, 49));
  }

  @Test
  void aStratumWhereEveryValueIsEqualHasADegenerateDistribution() {
    int[][] sums = new Bootstrap(1000, 1).resample(List.of("s", "s", "s"), rows(3), new int[][] {{3, 3, 3}});
    assertThat(sums[0]).containsOnly(9);
  }

  /**
   * One stratum of n questions, k of them right: a resample draws n of them with replacement, so its count
   * of right answers is exactly Binomial(n, k/n). The observed frequencies must agree with that pmf, computed
   * here from the definition, to within 5 standard errors everywhere.
   */
  @Test
  void aSingleStratumReproducesTheBinomialDistributionItMustFollow() {
    int n = 20;
    int k = 6;
    int[] correct = new int[n];
    for (int i = 0; i < k; i++) {
      correct[i * 3] = 1;
    }
    Bootstrap b = new Bootstrap(20_000, 42);
    int[] replicates = b.resample(Collections.nCopies(n, "only"), rows(n), new int[][] {correct})[0];

    int[] frequency = new int[n + 1];
    for (int r : replicates) {
      frequency[r]++;
    }
    double p = (double) k / n;
    for (int x = 0; x <= n; x++) {
      double expected = binomialPmf(n, x, p);
      double observed = (double) frequency[x] / b.resamples();
      double se = Math.sqrt(expected * (1 - expected) / b.resamples());
      assertThat(Math.abs(observed - expected)).as("P(X = %d)", x).isLessThanOrEqualTo(5 * se + 1e-4);
    }
    // The exact 2.5% and 97.5% quantiles of Binomial(20, 0.3) are 2 and 10.
    assertThat(exactQuantile(n, p, 0.025)).isEqualTo(2);
    assertThat(exactQuantile(n, p, 0.975)).isEqualTo(10);
    assertThat(Bootstrap.percentile(replicates)).isEqualTo(new PointInterval(2, 10));
  }

  @Test
  void percentileEndsAreTheOrderStatisticsOfTheSortedReplicatesWhateverTheirSpread() {
    // Narrow spreads are counted, wide ones sorted: both must give the ranks of the sorted array.
    Random random = new Random(7);
    for (int trial = 0; trial < 400; trial++) {
      int b = 40 + random.nextInt(3000);
      int spread = trial % 2 == 0 ? 1 + random.nextInt(50) : 1 + random.nextInt(Integer.MAX_VALUE / 4);
      int offset = random.nextInt(2001) - 1000;
      int[] replicates = new int[b];
      for (int r = 0; r < b; r++) {
        replicates[r] = offset + random.nextInt(spread) - spread / 2;
      }
      int[] sorted = replicates.clone();
      java.util.Arrays.sort(sorted);
      PointInterval expected = new PointInterval(sorted[(b + 39) / 40 - 1], sorted[(39 * b + 39) / 40 - 1]);
      assertThat(Bootstrap.percentile(replicates)).as("trial %d, B = %d, spread %d", trial, b, spread)
          .isEqualTo(expected);
    }
  }

  @Test
  void aPairsDifferencesCountedAsTheyAreMadeGiveThePercentileOfTheDifferences() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int b = 40 + random.nextInt(3000);
      int[] x = random.ints(b, 0, 1 + random.nextInt(500)).toArray();
      int[] y = random.ints(b, 0, 1 + random.nextInt(500)).toArray();
      int[] d = IntStream.range(0, b).map(r -> x[r] - y[r]).toArray();
      int min = IntStream.of(x).min().getAsInt() - IntStream.of(y).max().getAsInt();
      int max = IntStream.of(x).max().getAsInt() - IntStream.of(y).min().getAsInt();
      assertThat(Bootstrap.percentileOfDifference(x, y, min, max)).as("trial %d", trial)
          .isEqualTo(Bootstrap.percentile(d));
    }
  }

  @Test
  void strataAreResampledSeparatelySoEachKeepsItsSize() {
    // Stratum "x" holds only 1s, stratum "y" only 0s: whatever is drawn, every resample sums to the size of x.
    List<String> strata = List.of("x", "y", "x", "y", "y", "x", "y");
    int[][] sums = new Bootstrap(500, 3).resample(strata, rows(strata.size()), new int[][] {{1, 0, 1, 0, 0, 1, 0}});
    assertThat(sums[0]).containsOnly(3);
  }

  @Test
  void theSameSeedGivesTheSameReplicatesAndAnotherSeedOtherOnes() {
    List<String> strata = List.of("a", "a", "a", "b", "b", "b", "b");
    int[][] columns = {{1, 0, 1, 3, 0, 3, 3}, {1, 0, 1, 1, 0, 1, 1}};
    int[][] first = new Bootstrap(2000, 99).resample(strata, rows(strata.size()), columns);
    int[][] second = new Bootstrap(2000, 99).resample(strata, rows(strata.size()), columns);
    int[][] other = new Bootstrap(2000, 100).resample(strata, rows(strata.size()), columns);

    assertThat(second).isDeepEqualTo(first);
    assertThat(other[0]).isNotEqualTo(first[0]);
  }

  @Test
  void fewerThanFortyResamplesCannotPlaceATwoAndAHalfPercentTail() {
    assertThatThrownBy(() -> new Bootstrap(39, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("39");
  }

  static double binomialPmf(int n, int x, double p) {
    double c = 1;
    for (int i = 0; i < x; i++) {
      c = c * (n - i) / (i + 1);
    }
    return c * Math.pow(p, x) * Math.pow(1 - p, n - x);
  }

  /** The smallest x with P(X ≤ x) ≥ q. */
  static int exactQuantile(int n, double p, double q) {
    double cumulative = 0;
    for (int x = 0; x <= n; x++) {
      cumulative += binomialPmf(n, x, p);
      if (cumulative >= q) {
        return x;
      }
    }
    return n;
  }

  /** Every row a unit of its own: the plain stratified bootstrap. */
  private static List<String> rows(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "q" + i).toList();
  }

  @Test
  void aSerialGroupIsDrawnWholeSoItsQuestionsAreRightOrWrongTogether() {
    // Two serial groups of two questions: g1 both right, g2 both wrong. Drawn whole, a resample holds
    // 0, 2 or 4 right answers, never an odd number as drawing questions one by one would give.
    int[][] sums = new Bootstrap(2000, 7).resample(List.of("s", "s", "s", "s"), List.of("g1", "g1", "g2", "g2"),
        new int[][] {{1, 1, 0, 0}});
    assertThat(java.util.Arrays.stream(sums[0]).distinct().sorted().toArray()).containsExactly(0, 2, 4);
  }

  @Test
  void groupsAndSingleQuestionsOfOneStratumAreDrawnAmongTheirLikeSoTheStratumKeepsItsSize() {
    // A stratum of one pair and three single questions: a pair is drawn among pairs, a single among singles,
    // so every resample holds exactly five questions.
    int[][] sums = new Bootstrap(500, 11).resample(Collections.nCopies(5, "s"), List.of("g", "g", "a", "b", "c"),
        new int[][] {{1, 1, 1, 1, 1}});
    assertThat(java.util.Arrays.stream(sums[0]).distinct().toArray()).containsExactly(5);
  }

  @Test
  void aUnitSpanningTwoStrataIsRejected() {
    assertThatThrownBy(() -> new Bootstrap(100, 1).resample(List.of("x", "y"), List.of("g", "g"), new int[][] {{1, 0}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit g spans strata x and y");
  }

  /**
   * The sums come from counting how often each unit was drawn (made once per layout of groups), not from adding
   * each draw as it is made: the same integers, so the same replicates as drawing unit by unit — checked against
   * that, written out here as the documented procedure, on layouts with serial groups, several strata and the
   * same layout used twice (the second call reuses the counts).
   */
  @Test
  void countingDrawsGivesExactlyTheReplicatesOfDrawingUnitByUnit() {
    Random random = new Random(5);
    for (int trial = 0; trial < 6; trial++) {
      int n = 30 + random.nextInt(300);
      List<String> strata = new ArrayList<>();
      List<String> units = new ArrayList<>();
      for (int row = 0; row < n; row++) {
        String stratum = "s" + random.nextInt(3);
        boolean grouped = random.nextInt(5) == 0 && row + 1 < n;
        strata.add(stratum);
        units.add("u" + row);
        if (grouped) {
          strata.add(stratum);
          units.add("u" + row);
          row++;
        }
      }
      int[][] columns = new int[3][strata.size()];
      for (int[] column : columns) {
        for (int row = 0; row < column.length; row++) {
          column[row] = random.nextInt(4) == 0 ? 0 : random.nextInt(7) - 3;
        }
      }
      Bootstrap b = new Bootstrap(400 + trial, trial);
      assertThat(b.resample(strata, units, columns)).isDeepEqualTo(oneByOne(b, strata, units, columns));
      assertThat(b.resample(strata, units, columns)).isDeepEqualTo(oneByOne(b, strata, units, columns));
    }
  }

  /** The bootstrap as docs/STATISTICS.md describes it: per replicate, per group (sorted by key), draw and add. */
  private static int[][] oneByOne(Bootstrap b, List<String> strata, List<String> units, int[][] columns) {
    java.util.Map<String, Integer> unitIndex = new java.util.LinkedHashMap<>();
    List<int[]> unitSums = new ArrayList<>();
    List<String> unitKey = new ArrayList<>();
    List<Integer> unitSize = new ArrayList<>();
    for (int row = 0; row < strata.size(); row++) {
      Integer u = unitIndex.get(units.get(row));
      if (u == null) {
        u = unitSums.size();
        unitIndex.put(units.get(row), u);
        unitSums.add(new int[columns.length]);
        unitKey.add(strata.get(row));
        unitSize.add(0);
      }
      unitSize.set(u, unitSize.get(u) + 1);
      for (int c = 0; c < columns.length; c++) {
        unitSums.get(u)[c] += columns[c][row];
      }
    }
    java.util.TreeMap<String, List<Integer>> groups = new java.util.TreeMap<>();
    for (int u = 0; u < unitSums.size(); u++) {
      groups.computeIfAbsent(unitKey.get(u) + "#" + unitSize.get(u), k -> new ArrayList<>()).add(u);
    }
    org.apache.commons.rng.UniformRandomProvider rng =
        org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(b.seed());
    int[][] sums = new int[columns.length][b.resamples()];
    for (int r = 0; r < b.resamples(); r++) {
      for (List<Integer> members : groups.values()) {
        for (int k = 0; k < members.size(); k++) {
          int[] drawn = unitSums.get(members.get(rng.nextInt(members.size())));
          for (int c = 0; c < columns.length; c++) {
            sums[c][r] += drawn[c];
          }
        }
      }
    }
    return sums;
  }
}
