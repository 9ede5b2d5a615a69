package dev.jmlebench.results;

import dev.jmlebench.score.Summary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The lines on tokens, cost and truncated answers that {@code summary} and the end of {@code run} print
 * after the score report. A figure the file does not hold is "—", never 0.
 */
public final class UsageReport {
  static final String UNKNOWN = "—";

  private UsageReport() {}

  public static String render(RunUsage u, Summary s) {
    StringBuilder sb = new StringBuilder();
    sb.append("  Tokens     ").append(u.withUsage() == 0 ? UNKNOWN + " (no usage recorded)"
        : String.format(Locale.ROOT, "%,d prompt · %,d completion · %,d reasoning", u.promptTokens(),
            u.completionTokens(), u.reasoningTokens())).append('\n');
    sb.append("  Cost       ").append(cost(u, s)).append('\n');
    sb.append("  Truncated  ").append(u.truncated()).append(" of ").append(u.answers())
        .append(" answers (finish_reason \"length\" or an empty reply)")
        .append(u.finishReasons() == 0 && u.answers() > 0 ? "; finish reasons not recorded, only empty replies "
            + "counted" : "").append('\n');
    return sb.toString();
  }

  private static String cost(RunUsage u, Summary s) {
    if (!u.hasCost()) {
      return UNKNOWN + " (no cost recorded: the provider reported none and no --price-input/--price-output or "
          + "--prices were given)";
    }
    String line = dollars(u.cost()) + " · " + orUnknown(u.per(s.score())) + " per point · "
        + orUnknown(u.per(s.correct())) + " per correct answer";
    return u.priced() < u.answers() ? line + " (" + u.priced() + " of " + u.answers() + " answers priced)" : line;
  }

  private static String orUnknown(BigDecimal usd) {
    return usd == null ? UNKNOWN : dollars(usd);
  }

  /** {@code $1.23}, with four significant decimals for amounts under a dollar ({@code $0.004321}). */
  public static String dollars(BigDecimal usd) {
    BigDecimal abs = usd.abs();
    int scale = abs.compareTo(BigDecimal.ONE) >= 0 || abs.signum() == 0 ? 2
        : Math.max(2, abs.scale() - abs.precision() + 4);
    return "$" + usd.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }
}
