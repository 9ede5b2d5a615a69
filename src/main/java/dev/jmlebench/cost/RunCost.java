package dev.jmlebench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.results.RunUsage;
import dev.jmlebench.results.UsageReport;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a whole run cost, as its file records it ({@code metadata.totals.cost_usd}, the sum of its answers'
 * costs), and that cost per point and per correct answer: the one reading of a run's cost for the
 * leaderboard exports and the viewer. A file that records none (every published file) has no cost — unknown,
 * never $0.
 */
public record RunCost(BigDecimal usd) {
  /** "—", what a page or table shows for a figure that is not known. */
  public static final String UNKNOWN = "—";

  /** The run's cost, empty when its file records none. */
  public static Optional<RunCost> of(RunMetadata metadata) {
    JsonNode totals = metadata.extra().get(ResultSchema.Metadata.TOTALS);
    JsonNode cost = totals == null ? null : totals.get(ResultSchema.Totals.COST_USD);
    return cost != null && cost.isNumber() ? Optional.of(new RunCost(cost.decimalValue())) : Optional.empty();
  }

  /** US dollars per one of {@code count} (points, correct answers); empty when there are none to share it. */
  public Optional<BigDecimal> per(int count) {
    return Optional.ofNullable(RunUsage.share(usd, count));
  }

  /** The total as {@code summary} prints it: {@code $4.93}, {@code $0.004321}. */
  public String text() {
    return UsageReport.dollars(usd);
  }

  /** {@link #per} as {@code summary} prints it, {@link #UNKNOWN} when there are none. */
  public String perText(int count) {
    return per(count).map(UsageReport::dollars).orElse(UNKNOWN);
  }
}
