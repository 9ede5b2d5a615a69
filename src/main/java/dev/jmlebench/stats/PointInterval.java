package dev.jmlebench.stats;

/**
 * A 95% confidence interval in whole units (points, or questions): bootstrap replicates of a sum of
 * integers are integers, so the percentile ends are too.
 */
public record PointInterval(int lower, int upper) {
  public PointInterval {
    if (lower > upper) {
      throw new IllegalArgumentException("interval lower " + lower + " is above upper " + upper);
    }
  }

  /** The interval as shares of {@code max}, e.g. points out of 500 → score %. */
  public Interval over(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive, not " + max);
    }
    return new Interval((double) lower / max, (double) upper / max);
  }

  public boolean contains(int value) {
    return lower <= value && value <= upper;
  }
}
