package dev.jmlebench.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; method 3 of Newcombe 1998): unlike the
 * Wald interval it stays inside [0, 1] and keeps its coverage near 0 and 1, where accuracies of strong
 * models sit.
 */
public final class Wilson {
  /** z for a two-sided 95% interval, the 0.975 quantile of the standard normal. */
  private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

  private Wilson() {}

  public static Interval interval(int successes, int trials) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, not "
          + successes + "/" + trials);
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // At 0 or n successes one end is exactly 0 or 1; clamp the rounding error of centre ± half.
    return new Interval(successes == 0 ? 0 : centre - half, successes == trials ? 1 : centre + half);
  }
}
