package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatioAndPercentTest {
  @Test
  void ratiosRoundToFourDecimalsLikePythonRound() {
    assertThat(Ratio.of(388, 400)).isEqualTo(0.97);
    assertThat(Ratio.of(290, 300)).isEqualTo(0.9667);
    assertThat(Ratio.of(2, 3)).isEqualTo(0.6667);
    assertThat(Ratio.of(1, 3)).isEqualTo(0.3333);
  }

  @Test
  void roundingUsesTheExactBinaryValueNotTheDecimalText() {
    // Values from CPython: 0.00045 is stored as 0.000449999999999999987..., 0.00015 as
    // 0.000149999999999999986..., so both round down; 2.67485 is stored as 2.674850000000000171...
    // and rounds up. A decimal half-up or half-even on the text would get all three wrong.
    assertThat(Ratio.round4(0.00045)).isEqualTo(0.0004);
    assertThat(Ratio.round4(0.00015)).isEqualTo(0.0001);
    assertThat(Ratio.round4(2.67485)).isEqualTo(2.6749);
  }

  @Test
  void aZeroDenominatorGivesZero() {
    assertThat(Ratio.of(0, 0)).isZero();
  }

  @Test
  void percentagesFollowPythonFormatWithTiesToEvenOnTheExactProduct() {
    assertThat(Percent.format(0.9125)).isEqualTo("91.2%");
    assertThat(Percent.format(0.976)).isEqualTo("97.6%");
    assertThat(Percent.format(0.9817)).isEqualTo("98.2%");
    assertThat(Percent.format(0.9875)).isEqualTo("98.8%");
    assertThat(Percent.format(1.0)).isEqualTo("100.0%");
    assertThat(Percent.format(0)).isEqualTo("0.0%");
  }
}
