package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.testing.HostileServer;
import dev.jmlebench.testing.SharedData;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each attack of issue 10 on the client, reproduced against {@link HostileServer}; each test is bounded in time. */
@Timeout(60)
class HostileServerTest {
  private static final String KEY = "sk-secret-XYZ123abc";
  private final Dataset dataset = SharedData.dataset();
  private final Prompt prompt = Prompt.of(dataset.question("120A-1").orElseThrow(), ImageMode.BLIND,
      dataset.imagesDirectory());

  private static ChatClient chat(URI url, Duration timeout, long maxBody) {
    return (ChatClient) api(ApiKind.OPENAI, url, timeout, maxBody);
  }

  /** Both APIs send through the one hardened exchange ({@link JsonHttp}): each attack is tried on both. */
  private static ModelApi api(ApiKind kind, URI url, Duration timeout, long maxBody) {
    return kind.client(new ClientSettings(url, "m", ApiKey.ofNullable(KEY), timeout, null, maxBody));
  }

  private static ResilientClient resilient(URI url, Duration timeout, int maxRetries, Duration budget) {
    return new ResilientClient(chat(url, timeout, ClientSettings.DEFAULT_MAX_BODY_BYTES),
        new RetrySettings(maxRetries, budget, Duration.ofMillis(100), Duration.ofSeconds(2)), new AdaptiveLimiter(4));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void theTimeoutCoversABodyTrickledOneByteAtATime(ApiKind kind) throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.tricklingBody(200))) {
      long start = System.nanoTime();
      ApiFailure f = catchFailure(() -> api(kind, server.baseUrl(), Duration.ofSeconds(1), 1 << 20).complete(prompt));
      assertThat(f.kind()).isEqualTo(ApiFailure.Kind.TIMEOUT);
      assertThat(since(start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void theTimeoutCoversAChunkedBodyThatNeverEnds(ApiKind kind) throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.endlessChunkedBody())) {
      long start = System.nanoTime();
      ApiFailure f = catchFailure(() -> api(kind, server.baseUrl(), Duration.ofSeconds(1), 1 << 20).complete(prompt));
      assertThat(f.kind()).isEqualTo(ApiFailure.Kind.TIMEOUT);
      assertThat(since(start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void theRetryBudgetBoundsAQuestionsWholeTimeEvenWhenOneAttemptCouldTakeLonger() throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.endlessChunkedBody())) {
      long start = System.nanoTime();
      Answer a = resilient(server.baseUrl(), Duration.ofSeconds(30), 5, Duration.ofMillis(1500)).ask(prompt);
      assertThat(a.ok()).isFalse();
      assertThat(since(start)).isLessThan(Duration.ofMillis(3500));
    }
  }

  @Test
  void retryAfterZeroOnEvery429DoesNotShortenTheBackoffAndTheRequestsStayFew() throws Exception {
    HostileServer.Behaviour always429 = (r, out) ->
        HostileServer.json(out, 429, Map.of("Retry-After", "0"), "{\"error\":{\"message\":\"slow down\"}}");
    try (HostileServer server = HostileServer.start(always429)) {
      long start = System.nanoTime();
      Answer a = resilient(server.baseUrl(), Duration.ofSeconds(5), 2, Duration.ofSeconds(2)).ask(prompt);
      assertThat(a.ok()).isFalse();
      // Backoff 0.1, 0.2, 0.4, 0.8 s (+ jitter) fits 4 or 5 requests into 2 s; without the floor, thousands.
      assertThat(server.requests()).isBetween(3, 6);
      assertThat(since(start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aRetryAfterDateInThePastIsNoShorterThanTheBackoff() throws Exception {
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
    HostileServer.Behaviour always503 = (r, out) ->
        HostileServer.json(out, 503, Map.of("Retry-After", past), "{\"error\":{\"message\":\"busy\"}}");
    try (HostileServer server = HostileServer.start(always503)) {
      Answer a = resilient(server.baseUrl(), Duration.ofSeconds(5), 100, Duration.ofSeconds(2)).ask(prompt);
      assertThat(a.ok()).isFalse();
      assertThat(server.requests()).isBetween(3, 6);
    }
  }

  @Test
  void aRetryAfterLongerThanTheBudgetEndsTheQuestionAtOnce() throws Exception {
    HostileServer.Behaviour wait300 = (r, out) ->
        HostileServer.json(out, 429, Map.of("Retry-After", "300"), "{\"error\":{\"message\":\"later\"}}");
    try (HostileServer server = HostileServer.start(wait300)) {
      long start = System.nanoTime();
      Answer a = resilient(server.baseUrl(), Duration.ofSeconds(5), 2, Duration.ofSeconds(2)).ask(prompt);
      assertThat(a.ok()).isFalse();
      assertThat(server.requests()).isEqualTo(1);
      assertThat(since(start)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void aKeyEchoedAcrossTheCutOfAnErrorMessageIsHiddenWhole(ApiKind kind) throws Exception {
    for (int at = 282; at < 300; at++) {
      String message = "x".repeat(at) + KEY + " was rejected";
      HostileServer.Behaviour echo = (r, out) ->
          HostileServer.json(out, 400, Map.of(), "{\"error\":{\"message\":" + HostileServer.quote(message) + "}}");
      try (HostileServer server = HostileServer.start(echo)) {
        ApiFailure f = catchFailure(() -> api(kind, server.baseUrl(), Duration.ofSeconds(5), 1 << 20).complete(prompt));
        assertThat(f.getMessage()).as("key at %d", at).doesNotContain(KEY.substring(0, 4)).contains("***");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void aReplyLargerThanTheCapIsAnErrorOfThatQuestionAndIsNotAskedAgain(ApiKind kind) throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.hugeBody(50))) {
      ResilientClient c = new ResilientClient(api(kind, server.baseUrl(), Duration.ofSeconds(20), 1 << 20),
          new RetrySettings(3, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(1)),
          new AdaptiveLimiter(1));
      Answer a = c.ask(prompt);
      assertThat(a.failure().kind()).isEqualTo(ApiFailure.Kind.OVERSIZE);
      assertThat(a.failure().getMessage()).contains("larger than 1048576 bytes");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void aKeyInTheBaseUrlTravelsOnlyInTheRequestAndIsNeverInAMessage() throws Exception {
    AtomicReference<HostileServer.Request> seen = new AtomicReference<>();
    HostileServer.Behaviour echo = (r, out) -> {
      seen.set(r);
      HostileServer.json(out, 400, Map.of(), "{\"error\":{\"message\":\"bad " + r.path() + "\"}}");
    };
    try (HostileServer server = HostileServer.start(echo)) {
      URI url = URI.create("http://user:pw-" + KEY + "@127.0.0.1:" + server.baseUrl().getPort() + "/v1?api-key="
          + KEY);
      ChatClient c = new ChatClient(new ClientSettings(url, "m", null, Duration.ofSeconds(5), null));
      ApiFailure f = catchFailure(() -> c.complete(prompt));
      assertThat(seen.get().path()).isEqualTo("/v1/chat/completions?api-key=" + KEY);
      assertThat(f.getMessage()).contains("bad /v1/chat/completions?api-key=***").doesNotContain(KEY);
      assertThat(Secrets.publicUrl(url).toString()).isEqualTo("http://***@127.0.0.1:" + url.getPort()
          + "/v1?api-key=***");
    }
  }

  @Test
  void anAnthropicBatchWhoseResultsAreOnAnotherServerIsNotFetchedWithTheKey() throws Exception {
    try (HostileServer elsewhere = HostileServer.start((r, out) -> HostileServer.json(out, 200, Map.of(), "")) ) {
      String away = "http://localhost:" + elsewhere.baseUrl().getPort() + "/steal";
      HostileServer.Behaviour pointsAway = (r, out) -> HostileServer.json(out, 200, Map.of(),
          "{\"id\":\"msgbatch_1\",\"processing_status\":\"ended\",\"request_counts\":{\"succeeded\":1},"
              + "\"results_url\":" + HostileServer.quote(away) + "}");
      try (HostileServer server = HostileServer.start(pointsAway)) {
        var batches = ApiKind.ANTHROPIC.batches(new ClientSettings(server.baseUrl(), "m", ApiKey.ofNullable(KEY),
            Duration.ofSeconds(5), null));
        var ended = batches.status("msgbatch_1");
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> batches.outcomes(ended, (id, o) -> { }), dev.jmlebench.client.batch.BatchApi.Refused.class);
        assertThat(refused.getMessage()).contains("the results are on another server").doesNotContain(KEY);
        assertThat(elsewhere.requests()).as("nothing sent to the other server").isZero();
      }
    }
  }

  private interface Call {
    Completion run() throws Exception;
  }

  private static ApiFailure catchFailure(Call call) throws Exception {
    try {
      call.run();
    } catch (ApiFailure f) {
      return f;
    }
    throw new AssertionError("expected an ApiFailure");
  }
}
