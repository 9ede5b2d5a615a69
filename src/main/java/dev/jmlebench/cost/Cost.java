package dev.jmlebench.cost;

import dev.jmlebench.client.Usage;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one answer cost in US dollars, and who says so: the provider's own figure ({@code usage.cost}) when
 * it reported one — it knows discounts, caching and routing — else the tokens times the given prices.
 */
public record Cost(BigDecimal usd, Source source) {
  public enum Source {
    PROVIDER("provider"), PRICES("prices");

    private final String wireName;

    Source(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** Empty when the provider reported no cost and either no prices or no token counts are known. */
  public static Optional<Cost> of(Usage usage, Prices prices) {
    if (usage.cost() != null) {
      return Optional.of(new Cost(BigDecimal.valueOf(usage.cost()), Source.PROVIDER));
    }
    if (prices == null || usage.promptTokens() == null || usage.completionTokens() == null) {
      return Optional.empty();
    }
    return Optional.of(new Cost(prices.costOf(usage.promptTokens(), usage.completionTokens()), Source.PRICES));
  }
}
