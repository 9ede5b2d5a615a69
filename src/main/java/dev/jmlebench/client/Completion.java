package dev.jmlebench.client;

/**
 * The model's reply to one request (SPEC §2).
 *
 * @param content {@code choices[0].message.content}, an empty string when null
 * @param reasoning Python's {@code message.reasoning or message.reasoning_content} (SPEC §2), else the reasoning
 *     parts of a content given as a list, else null
 * @param finishReason {@code choices[0].finish_reason} (an Anthropic {@code max_tokens} stop is {@code length}),
 *     or null
 */
public record Completion(String content, String reasoning, Usage usage, String finishReason) {
  /** The finish reason of a reply cut off at the token limit. */
  public static final String LENGTH = "length";

  public Completion {
    content = content == null ? "" : content;
    usage = usage == null ? Usage.NONE : usage;
  }
}
