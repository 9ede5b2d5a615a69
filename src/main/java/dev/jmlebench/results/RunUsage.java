package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * What a result file says of its answers' tokens, cost and truncation, over every answer (every sample of
 * a run with repeats). Figures the file does not hold stay unknown — a published file without usage has
 * no cost, not a cost of 0.
 *
 * @param answers answers that came back from the model (failed requests not counted)
 * @param withUsage answers that record token usage
 * @param priced answers that record a cost; {@code cost} is their sum, null when none does
 * @param truncated answers cut off at the token limit or empty ({@link QuestionResult#isTruncated})
 * @param finishReasons answers that record a finish reason (an empty reply is truncated without one)
 */
public record RunUsage(int answers, int withUsage, long promptTokens, long completionTokens, long reasoningTokens,
    int priced, BigDecimal cost, int truncated, int finishReasons) {

  public static RunUsage of(ResultFile file, String source) {
    return ofSamples(file.results().stream().flatMap(r -> Samples.of(r, source).stream()).filter(Objects::nonNull)
        .toList());
  }

  /** Over these answers, each one sample (see {@link Samples#of}). */
  public static RunUsage ofSamples(List<QuestionResult> samples) {
    int answers = 0;
    int withUsage = 0;
    int priced = 0;
    int truncated = 0;
    int finishReasons = 0;
    long[] tokens = new long[3];
    BigDecimal cost = null;
    for (QuestionResult s : samples) {
      if (s.error() != null) {
        continue;
      }
      answers++;
      truncated += s.isTruncated() ? 1 : 0;
      finishReasons += s.extra().containsKey(ResultSchema.Result.FINISH_REASON) ? 1 : 0;
      JsonNode usage = s.extra().get(ResultSchema.Result.USAGE);
      if (usage == null || !usage.isObject()) {
        continue;
      }
      withUsage++;
      tokens[0] += usage.path(ResultSchema.Usage.PROMPT_TOKENS).asLong();
      tokens[1] += usage.path(ResultSchema.Usage.COMPLETION_TOKENS).asLong();
      tokens[2] += usage.path(ResultSchema.Usage.REASONING_TOKENS).asLong();
      JsonNode c = usage.get(ResultSchema.Usage.COST);
      if (c != null && c.isNumber()) {
        priced++;
        cost = (cost == null ? BigDecimal.ZERO : cost).add(c.decimalValue());
      }
    }
    return new RunUsage(answers, withUsage, tokens[0], tokens[1], tokens[2], priced, cost, truncated, finishReasons);
  }

  public boolean hasCost() {
    return cost != null;
  }

  /** Dollars per point of the score, or null when there is no cost or no point. */
  public BigDecimal per(int count) {
    return share(cost, count);
  }

  /**
   * A cost shared over {@code count} points or correct answers, or null when there is no cost or nothing to
   * share it: the one division behind every "per point" and "per correct answer" figure.
   */
  public static BigDecimal share(BigDecimal cost, int count) {
    return cost == null || count <= 0 ? null : cost.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
  }
}
