package dev.jmlebench.stats;

/** A 95% confidence interval for a proportion (accuracy, score share), both ends in [0, 1]. */
public record Interval(double lower, double upper) {
  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("interval lower " + lower + " is above upper " + upper);
    }
  }
}
