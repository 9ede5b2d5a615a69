package dev.jmlebench.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to ask: the OpenAI-compatible base URL, the model, the key (null for a server that needs
 * none), the timeout of one request, and the {@code --extra-body} object merged into every request body.
 */
public record ClientSettings(URI baseUrl, String model, ApiKey apiKey, Duration timeout, ObjectNode extraBody) {
  public ClientSettings {
    String problem = baseUrlProblem(baseUrl);
    if (problem != null) {
      throw new IllegalArgumentException("base URL: " + problem);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout should be positive, not " + timeout);
    }
  }

  /** What is wrong with a base URL, or null when it is an http(s) URL with a host. */
  public static String baseUrlProblem(URI url) {
    if (url.getScheme() == null || url.getHost() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      return "expected http(s)://HOST[:PORT]/PATH, not '" + url + "'";
    }
    return null;
  }

  /** {@code POST {base_url}/chat/completions} (SPEC §2); a trailing slash on the base URL is allowed. */
  public URI chatCompletions() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }

  /** Whether the server is on this machine, where a key is usually not needed. */
  public static boolean isLoopback(URI url) {
    String host = url.getHost();
    return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("::1"));
  }
}
