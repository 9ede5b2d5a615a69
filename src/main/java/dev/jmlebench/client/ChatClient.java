package dev.jmlebench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Throwables;
import dev.jmlebench.prompt.Prompt;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

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

  public ChatClient(ClientSettings settings) {
    this.settings = settings;
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
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body(prompt))));
    if (settings.apiKey() != null) {
      request.header("Authorization", settings.apiKey().headerValue());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw failure(ApiFailure.Kind.TIMEOUT, 0, null, "no answer within " + settings.timeout().toSeconds() + " s");
    } catch (ConnectException e) {
      throw failure(ApiFailure.Kind.UNREACHABLE, 0, null, "cannot reach " + settings.baseUrl() + ": "
          + (e.getMessage() == null ? "connection refused" : e.getMessage()));
    } catch (IOException e) {
      if (Throwables.hasCause(e, UnresolvedAddressException.class)) {
        throw failure(ApiFailure.Kind.UNREACHABLE, 0, null, "cannot reach " + settings.baseUrl() + ": unknown host");
      }
      throw failure(ApiFailure.Kind.CONNECTION, 0, null, "connection failed: " + describe(e));
    }
    return read(response);
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
  private static String errorText(String body) {
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
    return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
  }

  private ApiFailure failure(ApiFailure.Kind kind, int status, Duration retryAfter, String message) {
    return new ApiFailure(kind, status, retryAfter, ApiKey.redact(settings.apiKey(), message));
  }

  private static String describe(IOException e) {
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
