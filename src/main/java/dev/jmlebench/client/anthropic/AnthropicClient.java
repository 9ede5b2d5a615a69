package dev.jmlebench.client.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.JsonHttp;
import dev.jmlebench.client.ModelApi;
import dev.jmlebench.client.Usage;
import dev.jmlebench.prompt.Prompt;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code --api anthropic}), one request per call: the key in {@code x-api-key}, the
 * API version in {@code anthropic-version}, the system prompt at the top level, images as base64 sources,
 * and {@code thinking} blocks read as the reasoning. The prompt's texts are SPEC §2's, so answers are
 * graded exactly as over chat completions.
 */
public final class AnthropicClient implements ModelApi {
  public static final String VERSION = "2023-06-01";
  /** Messages requires {@code max_tokens}; this one is used unless {@code --max-tokens} says otherwise. */
  public static final int DEFAULT_MAX_TOKENS = 8192;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ClientSettings settings;
  private final JsonHttp http;

  public AnthropicClient(ClientSettings settings) {
    this.settings = settings;
    this.http = new JsonHttp(settings, headers(settings));
  }

  /** The headers of every Anthropic request: the key and the API version. */
  public static Map<String, String> headers(ClientSettings settings) {
    Map<String, String> h = new HashMap<>(JsonHttp.keyHeader(settings.apiKey(), "x-api-key"));
    h.put("anthropic-version", VERSION);
    return h;
  }

  @Override
  public ClientSettings settings() {
    return settings;
  }

  @Override
  public URI endpoint() {
    return settings.endpoint("messages");
  }

  /** model, max_tokens, system, one user message; then every key of the extra body merged over them. */
  @Override
  public ObjectNode body(Prompt prompt) {
    ObjectNode body = NODES.objectNode();
    body.put("model", settings.model());
    body.put("max_tokens", DEFAULT_MAX_TOKENS);
    body.put("system", prompt.system());
    ObjectNode user = body.putArray("messages").addObject().put("role", "user");
    ArrayNode content = user.putArray("content");
    content.addObject().put("type", "text").put("text", prompt.userText());
    for (Path image : prompt.images()) {
      content.addObject().put("type", "image").putObject("source").put("type", "base64")
          .put("media_type", "image/png")
          .put("data", Prompt.dataUrl(image).substring(Prompt.DATA_URL_PREFIX.length()));
    }
    if (settings.extraBody() != null) {
      body.setAll(settings.extraBody().deepCopy());
    }
    return body;
  }

  @Override
  public Completion complete(Prompt prompt, Duration timeout) throws InterruptedException {
    return http.complete(endpoint(), body(prompt), timeout, AnthropicClient::completion, "reply has no content array");
  }

  /**
   * A Messages reply as a completion: the text blocks joined are the content, the thinking blocks joined the
   * reasoning (null when there are none); {@code stop_reason: "max_tokens"} is the finish reason
   * {@code length}. Null when the reply has no {@code content} array.
   */
  public static Completion completion(JsonNode message) {
    JsonNode content = message.get("content");
    if (content == null || !content.isArray()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    StringBuilder thinking = null;
    for (JsonNode block : content) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText());
        case "thinking" -> (thinking == null ? thinking = new StringBuilder() : thinking)
            .append(block.path("thinking").asText());
        default -> {
          // redacted_thinking, tool_use: nothing to grade
        }
      }
    }
    String stop = message.path("stop_reason").isTextual() ? message.get("stop_reason").textValue() : null;
    JsonNode u = message.path("usage");
    Usage usage = new Usage(integer(u, "input_tokens"), integer(u, "output_tokens"), null);
    return new Completion(text.toString(), thinking == null ? null : thinking.toString(), usage,
        "max_tokens".equals(stop) ? Completion.LENGTH : stop);
  }

  private static Integer integer(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n != null && n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null;
  }
}
