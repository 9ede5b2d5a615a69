package dev.jmlebench.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a model's tokens cost, in US dollars per million: prompt tokens at {@code input}, completion tokens
 * (reasoning included: providers count it in the completion tokens) at {@code output}.
 */
public record Prices(BigDecimal input, BigDecimal output) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public Prices {
    if (input.signum() < 0 || output.signum() < 0) {
      throw new IllegalArgumentException("prices should be 0 or more, not " + input + " and " + output);
    }
  }

  public static Prices of(double inputPerMillion, double outputPerMillion) {
    return new Prices(BigDecimal.valueOf(inputPerMillion), BigDecimal.valueOf(outputPerMillion));
  }

  /** The prices of a batch: OpenAI's and Anthropic's batch APIs charge half. */
  public Prices halved() {
    BigDecimal half = new BigDecimal("0.5");
    return new Prices(input.multiply(half), output.multiply(half));
  }

  /** US dollars for the tokens, exactly (the tokens times the prices, over a million). */
  public BigDecimal costOf(long promptTokens, long completionTokens) {
    return input.multiply(BigDecimal.valueOf(promptTokens)).add(output.multiply(BigDecimal.valueOf(completionTokens)))
        .divide(MILLION, MathContext.DECIMAL128);
  }
}
