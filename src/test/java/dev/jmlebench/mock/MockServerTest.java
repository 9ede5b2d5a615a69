package dev.jmlebench.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jmlebench.client.ApiFailure;
import dev.jmlebench.client.ApiKey;
import dev.jmlebench.client.ChatClient;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.SharedData;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MockServerTest {
  private final Dataset dataset = SharedData.dataset();

  private ChatClient client(MockServer server, String key) {
    return new ChatClient(new ClientSettings(server.baseUrl(), "m", ApiKey.ofNullable(key), Duration.ofSeconds(10),
        null));
  }

  private Prompt prompt(String id, ImageMode mode) {
    Question q = dataset.question(id).orElseThrow();
    return Prompt.of(q, mode, dataset.imagesDirectory());
  }

  @Test
  void aRequestOutsideV1IsNotAnsweredButToldTheBaseUrlToUse() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      for (String path : new String[] {"/v2/chat/completions", "/chat/completions", "/api/v1/chat/completions"}) {
        var reply = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\": \"demo\", \"messages\": []}"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(path).isEqualTo(404);
        assertThat(reply.body()).as(path).contains("no such endpoint: POST " + path)
            .contains("--base-url " + server.baseUrl());
      }
      assertThat(server.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
    }
  }

  @Test
  void replayAnswersWithTheRecordedResponseAndReasoning() throws Exception {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, dataset, published, MockOptions.INSTANT)) {
      Completion c = client(server, null).complete(prompt("120B-41", ImageMode.BLIND));
      var recorded = published.results().stream().filter(r -> r.questionId().equals("120B-41")).findFirst().orElseThrow();
      assertThat(c.content()).isEqualTo(recorded.rawResponse());
      assertThat(c.reasoning()).isEqualTo(recorded.reasoning());
      assertThat(c.finishReason()).isEqualTo("stop");
      assertThat(c.usage().reasoningTokens()).isEqualTo(recorded.reasoning().length());
      assertThat(server.requests("120B-41")).isEqualTo(1);
      assertThat(server.answered("120B-41")).isEqualTo(1);
    }
  }

  @Test
  void withoutReplayTheAnswerIsGoldExceptEverySeventhQuestion() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      assertThat(client(server, null).complete(prompt("120A-1", ImageMode.BLIND)).content()).endsWith("【回答】a");
      Question seventh = dataset.question("120A-7").orElseThrow();
      assertThat(MockAnswers.deterministic(seventh, seventh.answer())).isNotEqualTo(seventh.answer()).hasSameSizeAs(seventh.answer());
    }
  }

  @Test
  void visionRequestsAreCheckedAgainstTheQuestionsImages() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      client(server, null).complete(prompt("120A-21", ImageMode.VISION));
      assertThat(server.questionsSentWithImages()).containsExactly("120A-21");
      assertThat(server.imageMismatches()).isZero();
      // The images of another question, sent with 120A-21's text, are refused.
      Prompt wrong = new Prompt(prompt("120A-21", ImageMode.BLIND).system(),
          prompt("120A-21", ImageMode.BLIND).userText(), prompt("120A-44", ImageMode.VISION).images());
      ApiFailure f = catchThrowableOfType(ApiFailure.class, () -> client(server, null).complete(wrong));
      assertThat(f.status()).isEqualTo(400);
      assertThat(server.imageMismatches()).isEqualTo(1);
    }
  }

  @Test
  void injectedFaultsReachTheClientAsServerErrorsBrokenConnectionsAndTruncatedJson() {
    MockOptions alwaysFail = MockOptions.INSTANT.withFailRate(0.999);
    Set<ApiFailure.Kind> seen = EnumSet.noneOf(ApiFailure.Kind.class);
    try (MockServer server = MockServer.start(0, dataset, null, alwaysFail)) {
      ChatClient c = client(server, null);
      for (int i = 0; i < 30; i++) {
        long start = System.nanoTime();
        ApiFailure f = catchThrowableOfType(ApiFailure.class, () -> c.complete(prompt("120A-1", ImageMode.BLIND)));
        assertThat(f).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(f.getMessage()).isLessThan(Duration.ofSeconds(2));
        seen.add(f.kind());
        if (f.kind() == ApiFailure.Kind.HTTP) {
          assertThat(f.status()).isEqualTo(500);
        }
      }
      assertThat(server.answered("120A-1")).isZero();
      assertThat(server.requests("120A-1")).isEqualTo(30);
    }
    assertThat(seen).containsExactlyInAnyOrder(ApiFailure.Kind.HTTP, ApiFailure.Kind.CONNECTION,
        ApiFailure.Kind.MALFORMED);
  }

  @Test
  void aboveTheRateLimitItAnswers429WithRetryAfter() {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withRateLimit(2))) {
      ChatClient c = client(server, null);
      ApiFailure limited = null;
      for (int i = 0; i < 5 && limited == null; i++) {
        limited = catchThrowableOfType(ApiFailure.class, () -> c.complete(prompt("120A-1", ImageMode.BLIND)));
      }
      assertThat(limited).isNotNull();
      assertThat(limited.isRateLimited()).isTrue();
      assertThat(limited.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()
          .isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }
  }

  @Test
  void aWrongKeyIs401AndTheEchoedKeyIsRedacted() {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withRequiredKey("right"))) {
      ApiFailure f = catchThrowableOfType(ApiFailure.class,
          () -> client(server, "sk-wrong-123").complete(prompt("120A-1", ImageMode.BLIND)));
      assertThat(f.status()).isEqualTo(401);
      assertThat(f.getMessage()).isEqualTo("HTTP 401: Incorrect API key provided: ***").doesNotContain("sk-wrong");
    }
  }

  @Test
  void itListensOnLoopbackOnly() {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void variedAnswersFollowTheirPatternAndAWrongAnswerIsNeverGold() {
    String[] pattern = {"RRR", "RWR", "WRR", "RWW", "WW-"};
    for (Question q : dataset.questions()) {
      for (int k = 0; k < 6; k++) {
        char expected = pattern[q.number() % 5].charAt(k % 3);
        var answer = MockAnswers.varied(q, q.answer(), k);
        switch (expected) {
          case 'R' -> assertThat(answer).as(q.questionId() + " #" + k).isEqualTo(q.answer());
          case 'W' -> assertThat(answer).as(q.questionId() + " #" + k).isNotNull().isNotEqualTo(q.answer())
              .hasSameSizeAs(q.answer());
          default -> assertThat(answer).as(q.questionId() + " #" + k).isNull();
        }
      }
      if (q.number() % 5 == 3) {
        assertThat(MockAnswers.varied(q, q.answer(), 1)).isNotEqualTo(MockAnswers.varied(q, q.answer(), 2));
      }
    }
  }

  @Test
  void withVariationTheSameQuestionAskedAgainGetsItsNextAnswer() throws Exception {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withVariedAnswers())) {
      ChatClient c = client(server, null);
      // 120B-4: wrong, the same wrong again, then no 【回答】 at all.
      String first = c.complete(prompt("120B-4", ImageMode.BLIND)).content();
      assertThat(c.complete(prompt("120B-4", ImageMode.BLIND)).content()).isEqualTo(first);
      assertThat(first).contains("【回答】").doesNotEndWith("【回答】" + String.join(",", dataset.question("120B-4").orElseThrow().answer()));
      assertThat(c.complete(prompt("120B-4", ImageMode.BLIND)).content()).doesNotContain("【回答】");
      assertThat(server.answered("120B-4")).isEqualTo(3);
    }
  }
}
