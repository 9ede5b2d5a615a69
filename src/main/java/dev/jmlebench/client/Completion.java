package dev.jmlebench.client;

/**
 * The model's reply to one request (SPEC §2).
 *
 * @param content {@code choices[0].message.content}, an empty string when null
 * @param reasoning {@code message.reasoning}, else {@code message.reasoning_content}, else null
 * @param finishReason {@code choices[0].finish_reason}, or null
 */
public record Completion(String content, String reasoning, Usage usage, String finishReason) {
  public Completion {
    content = content == null ? "" : content;
    usage = usage == null ? Usage.NONE : usage;
  }
}
