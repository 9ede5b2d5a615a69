package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
  /**
   * Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (score interval without continuity
   * correction), to the four decimals printed there.
   */
  @Test
  void intervalsMatchNewcombesPublishedExamples() {
    assertInterval(Wilson.interval(81, 263), 0.2553, 0.3662);
    assertInterval(Wilson.interval(15, 148), 0.0624, 0.1605);
    assertInterval(Wilson.interval(0, 20), 0.0000, 0.1611);
    assertInterval(Wilson.interval(1, 29), 0.0061, 0.1718);
  }

  @Test
  void allCorrectReachesOneExactlyAndMirrorsNoneCorrect() {
    Interval all = Wilson.interval(400, 400);
    Interval none = Wilson.interval(0, 400);
    assertThat(all.upper()).isEqualTo(1.0);
    assertThat(none.lower()).isEqualTo(0.0);
    assertThat(all.lower()).isCloseTo(1 - none.upper(), within(1e-12));
  }

  @Test
  void theIntervalIsSymmetricUnderSwappingRightAndWrong() {
    Interval a = Wilson.interval(343, 400);
    Interval b = Wilson.interval(57, 400);
    assertThat(a.lower()).isCloseTo(1 - b.upper(), within(1e-12));
    assertThat(a.upper()).isCloseTo(1 - b.lower(), within(1e-12));
  }

  @Test
  void noTrialsAreRejected() {
    assertThatThrownBy(() -> Wilson.interval(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wilson.interval(5, 4)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInterval(Interval i, double lower, double upper) {
    assertThat(i.lower()).isCloseTo(lower, within(0.00005));
    assertThat(i.upper()).isCloseTo(upper, within(0.00005));
  }
}
