package dev.jmlebench.client;

/**
 * Token counts as the server reported them, and the cost when the provider reported one (OpenRouter's
 * {@code usage.cost}); each is null when the server did not report it.
 *
 * @param cost US dollars the provider charged for this request, or null
 */
public record Usage(Integer promptTokens, Integer completionTokens, Integer reasoningTokens, Double cost) {
  public static final Usage NONE = new Usage(null, null, null, null);

  public Usage(Integer promptTokens, Integer completionTokens, Integer reasoningTokens) {
    this(promptTokens, completionTokens, reasoningTokens, null);
  }
}
