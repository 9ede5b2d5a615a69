package dev.jmlebench.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's {@code format(x, '.1%')} (SPEC §6): the double times 100, then rounded from its exact binary
 * value to one decimal, ties to even, so 0.9125 reads {@code 91.2%}.
 */
public final class Percent {
  private Percent() {}

  public static String format(double ratio) {
    return new BigDecimal(ratio * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }
}
