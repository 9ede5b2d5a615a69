package dev.jmlebench.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The smallest paired difference between two runs of one model that the exam can tell apart: the difference a
 * two-sided test at α = 0.05 detects with 80% power, given how often the two runs disagree on a question (the
 * discordance rate ψ). Only discordant questions carry information about a paired difference, each moving it
 * by its points one way or the other, so under no difference the points difference D = Σ wᵢ·dᵢ (dᵢ ∈ {−1, 0,
 * +1}) has variance ψ·Σ wᵢ² and the detectable difference is (z₁₋α/₂ + z_power)·√(ψ·Σ wᵢ²) — the normal
 * approximation of the power analysis in Miller 2024, "Adding Error Bars to Evals", §5, with the variance of
 * a paired difference. Unweighted (every wᵢ = 1) it is (z₁₋α/₂ + z_power)·√(ψ·n) questions, the McNemar
 * power formula of Connor 1987 without its second-order term. A difference below it is what two runs of this
 * model differ by anyway: noise, as far as this exam can tell.
 *
 * @param discordance ψ, the share of paired questions on which the runs disagree
 * @param questions n, the questions the difference is over
 * @param points the detectable difference in score points
 * @param questionCount the detectable difference in questions (net questions right)
 */
public record DetectableDifference(double discordance, int questions, double points, double questionCount) {
  public static final double ALPHA = 0.05;
  public static final double POWER = 0.80;
  /** z₀.₉₇₅ + z₀.₈₀ = 1.95996… + 0.84162… = 2.80158… */
  static final double Z_SUM = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - ALPHA / 2)
      + NormalDistribution.of(0, 1).inverseCumulativeProbability(POWER);

  /**
   * @param discordance ψ in [0, 1]
   * @param weights the points of each question the difference is over (the exam's weights: 1 or 3 on the
   *     120th); a question excluded from scoring weighs 0
   */
  public static DetectableDifference of(double discordance, int[] weights) {
    if (!(discordance >= 0 && discordance <= 1)) {
      throw new IllegalArgumentException("discordance must be in [0, 1], not " + discordance);
    }
    long sumOfSquares = 0;
    for (int w : weights) {
      sumOfSquares += (long) w * w;
    }
    return new DetectableDifference(discordance, weights.length, Z_SUM * Math.sqrt(discordance * sumOfSquares),
        Z_SUM * Math.sqrt(discordance * weights.length));
  }

  /** The detectable difference as a share of the questions (an accuracy difference). */
  public double accuracyShare() {
    return questions == 0 ? 0 : questionCount / questions;
  }
}
