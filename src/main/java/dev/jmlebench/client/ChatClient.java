package dev.jmlebench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.NetworkCause;
import dev.jmlebench.common.Throwables;
import dev.jmlebench.prompt.Prompt;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One chat-completions request, one attempt: builds the body (SPEC §2), sends it, and turns the reply into
 * a {@link Completion} or an {@link ApiFailure}. Retrying is {@link ResilientClient}'s job.
 */
public final class ChatClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_TEXT = 300;
  private static final Duration MAX_CONNECT = Duration.ofSeconds(30);

  private final ClientSettings settings;
  private final HttpClient http;
  private final Secrets secrets;

  public ChatClient(ClientSettings settings) {
    this.settings = settings;
    this.secrets = settings.secrets();
    boolean https = "https".equals(settings.baseUrl().getScheme());
    this.http = HttpClient.newBuilder()
        // Cleartext HTTP/2 upgrade requests confuse some local servers; HTTPS negotiates HTTP/2 itself.
        .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout().compareTo(MAX_CONNECT) < 0 ? settings.timeout() : MAX_CONNECT)
        .build();
  }

  public ClientSettings settings() {
    return settings;
  }

  /** The request body: model and messages, then every top-level key of the extra body merged over them. */
  public ObjectNode body(Prompt prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", settings.model());
    body.set("messages", prompt.messages());
    if (settings.extraBody() != null) {
      body.setAll(settings.extraBody().deepCopy());
    }
    return body;
  }

  public Completion complete(Prompt prompt) throws InterruptedException {
    return complete(prompt, settings.timeout());
  }

  /**
   * One request that ends within {@code timeout} whatever the server does: the timeout covers connecting,
   * the headers and the whole body (a body trickled byte by byte, or one that never ends, is cut off), and
   * the body is read up to {@link ClientSettings#maxBodyBytes()}.
   */
  public Completion complete(Prompt prompt, Duration timeout) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body(prompt))));
    if (settings.apiKey() != null) {
      request.header("Authorization", settings.apiKey().headerValue());
    }
    AtomicReference<CappedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request.build(), CappedBody.handler(settings.maxBodyBytes(), body::set));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abort(exchange, body.get());
      throw failure(ApiFailure.Kind.TIMEOUT, 0, null, "no complete answer within " + seconds(timeout));
    } catch (InterruptedException e) {
      abort(exchange, body.get());
      throw e;
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause(), timeout);
    }
    return read(response);
  }

  private static void abort(CompletableFuture<?> exchange, CappedBody body) {
    exchange.cancel(true);
    if (body != null) {
      body.abort();
    }
  }

  private ApiFailure failure(Throwable e, Duration timeout) {
    if (Throwables.hasCause(e, CappedBody.TooLarge.class)) {
      return failure(ApiFailure.Kind.OVERSIZE, 0, null, e.getMessage());
    }
    if (Throwables.hasCause(e, HttpTimeoutException.class)) {
      return failure(ApiFailure.Kind.TIMEOUT, 0, null, "no complete answer within " + seconds(timeout));
    }
    if (Throwables.hasCause(e, ConnectException.class) || Throwables.hasCause(e, UnresolvedAddressException.class)) {
      // NetworkCause reads the whole chain: an unknown host arrives as a ConnectException caused by it.
      return failure(ApiFailure.Kind.UNREACHABLE, 0, null, "cannot reach " + Secrets.publicUrl(settings.baseUrl())
          + ": " + NetworkCause.describe(e, settings.baseUrl().getHost()));
    }
    return failure(ApiFailure.Kind.CONNECTION, 0, null, "connection failed: " + describe(e));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
        d.toMillis() / 1000.0);
  }

  private Completion read(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (status != 200) {
      var headers = response.headers();
      throw failure(ApiFailure.Kind.HTTP, status,
          RetryAfter.parse(headers.firstValue("retry-after-ms").orElse(null),
              headers.firstValue("retry-after").orElse(null), Instant.now()).orElse(null),
          "HTTP " + status + ": " + errorText(text));
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw failure(ApiFailure.Kind.MALFORMED, status, null, "malformed JSON in the reply: " + e.getOriginalMessage());
    }
    JsonNode message = root == null ? null : root.path("choices").path(0).path("message");
    if (message == null || !message.isObject()) {
      throw failure(ApiFailure.Kind.MALFORMED, status, null, "reply has no choices[0].message: " + errorText(text));
    }
    JsonNode choice = root.path("choices").path(0);
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
    return new Usage(intOrNull(u.get("prompt_tokens")), intOrNull(u.get("completion_tokens")), intOrNull(reasoning));
  }

  private static Integer intOrNull(JsonNode n) {
    return n != null && n.canConvertToInt() && n.isNumber() ? n.intValue() : null;
  }

  private static String textOrNull(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  /** The server's own error message when it sent the usual {"error": {"message": ...}}, else the body, cut short. */
  private String errorText(String body) {
    String text = body;
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode m = root == null ? null : root.path("error").get("message");
      if (m != null && m.isTextual()) {
        text = m.textValue();
      }
    } catch (JsonProcessingException e) {
      // not JSON: show the body as it is
    }
    text = text.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "(empty body)";
    }
    // Redacted before it is cut: a cut through an echoed key would otherwise show most of it.
    return secrets.cut(text, MAX_ERROR_TEXT);
  }

  private ApiFailure failure(ApiFailure.Kind kind, int status, Duration retryAfter, String message) {
    return new ApiFailure(kind, status, retryAfter, secrets.redact(message));
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }


  private static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
