package dev.jmlebench.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * The exact McNemar test (McNemar 1947) of two runs on the same questions: only discordant questions carry
 * information, and under the null hypothesis that both runs are equally good each of them is won by either
 * run with probability 1/2. The p-value is that of a two-sided exact binomial test of {@code aOnly}
 * successes in {@code aOnly + bOnly} trials at p = 1/2.
 */
public final class McNemar {
  private static final BinomialTest TWO_SIDED = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED);

  private McNemar() {}

  /**
   * @param aOnly questions A got right and B wrong
   * @param bOnly questions A got wrong and B right
   * @return the two-sided exact p-value; 1 when no question is discordant (no evidence either way)
   */
  public static double exactP(int aOnly, int bOnly) {
    if (aOnly < 0 || bOnly < 0) {
      throw new IllegalArgumentException("discordant counts must not be negative: " + aOnly + ", " + bOnly);
    }
    if (aOnly + bOnly == 0) {
      return 1;
    }
    return TWO_SIDED.test(aOnly + bOnly, aOnly, 0.5).getPValue();
  }
}
