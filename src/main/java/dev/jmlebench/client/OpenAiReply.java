package dev.jmlebench.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a chat-completion body into a {@link Completion} (SPEC §2): shared by the direct requests and the
 * lines of a batch's output file.
 */
public final class OpenAiReply {
  private OpenAiReply() {}

  /** The completion in {@code root}, or null when it has no {@code choices[0].message} object. */
  public static Completion completion(JsonNode root) {
    JsonNode choice = root == null ? null : root.path("choices").path(0);
    JsonNode message = choice == null ? null : choice.path("message");
    if (message == null || !message.isObject()) {
      return null;
    }
    return new Completion(textOrNull(message.get("content")), reasoning(message), usage(root.path("usage")),
        textOrNull(choice.get("finish_reason")));
  }

  private static String reasoning(JsonNode message) {
    String r = textOrNull(message.get("reasoning"));
    return r != null ? r : textOrNull(message.get("reasoning_content"));
  }

  private static Usage usage(JsonNode u) {
    if (!u.isObject()) {
      return Usage.NONE;
    }
    JsonNode reasoning = u.path("completion_tokens_details").get("reasoning_tokens");
    if (reasoning == null || !reasoning.isNumber()) {
      reasoning = u.get("reasoning_tokens");
    }
    JsonNode cost = u.get("cost");
    return new Usage(intOrNull(u.get("prompt_tokens")), intOrNull(u.get("completion_tokens")), intOrNull(reasoning),
        cost != null && cost.isNumber() && cost.doubleValue() >= 0 ? cost.doubleValue() : null);
  }

  static Integer intOrNull(JsonNode n) {
    return n != null && n.canConvertToInt() && n.isNumber() ? n.intValue() : null;
  }

  static String textOrNull(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }
}
