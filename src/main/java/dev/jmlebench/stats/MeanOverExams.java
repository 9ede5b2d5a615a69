package dev.jmlebench.stats;

import java.util.List;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A model's mean score over the exams it sat (one score share per year), with a 95% Student-t interval over
 * those years: how steady a model is from year to year, beside which one year far above the rest stands out.
 * The interval treats the years as a sample of exams, clamped to [0, 1]; with fewer than {@value #MIN_EXAMS}
 * exams there is none (two years give a t-interval too wide to say anything).
 *
 * @param low the interval's lower end, NaN with fewer than {@value #MIN_EXAMS} exams
 * @param high the interval's upper end, NaN with fewer than {@value #MIN_EXAMS} exams
 */
public record MeanOverExams(int exams, double mean, double low, double high) {
  public static final int MIN_EXAMS = 3;

  public static MeanOverExams of(List<Double> shares) {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("no exam");
    }
    DoubleStatistics s = DoubleStatistics.of(java.util.EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION),
        shares.stream().mapToDouble(Double::doubleValue).toArray());
    double mean = s.getAsDouble(Statistic.MEAN);
    if (shares.size() < MIN_EXAMS) {
      return new MeanOverExams(shares.size(), mean, Double.NaN, Double.NaN);
    }
    double half = TDistribution.of(shares.size() - 1).inverseCumulativeProbability(0.975)
        * s.getAsDouble(Statistic.STANDARD_DEVIATION) / Math.sqrt(shares.size());
    return new MeanOverExams(shares.size(), mean, Math.max(0, mean - half), Math.min(1, mean + half));
  }

  public boolean hasInterval() {
    return exams >= MIN_EXAMS;
  }
}
