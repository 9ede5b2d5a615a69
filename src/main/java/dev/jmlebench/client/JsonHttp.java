package dev.jmlebench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.common.NetworkCause;
import dev.jmlebench.common.Throwables;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One HTTP exchange with a model provider, the one path for every API this tool speaks (chat completions,
 * Anthropic Messages, the batch endpoints). Whatever the server does, an exchange ends within its timeout
 * (connecting, the headers and the whole body: a body trickled byte by byte is cut off), reads at most a
 * capped number of bytes, and fails as an {@link ApiFailure} whose message holds neither the key nor the
 * base URL's credentials ({@link Secrets}). Whether to retry is decided above.
 */
public final class JsonHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_TEXT = 300;
  private static final Duration MAX_CONNECT = Duration.ofSeconds(30);

  private final ClientSettings settings;
  private final Map<String, String> authHeaders;
  private final Secrets secrets;
  private final HttpClient http;

  /** @param authHeaders the headers that carry the key (never logged, never written) */
  public JsonHttp(ClientSettings settings, Map<String, String> authHeaders) {
    this.settings = settings;
    this.authHeaders = Map.copyOf(authHeaders);
    this.secrets = settings.secrets();
    boolean https = "https".equals(settings.baseUrl().getScheme());
    this.http = HttpClient.newBuilder()
        // Cleartext HTTP/2 upgrade requests confuse some local servers; HTTPS negotiates HTTP/2 itself.
        .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout().compareTo(MAX_CONNECT) < 0 ? settings.timeout() : MAX_CONNECT)
        .build();
  }

  /** The OpenAI-style {@code Authorization: Bearer KEY}, or none without a key. */
  public static Map<String, String> bearer(ApiKey key) {
    return key == null ? Map.of() : Map.of("Authorization", key.headerValue());
  }

  /** The key in a header of its own ({@code x-api-key: KEY}, Anthropic's way), or none without a key. */
  public static Map<String, String> keyHeader(ApiKey key, String name) {
    return key == null ? Map.of() : Map.of(name, key.value());
  }

  /** A reply that arrived, with any status. */
  public record Reply(int status, byte[] body, HttpHeaders headers) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** POSTs a JSON body; the exchange ends within {@code timeout}, its reply capped at the settings' size. */
  public Reply postJson(URI url, byte[] body, Map<String, String> headers, Duration timeout)
      throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b, timeout, settings.maxBodyBytes());
  }

  public Reply postJson(URI url, byte[] body, Map<String, String> headers) throws InterruptedException {
    return postJson(url, body, headers, settings.timeout());
  }

  public Reply post(URI url, HttpRequest.BodyPublisher body, String contentType) throws InterruptedException {
    return send(HttpRequest.newBuilder(url).header("Content-Type", contentType).POST(body), settings.timeout(),
        settings.maxBodyBytes());
  }

  public Reply get(URI url) throws InterruptedException {
    return get(url, settings.maxBodyBytes());
  }

  /** A GET whose reply may be up to {@code maxBytes} (a batch's output file holds many replies). */
  public Reply get(URI url, long maxBytes) throws InterruptedException {
    return send(HttpRequest.newBuilder(url).GET(), settings.timeout(), maxBytes);
  }

  /** A body read to a file instead of memory: a batch's output of many replies. */
  public record Download(int status, Path file, long bytes, HttpHeaders headers) {}

  /** The most of an error reply's body kept for its message. */
  private static final long MAX_ERROR_BODY = 64 << 10;
  /** The least time a download may take: a large output file is not read in a chat request's timeout. */
  private static final Duration MIN_DOWNLOAD_TIME = Duration.ofMinutes(30);

  /**
   * A GET whose body goes to {@code to} as it arrives, so memory holds none of it: at most {@code maxBytes}
   * of a 2xx body (a larger one fails as {@link ApiFailure.Kind#OVERSIZE}); any other status fails as
   * {@link #json} says, with at most 64 kB of its body read for the message. The whole exchange ends within
   * the settings' timeout or 30 minutes, whichever is longer.
   */
  public Download download(URI url, long maxBytes, Path to) throws InterruptedException {
    Duration timeout = settings.timeout().compareTo(MIN_DOWNLOAD_TIME) > 0 ? settings.timeout() : MIN_DOWNLOAD_TIME;
    HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout);
    authHeaders.forEach(request::header);
    AtomicReference<CappedFile> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<Long>> exchange = http.sendAsync(request.build(), info -> {
      CappedFile f = new CappedFile(to, info.statusCode() / 100 == 2 ? maxBytes : MAX_ERROR_BODY,
          info.headers().firstValueAsLong("content-length").orElse(-1), info.statusCode() / 100 != 2);
      body.set(f);
      return f;
    });
    HttpResponse<Long> r;
    try {
      r = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      if (body.get() != null) {
        body.get().abort();
      }
      throw failure(ApiFailure.Kind.TIMEOUT, 0, null, "no complete answer within " + seconds(timeout));
    } catch (InterruptedException e) {
      exchange.cancel(true);
      if (body.get() != null) {
        body.get().abort();
      }
      throw e;
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause(), timeout);
    }
    if (r.statusCode() / 100 != 2) {
      byte[] text;
      try {
        text = java.nio.file.Files.readAllBytes(to);
      } catch (java.io.IOException e) {
        text = new byte[0];
      }
      json(new Reply(r.statusCode(), text, r.headers()));
    }
    return new Download(r.statusCode(), to, r.body(), r.headers());
  }

  /**
   * Sends on the calling thread ({@link HttpClient#send}: {@code sendAsync} hands every reply to another thread, a
   * new one per request where the common pool has a single thread, as on two cores). The request's timeout covers
   * connecting and the headers; a watchdog ends a body still arriving when the whole exchange's time is up.
   */
  private Reply send(HttpRequest.Builder request, Duration timeout, long maxBytes) throws InterruptedException {
    request.timeout(timeout);
    authHeaders.forEach(request::header);
    AtomicReference<CappedBody> body = new AtomicReference<>();
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      late.set(true);
      CappedBody b = body.get();
      if (b != null) {
        b.abort();
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      HttpResponse<byte[]> r = http.send(request.build(), CappedBody.handler(maxBytes, b -> {
        body.set(b);
        if (late.get()) {
          b.abort(); // the time ran out between the headers and the body's start
        }
      }));
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      if (late.get() && !Throwables.hasCause(e, CappedBody.TooLarge.class)) {
        throw failure(ApiFailure.Kind.TIMEOUT, 0, null, "no complete answer within " + seconds(timeout));
      }
      throw failure(e, timeout);
    } catch (InterruptedException e) {
      CappedBody b = body.get();
      if (b != null) {
        b.abort();
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  /** Ends the bodies whose exchange ran out of time; one thread for all, holding nothing between deadlines. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "jmle-bench-http-deadlines");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  private ApiFailure failure(Throwable e, Duration timeout) {
    if (Throwables.hasCause(e, CappedBody.TooLarge.class) || Throwables.hasCause(e, CappedFile.TooLarge.class)) {
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

  /**
   * The JSON of a 2xx reply; any other status is a failure with the server's message and its Retry-After,
   * a body that is not JSON a malformed reply.
   */
  public JsonNode json(Reply r) {
    if (r.status() / 100 != 2) {
      throw failure(ApiFailure.Kind.HTTP, r.status(),
          RetryAfter.parse(r.headers().firstValue("retry-after-ms").orElse(null),
              r.headers().firstValue("retry-after").orElse(null), Instant.now()).orElse(null),
          "HTTP " + r.status() + ": " + errorText(r.text()));
    }
    JsonNode root;
    try {
      root = JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw failure(ApiFailure.Kind.MALFORMED, r.status(), null, "malformed JSON in the reply: "
          + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw failure(ApiFailure.Kind.MALFORMED, r.status(), null, "unreadable reply: " + describe(e));
    }
    if (root == null || root.isMissingNode()) {
      throw failure(ApiFailure.Kind.MALFORMED, r.status(), null, "empty reply");
    }
    return root;
  }

  /**
   * One model request: POSTs {@code body} and reads the reply with {@code read}; a reply in which it finds
   * nothing is malformed ({@code missing} says what was missing).
   */
  public Completion complete(URI url, JsonNode body, Duration timeout, Function<JsonNode, Completion> read,
      String missing) throws InterruptedException {
    Reply reply = postJson(url, bytes(body), Map.of(), timeout);
    Completion c = read.apply(json(reply));
    if (c == null) {
      throw malformed(reply, missing);
    }
    return c;
  }

  /** A reply of the wrong shape: {@code what} says what was missing; the body follows, cut short. */
  public ApiFailure malformed(Reply r, String what) {
    return failure(ApiFailure.Kind.MALFORMED, r.status(), null, what + ": " + errorText(r.text()));
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

  /** A failure whose message has every secret hidden. */
  public ApiFailure failure(ApiFailure.Kind kind, int status, Duration retryAfter, String message) {
    return new ApiFailure(kind, status, retryAfter, secrets.redact(message));
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** The bytes of a JSON tree. */
  public static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
