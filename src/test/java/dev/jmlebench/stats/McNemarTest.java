package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class McNemarTest {
  @Test
  void smallCasesMatchTheirBinomialTailsCountedByHand() {
    // n = 10, k = 1: P(X <= 1) = (1 + 10) / 1024; two-sided doubles it.
    assertThat(McNemar.exactP(1, 9)).isCloseTo(22.0 / 1024, within(1e-15));
    assertThat(McNemar.exactP(9, 1)).isCloseTo(22.0 / 1024, within(1e-15));
    // n = 5, k = 0: 2 * (1/32).
    assertThat(McNemar.exactP(0, 5)).isCloseTo(2.0 / 32, within(1e-15));
    // n = 13, k = 4: 2 * (1 + 13 + 78 + 286 + 715) / 8192.
    assertThat(McNemar.exactP(4, 9)).isCloseTo(2.0 * 1093 / 8192, within(1e-15));
    // A balanced split is no evidence at all.
    assertThat(McNemar.exactP(3, 3)).isEqualTo(1.0);
  }

  @Test
  void everyCaseUpToAHundredDiscordantQuestionsMatchesExactCombinatorics() {
    BigInteger[] row = {BigInteger.ONE};
    for (int n = 1; n <= 100; n++) {
      row = nextPascalRow(row);
      for (int k = 0; k <= n; k++) {
        assertThat(McNemar.exactP(k, n - k)).as("k=%d of n=%d", k, n)
            .isCloseTo(twoSidedBySumOfBinomialCoefficients(row, k), within(1e-12));
      }
    }
  }

  @Test
  void noDiscordantQuestionGivesOne() {
    assertThat(McNemar.exactP(0, 0)).isEqualTo(1.0);
  }

  @Test
  void negativeCountsAreRejected() {
    assertThatThrownBy(() -> McNemar.exactP(-1, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  private static BigInteger[] nextPascalRow(BigInteger[] row) {
    BigInteger[] next = new BigInteger[row.length + 1];
    next[0] = BigInteger.ONE;
    next[row.length] = BigInteger.ONE;
    for (int i = 1; i < row.length; i++) {
      next[i] = row[i - 1].add(row[i]);
    }
    return next;
  }

  /** min(1, 2 * the smaller tail), each tail a sum of C(n, i) / 2^n in exact integers; row holds C(n, ·). */
  private static double twoSidedBySumOfBinomialCoefficients(BigInteger[] row, int k) {
    int n = row.length - 1;
    BigInteger lower = BigInteger.ZERO;
    BigInteger upper = BigInteger.ZERO;
    for (int i = 0; i <= n; i++) {
      if (i <= k) {
        lower = lower.add(row[i]);
      }
      if (i >= k) {
        upper = upper.add(row[i]);
      }
    }
    BigInteger tail = lower.min(upper).shiftLeft(1);
    BigDecimal p = new BigDecimal(tail).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)), MathContext.DECIMAL64);
    return Math.min(1.0, p.doubleValue());
  }
}
