package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DetectableDifferenceTest {
  /** z₀.₉₇₅ and z₀.₈₀ from a table (Abramowitz &amp; Stegun 26.2), to 9 digits. */
  private static final double Z = 1.959963985 + 0.841621234;

  @Test
  void unweightedItIsTheMcNemarPowerFormulaInQuestions() {
    int[] ones = new int[400];
    Arrays.fill(ones, 1);

    DetectableDifference d = DetectableDifference.of(0.05, ones);

    // (z + z)·√(ψ·n) = 2.801585·√20
    assertThat(d.questionCount()).isCloseTo(Z * Math.sqrt(20), within(1e-6));
    assertThat(d.points()).isCloseTo(d.questionCount(), within(1e-9));
    assertThat(d.accuracyShare()).isCloseTo(Z * Math.sqrt(0.05 / 400), within(1e-9));
  }

  @Test
  void pointsWeighEachQuestionByItsSquaredPoints() {
    // The 120th: 100 required questions, 50 of 1 point and 50 of 3; 300 general of 1 point.
    int[] weights = new int[400];
    Arrays.fill(weights, 1);
    Arrays.fill(weights, 0, 50, 3);

    DetectableDifference d = DetectableDifference.of(0.04, weights);

    assertThat(d.points()).isCloseTo(Z * Math.sqrt(0.04 * (50 * 9 + 350)), within(1e-6));
    assertThat(d.questionCount()).isCloseTo(Z * Math.sqrt(0.04 * 400), within(1e-6));
  }

  @Test
  void runsThatNeverDisagreeTellEveryDifferenceApartAndADiscordanceOutsideZeroToOneIsRefused() {
    assertThat(DetectableDifference.of(0, new int[] {1, 3, 1}).points()).isZero();
    assertThatThrownBy(() -> DetectableDifference.of(1.5, new int[] {1})).hasMessageContaining("discordance");
  }
}
