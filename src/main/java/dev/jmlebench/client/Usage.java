package dev.jmlebench.client;

/** Token counts as the server reported them; each is null when the server did not report it. */
public record Usage(Integer promptTokens, Integer completionTokens, Integer reasoningTokens) {
  public static final Usage NONE = new Usage(null, null, null);
}
