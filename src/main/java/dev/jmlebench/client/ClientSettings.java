package dev.jmlebench.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to ask: the OpenAI-compatible base URL, the model, the key (null for a server that needs
 * none), the timeout of one whole request (connect, headers and body), the {@code --extra-body} object merged
 * into every request body, and the most bytes of a reply body read.
 */
public record ClientSettings(URI baseUrl, String model, ApiKey apiKey, Duration timeout, ObjectNode extraBody,
    long maxBodyBytes) {
  /** Generous for any chat completion (long reasoning is well under 1 MB), small enough for many in parallel. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

  public ClientSettings {
    String problem = baseUrlProblem(baseUrl);
    if (problem != null) {
      throw new IllegalArgumentException("base URL: " + problem);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout should be positive, not " + timeout);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body size cap should be positive, not " + maxBodyBytes);
    }
  }

  /** What is wrong with a base URL, or null when it is an http(s) URL with a host. */
  public static String baseUrlProblem(URI url) {
    if (url.getScheme() == null || url.getHost() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      return "expected http(s)://HOST[:PORT]/PATH, not '" + Secrets.publicUrl(url) + "'";
    }
    return null;
  }

  public ClientSettings(URI baseUrl, String model, ApiKey apiKey, Duration timeout, ObjectNode extraBody) {
    this(baseUrl, model, apiKey, timeout, extraBody, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * {@code POST {base_url}/chat/completions} (SPEC §2); a trailing slash on the base URL is allowed, and a
   * query (some gateways take the key there) stays after the path.
   */
  public URI chatCompletions() {
    return endpoint("chat/completions");
  }

  /**
   * {@code {base_url}/PATH}, e.g. {@code messages} or {@code batches/ID}: a trailing slash on the base URL is
   * allowed, and a query (some gateways take the key there) stays after the path.
   */
  public URI endpoint(String relative) {
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    // Userinfo is left out: the client has no use for it, and it must not travel in a request line.
    String host = baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
    String base = baseUrl.getScheme() + "://" + host + path;
    return URI.create((base.endsWith("/") ? base : base + "/") + relative
        + (baseUrl.getRawQuery() == null ? "" : "?" + baseUrl.getRawQuery()));
  }

  /** The key and any credentials in the base URL, to be kept out of everything written or shown. */
  public Secrets secrets() {
    return Secrets.of(apiKey, baseUrl);
  }

  /** Whether the server is on this machine, where a key is usually not needed. */
  public static boolean isLoopback(URI url) {
    String host = url.getHost();
    return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("::1"));
  }
}
