package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.testing.SharedData;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilientClientTest {
  private final Dataset dataset = SharedData.dataset();
  private final Prompt prompt = Prompt.of(dataset.question("120A-1").orElseThrow(), ImageMode.BLIND,
      dataset.imagesDirectory());

  private static ResilientClient client(URI url, String key, int maxRetries, Duration budget) {
    ChatClient chat = new ChatClient(new ClientSettings(url, "m", ApiKey.ofNullable(key), Duration.ofSeconds(10), null));
    return new ResilientClient(chat, new RetrySettings(maxRetries, budget, Duration.ofMillis(5), Duration.ofMillis(20)),
        new AdaptiveLimiter(4));
  }

  @Test
  void transientFailuresAreRetriedUpToMaxRetriesThenReported() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withFailRate(0.999))) {
      ResilientClient c = client(server.baseUrl(), null, 2, Duration.ofMinutes(1));
      Answer a = c.ask(prompt);
      assertThat(a.ok()).isFalse();
      assertThat(a.attempts()).isEqualTo(3);
      assertThat(server.requests("120A-1")).isEqualTo(3);
      assertThat(c.retries()).isEqualTo(2);
    }
  }

  @Test
  void theRetryBudgetEndsRetryingWhateverMaxRetriesAllows() throws Exception {
    MockOptions slowFailures = MockOptions.INSTANT.withFailRate(0.999).withLatency(Duration.ofMillis(100));
    try (MockServer server = MockServer.start(0, dataset, null, slowFailures)) {
      long start = System.nanoTime();
      Answer a = client(server.baseUrl(), null, 1000, Duration.ofMillis(400)).ask(prompt);
      assertThat(a.ok()).isFalse();
      assertThat(a.attempts()).isBetween(1, 6);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void rateLimitsAreWaitedOutWithoutCountingAsRetries() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withRateLimit(2))) {
      ResilientClient c = client(server.baseUrl(), null, 0, Duration.ofMinutes(1));
      assertThat(c.ask(prompt).ok()).isTrue();
      Answer second = c.ask(prompt);
      assertThat(second.ok()).isTrue();
      assertThat(second.attempts()).isGreaterThanOrEqualTo(2);
      assertThat(server.rateLimitedRequests()).isPositive();
      assertThat(c.limiter().report().decreases()).isPositive();
    }
  }

  @Test
  void aRejectedKeyIsNotRetried() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withRequiredKey("k"))) {
      Answer a = client(server.baseUrl(), "wrong", 5, Duration.ofMinutes(1)).ask(prompt);
      assertThat(a.failure().status()).isEqualTo(401);
      assertThat(a.attempts()).isEqualTo(1);
    }
  }

  @Test
  void aServerThatWasNeverReachedIsNotRetried() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Answer a = client(URI.create("http://127.0.0.1:" + closed + "/v1"), null, 5, Duration.ofMinutes(1)).ask(prompt);
    assertThat(a.failure().kind()).isEqualTo(ApiFailure.Kind.UNREACHABLE);
    assertThat(a.failure().getMessage()).isEqualTo("cannot reach http://127.0.0.1:" + closed + "/v1: connection refused");
    assertThat(a.attempts()).isEqualTo(1);
  }

  @Test
  void anUnknownHostIsReportedAsAnUnknownHostNotAsARefusedConnection() throws Exception {
    Answer a = client(URI.create("http://no-such-host.invalid/v1"), null, 5, Duration.ofMinutes(1)).ask(prompt);

    assertThat(a.failure().kind()).isEqualTo(ApiFailure.Kind.UNREACHABLE);
    assertThat(a.failure().getMessage()).isEqualTo("cannot reach http://no-such-host.invalid/v1: unknown host "
        + "no-such-host.invalid (no DNS answer: check the name and the network)");
    assertThat(a.attempts()).isEqualTo(1);
  }

  @Test
  void theBodyIsModelAndMessagesWithTheExtraBodyMergedOnTop() throws Exception {
    var extra = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree("{\"temperature\": 0, \"reasoning\": {\"enabled\": true}}");
    ChatClient chat = new ChatClient(new ClientSettings(URI.create("http://127.0.0.1:1/v1"), "org/m", null,
        Duration.ofSeconds(1), extra));
    var body = chat.body(prompt);
    assertThat(body.fieldNames()).toIterable().containsExactly("model", "messages", "temperature", "reasoning");
    assertThat(body.get("model").asText()).isEqualTo("org/m");
    assertThat(body.get("messages")).isEqualTo(prompt.messages());
    assertThat(body.get("reasoning").get("enabled").asBoolean()).isTrue();
    assertThat(chat.settings().chatCompletions()).isEqualTo(URI.create("http://127.0.0.1:1/v1/chat/completions"));
  }
}
