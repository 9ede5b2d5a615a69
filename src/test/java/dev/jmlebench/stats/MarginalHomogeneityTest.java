package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class MarginalHomogeneityTest {
  /** A 3×3 table of (chosen, gold) counts, each observation a cluster of its own. */
  private static List<MarginalHomogeneity.Observation> unclustered(int[][] table) {
    List<MarginalHomogeneity.Observation> out = new ArrayList<>();
    int id = 0;
    for (int chosen = 0; chosen < table.length; chosen++) {
      for (int gold = 0; gold < table.length; gold++) {
        for (int k = 0; k < table[chosen][gold]; k++) {
          out.add(new MarginalHomogeneity.Observation("q" + id++, chosen, gold));
        }
      }
    }
    return out;
  }

  @Test
  void withEveryAnswerItsOwnClusterItIsStuartMaxwellAsFleissAndEverittWriteItForThreeCategories() {
    int[][] f = {{20, 5, 9}, {2, 30, 4}, {3, 1, 26}};
    // Fleiss & Everitt (1971): χ² = (n̄23·d1² + n̄13·d2² + n̄12·d3²) / (2·(n̄12·n̄13 + n̄12·n̄23 + n̄13·n̄23)),
    // n̄ij = (fij + fji)/2, di = fi· − f·i.
    double n12 = (f[0][1] + f[1][0]) / 2.0;
    double n13 = (f[0][2] + f[2][0]) / 2.0;
    double n23 = (f[1][2] + f[2][1]) / 2.0;
    double[] d = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        d[i] += f[i][j] - f[j][i];
      }
    }
    double expected = (n23 * d[0] * d[0] + n13 * d[1] * d[1] + n12 * d[2] * d[2])
        / (2 * (n12 * n13 + n12 * n23 + n13 * n23));

    MarginalHomogeneity t = MarginalHomogeneity.of(3, unclustered(f));

    assertThat(t.statistic()).isCloseTo(expected, within(1e-9));
    assertThat(t.degreesOfFreedom()).isEqualTo(2);
    assertThat(t.p()).isCloseTo(ChiSquaredDistribution.of(2).survivalProbability(expected), within(1e-12));
  }

  @Test
  void answersThatAgreeWithTheGoldCarryNoEvidence() {
    MarginalHomogeneity t = MarginalHomogeneity.of(5, unclustered(new int[][] {
        {9, 0, 0}, {0, 7, 0}, {0, 0, 3}}));

    assertThat(t.statistic()).isZero();
    assertThat(t.degreesOfFreedom()).isZero();
    assertThat(t.p()).isEqualTo(1.0);
  }

  @Test
  void aQuestionRepeatedInOneClusterWeighsAsOneClusterNotAsManyAnswers() {
    // The same pattern twice: as 2·n independent answers W doubles; as n clusters of two identical answers each
    // cluster's vector doubles, V quadruples, d doubles, so W stays as for n answers.
    int[][] f = {{10, 6, 1}, {2, 12, 3}, {1, 2, 15}};
    List<MarginalHomogeneity.Observation> once = unclustered(f);
    List<MarginalHomogeneity.Observation> twiceApart = new ArrayList<>(once);
    List<MarginalHomogeneity.Observation> twiceTogether = new ArrayList<>(once);
    for (MarginalHomogeneity.Observation o : once) {
      twiceApart.add(new MarginalHomogeneity.Observation(o.cluster() + "'", o.chosen(), o.gold()));
      twiceTogether.add(o);
    }
    double w = MarginalHomogeneity.of(3, once).statistic();

    assertThat(MarginalHomogeneity.of(3, twiceApart).statistic()).isCloseTo(2 * w, within(1e-9));
    assertThat(MarginalHomogeneity.of(3, twiceTogether).statistic()).isCloseTo(w, within(1e-9));
  }

  @Test
  void aPositionNeverChosenNorGoldDropsADegreeOfFreedomInsteadOfFailing() {
    // Five positions, but the answers use only a, b, c (d never appears): V is singular, W uses its rank.
    MarginalHomogeneity four = MarginalHomogeneity.of(5, unclustered(new int[][] {
        {20, 5, 9}, {2, 30, 4}, {3, 1, 26}}));
    MarginalHomogeneity three = MarginalHomogeneity.of(3, unclustered(new int[][] {
        {20, 5, 9}, {2, 30, 4}, {3, 1, 26}}));

    assertThat(four.degreesOfFreedom()).isEqualTo(2);
    assertThat(four.statistic()).isCloseTo(three.statistic(), within(1e-9));
  }
}
