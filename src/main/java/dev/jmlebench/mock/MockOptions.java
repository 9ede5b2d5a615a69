package dev.jmlebench.mock;

import java.time.Duration;

/**
 * How the mock server misbehaves.
 *
 * @param latency how long each answer takes
 * @param failRate the share of requests that fail on purpose: a 500, a dropped connection or a truncated
 *     body, in equal parts
 * @param rateLimit requests per second above which it answers 429 with Retry-After; 0 for no limit
 * @param seed seeds the choice of failures, so a run's faults can be repeated
 * @param requiredKey the only API key accepted, or null to accept any request
 * @param vary without a replay file, answer a question differently when it is asked again (see
 *     {@link MockAnswers}), so that repeated asks disagree the way a sampled model's do
 * @param truncateRate the share of questions whose first answer is cut off: half its text, with
 *     {@code finish_reason: "length"} ({@code stop_reason: "max_tokens"}); which ones is fixed by the seed
 * @param reportCost whether replies carry {@code usage.cost} as OpenRouter's do ({@link MockServer#COST_PER_PROMPT_TOKEN}
 *     and {@link MockServer#COST_PER_COMPLETION_TOKEN})
 * @param bias how the model is biased by the order of the choices, the images and the language
 */
public record MockOptions(Duration latency, double failRate, double rateLimit, long seed, String requiredKey,
    boolean vary, double truncateRate, boolean reportCost, MockBias bias) {
  public static final MockOptions INSTANT = new MockOptions(Duration.ZERO, 0, 0, 1, null, false, 0, false);

  /** An unbiased mock. */
  public MockOptions(Duration latency, double failRate, double rateLimit, long seed, String requiredKey,
      boolean vary, double truncateRate, boolean reportCost) {
    this(latency, failRate, rateLimit, seed, requiredKey, vary, truncateRate, reportCost, MockBias.NONE);
  }

  public MockOptions {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency should be 0 or more, not " + latency);
    }
    if (!(failRate >= 0 && failRate < 1)) {
      throw new IllegalArgumentException("fail rate should be at least 0 and below 1, not " + failRate);
    }
    if (!(truncateRate >= 0 && truncateRate <= 1)) {
      throw new IllegalArgumentException("truncate rate should be from 0 to 1, not " + truncateRate);
    }
    bias = bias == null ? MockBias.NONE : bias;
    if (!(rateLimit >= 0)) {
      throw new IllegalArgumentException("rate limit should be 0 (none) or more, not " + rateLimit);
    }
  }

  public MockOptions withLatency(Duration d) {
    return new MockOptions(d, failRate, rateLimit, seed, requiredKey, vary, truncateRate, reportCost, bias);
  }

  public MockOptions withFailRate(double f) {
    return new MockOptions(latency, f, rateLimit, seed, requiredKey, vary, truncateRate, reportCost, bias);
  }

  public MockOptions withRateLimit(double rps) {
    return new MockOptions(latency, failRate, rps, seed, requiredKey, vary, truncateRate, reportCost, bias);
  }

  public MockOptions withVariedAnswers() {
    return new MockOptions(latency, failRate, rateLimit, seed, requiredKey, true, truncateRate, reportCost, bias);
  }

  public MockOptions withRequiredKey(String key) {
    return new MockOptions(latency, failRate, rateLimit, seed, key, vary, truncateRate, reportCost, bias);
  }

  public MockOptions withTruncateRate(double rate) {
    return new MockOptions(latency, failRate, rateLimit, seed, requiredKey, vary, rate, reportCost, bias);
  }

  public MockOptions withReportedCost() {
    return new MockOptions(latency, failRate, rateLimit, seed, requiredKey, vary, truncateRate, true, bias);
  }

  public MockOptions withBias(MockBias b) {
    return new MockOptions(latency, failRate, rateLimit, seed, requiredKey, vary, truncateRate, reportCost, b);
  }
}
