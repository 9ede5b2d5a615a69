package dev.jmlebench.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every ratio in a summary is {@code round(a / b, 4)} in Python (SPEC §4): the quotient as a double,
 * rounded from its exact binary value to 4 decimals, ties to even, and 0 when the denominator is 0.
 */
public final class Ratio {
  private Ratio() {}

  public static double of(long numerator, long denominator) {
    if (denominator == 0) {
      return 0;
    }
    return round4((double) numerator / (double) denominator);
  }

  /** Python's {@code round(x, 4)}: {@code new BigDecimal(double)} is the exact binary value. */
  public static double round4(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
  }
}
