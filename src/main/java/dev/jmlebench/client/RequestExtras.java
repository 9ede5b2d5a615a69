package dev.jmlebench.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * The keys this tool adds to every request body, before the user's {@code --extra-body} (whose keys win):
 * {@code max_tokens} when {@code --max-tokens} is given, and on OpenRouter its usage accounting
 * ({@code "usage": {"include": true}}), so that every reply says what it cost ({@code usage.cost}).
 */
public final class RequestExtras {
  private RequestExtras() {}

  /** The object merged into every body; null when there is nothing to add. */
  public static ObjectNode merged(URI baseUrl, Integer maxTokens, ObjectNode extraBody) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (maxTokens != null) {
      o.put("max_tokens", maxTokens);
    }
    if (isOpenRouter(baseUrl)) {
      o.putObject("usage").put("include", true);
    }
    if (extraBody != null) {
      o.setAll(extraBody.deepCopy());
    }
    return o.isEmpty() ? null : o;
  }

  /** OpenRouter reports a request's cost only when asked to. */
  static boolean isOpenRouter(URI baseUrl) {
    String host = baseUrl.getHost();
    return host != null && (host.equals("openrouter.ai") || host.endsWith(".openrouter.ai"));
  }
}
