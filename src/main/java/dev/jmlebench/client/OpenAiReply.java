package dev.jmlebench.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a chat-completion body into a {@link Completion} (SPEC §2): shared by the direct requests and the
 * lines of a batch's output file. A reply it cannot read is null — an error for its question (retried),
 * never an empty answer.
 */
public final class OpenAiReply {
  private OpenAiReply() {}

  /** What {@link #completion} returning null means, for the error of a reply it could not read. */
  public static final String UNREADABLE = "reply has no readable choices[0].message (its content should be text, "
      + "null, or a list of text and thinking parts)";

  /**
   * The completion in {@code root}, or null when it has no {@code choices[0].message} object or its content
   * is of a shape this client cannot read. {@code content} is a string (taken as it is), null (an empty
   * answer), or a list of parts, as some OpenAI-compatible services send: the {@code text} (and
   * {@code refusal}) parts joined are the content, the {@code thinking} and {@code reasoning} parts the
   * reasoning when the message carries none of its own.
   */
  public static Completion completion(JsonNode root) {
    JsonNode choice = root == null ? null : root.path("choices").path(0);
    JsonNode message = choice == null ? null : choice.path("message");
    if (message == null || !message.isObject()) {
      return null;
    }
    JsonNode content = message.get("content");
    String text = null;
    String partsReasoning = null;
    if (content != null && content.isTextual()) {
      text = content.textValue();
    } else if (content != null && content.isArray()) {
      Parts parts = Parts.read(content);
      if (parts == null) {
        return null;
      }
      text = parts.text();
      partsReasoning = parts.reasoning();
    } else if (content != null && !content.isNull()) {
      return null;
    }
    String reasoning = reasoning(message);
    return new Completion(text, reasoning != null ? reasoning : partsReasoning, usage(root.path("usage")),
        textOrNull(choice.get("finish_reason")));
  }

  /**
   * Python's {@code message.reasoning or message.reasoning_content} (SPEC §2): {@code reasoning} when it is a
   * non-empty string, else {@code reasoning_content} as it is — a string, the empty one included, or null.
   */
  static String reasoning(JsonNode message) {
    JsonNode r = message.get("reasoning");
    if (r != null && r.isTextual() && !r.textValue().isEmpty()) {
      return r.textValue();
    }
    return textOrNull(message.get("reasoning_content"));
  }

  /** The text and the reasoning of a content given as a list of parts; null when a part cannot be read. */
  private record Parts(String text, String reasoning) {
    static Parts read(JsonNode parts) {
      StringBuilder text = new StringBuilder();
      StringBuilder reasoning = new StringBuilder();
      boolean anyReasoning = false;
      for (JsonNode part : parts) {
        String type = textOrNull(part.get("type"));
        if (type == null) {
          return null;
        }
        switch (type) {
          case "text", "output_text" -> {
            if (!append(text, part.get("text"))) {
              return null;
            }
          }
          case "refusal" -> {
            if (!append(text, part.get("refusal"))) {
              return null;
            }
          }
          case "thinking", "reasoning" -> {
            JsonNode t = part.has(type) ? part.get(type) : part.get("text");
            if (!append(reasoning, t)) {
              return null;
            }
            anyReasoning = true;
          }
          case "redacted_thinking" -> {
            // Encrypted by the provider: nothing to read, and nothing lost by leaving it.
          }
          default -> {
            return null;
          }
        }
      }
      return new Parts(text.toString(), anyReasoning ? reasoning.toString() : null);
    }

    /** Adds a text, or the texts of a list of text parts (a thinking part may hold one); false for another shape. */
    private static boolean append(StringBuilder out, JsonNode value) {
      if (value != null && value.isTextual()) {
        out.append(value.textValue());
        return true;
      }
      if (value != null && value.isArray()) {
        for (JsonNode inner : value) {
          JsonNode t = inner.get("text");
          if (t == null || !t.isTextual()) {
            return false;
          }
          out.append(t.textValue());
        }
        return true;
      }
      return false;
    }
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
