package dev.jmlebench.batch;

import dev.jmlebench.common.UserError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How {@code --batch-wait} is written: a number of hours, or a number with {@code h}, {@code m} or {@code s}. */
public final class BatchWait {
  private static final Pattern FORM = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,3})?)\\s*([hms]?)");

  private BatchWait() {}

  /** {@code 26h}, {@code 90m}, {@code 30s}, {@code 1.5} (hours); refused in one line naming {@code option}. */
  public static Duration parse(String text, String option) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new UserError(option + ": should be a time such as 26h, 90m or 30s, not '" + text + "'");
    }
    long perUnit = switch (m.group(2)) {
      case "m" -> 60_000L;
      case "s" -> 1_000L;
      default -> 3_600_000L;
    };
    long millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(perUnit)).longValue();
    if (millis < 1000) {
      throw new UserError(option + ": should be at least a second, not '" + text + "'");
    }
    return Duration.ofMillis(millis);
  }

  /** The shortest form {@link #parse} reads back as {@code d}: {@code 26h}, {@code 90m}, {@code 30s}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
