package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {
  /**
   * The textbook example of the Holm–Bonferroni method: p1 = 0.01, p2 = 0.04, p3 = 0.03, p4 = 0.005 at
   * α = 0.05. Step down: 0.005 ≤ 0.05/4 (reject H4), 0.01 ≤ 0.05/3 (reject H1), 0.03 > 0.05/2 (stop). The
   * adjusted values by hand: 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04) = 0.06.
   */
  @Test
  void theTextbookExampleRejectsExactlyTheFirstAndFourthHypotheses() {
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

    assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
    assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
    assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
    assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
    boolean[] rejected = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      rejected[i] = adjusted[i] <= 0.05;
    }
    assertThat(rejected).containsExactly(true, false, false, true);
  }

  @Test
  void adjustedValuesAreCappedAtOneAndNeverBelowTheRawOnes() {
    double[] raw = {0.5, 0.9, 0.001, 0.3, 0.3};
    double[] adjusted = Holm.adjust(raw);
    assertThat(adjusted).containsExactly(1.0, 1.0, 0.005, 1.0, 1.0);
    for (int i = 0; i < raw.length; i++) {
      assertThat(adjusted[i]).isGreaterThanOrEqualTo(raw[i]);
    }
  }

  @Test
  void aSingleTestIsLeftAsItIs() {
    assertThat(Holm.adjust(new double[] {0.0123})).containsExactly(0.0123);
    assertThat(Holm.adjust(new double[0])).isEmpty();
  }

  @Test
  void aValueOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> Holm.adjust(new double[] {0.2, 1.5})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Holm.adjust(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
  }
}
