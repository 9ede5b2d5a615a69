package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.FileTexts;
import dev.jmlebench.testing.HostileServer;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run-side attacks of issue 10 through the CLI: keys, hangs, concurrent runs, resume of other files. */
@Timeout(120)
class HostileRunTest {
  private static final String KEY = "sk-secret-XYZ123abc";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private Cli.Outcome run(String baseUrl, Path out, String... more) {
    String[] base = {"run", "--model", "m", "--base-url", baseUrl, "--dataset", DATASET, "--out", out.toString(),
        "--blocks", "B", "--parallel", "50"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return Cli.run(all);
  }

  private static String everything(Path folder) {
    return String.join("", FileTexts.below(folder));
  }

  @Test
  void aKeyEchoedInAnswersAndReasoningIsWrittenNowhereAndShownNowhere() throws Exception {
    HostileServer.Behaviour echo = (r, out) -> HostileServer.json(out, 200, Map.of(),
        HostileServer.completion("【回答】a\nYour key is " + r.key(), "I was called with " + r.key(), "stop"));
    try (HostileServer server = HostileServer.start(echo)) {
      Path out = dir.resolve("results/echo.json");
      Cli.Outcome o = run(server.baseUrl().toString(), out, "--api-key", KEY, "--cache",
          dir.resolve("cache").toString());
      assertThat(o.exitCode()).as(o.err()).isZero();
      String files = everything(dir);
      assertThat(files).contains("Your key is ***").contains("I was called with ***").doesNotContain(KEY);
      assertThat(FileTexts.cacheEntries(dir.resolve("cache"))).as("the response cache's stored replies").isNotEmpty()
          .allSatisfy(reply -> assertThat(reply).contains("Your key is ***").doesNotContain(KEY));
      assertThat(o.out() + o.err()).doesNotContain(KEY);
    }
  }

  /**
   * Replies as some OpenAI-compatible services send them (SPEC §2 as the published tool reads them): content as
   * a list of parts, the answer in reasoning_content beside an empty reasoning, an empty reasoning alone.
   */
  @Test
  void answersInAListOfPartsOrInReasoningContentAreGradedAndAnEmptyReasoningWritesNone() throws Exception {
    JsonNode parts = replyOf("{\"content\": [{\"type\": \"thinking\", \"thinking\": \"考える\"}, {\"type\": "
        + "\"text\", \"text\": \"【回答】\"}, {\"type\": \"text\", \"text\": \"a\"}]}", "parts");
    assertThat(parts.path("raw_response").asText()).isEqualTo("【回答】a");
    assertThat(parts.path("reasoning").asText()).isEqualTo("考える");
    assertThat(parts.path("predicted").toString()).isEqualTo("[\"a\"]");

    JsonNode fallback = replyOf("{\"content\": \"わからない\", \"reasoning\": \"\", \"reasoning_content\": "
        + "\"【回答】b\"}", "fallback");
    assertThat(fallback.path("raw_response").asText()).isEqualTo("わからない");
    assertThat(fallback.path("reasoning").asText()).isEqualTo("【回答】b");
    assertThat(fallback.path("parse_success").asBoolean()).as("graded from reasoning_content").isTrue();
    assertThat(fallback.path("predicted").toString()).isEqualTo("[\"b\"]");

    JsonNode empty = replyOf("{\"content\": \"【回答】a\", \"reasoning\": \"\"}", "empty");
    assertThat(empty.has("reasoning")).as("'' or None is None: no reasoning field").isFalse();
    assertThat(empty.path("predicted").toString()).isEqualTo("[\"a\"]");
  }

  /** The first result of a run of two questions against a server that sends {@code message} every time. */
  private JsonNode replyOf(String message, String name) throws Exception {
    HostileServer.Behaviour reply = (r, out) -> HostileServer.json(out, 200, Map.of(),
        "{\"choices\": [{\"message\": " + message + ", \"finish_reason\": \"stop\"}]}");
    try (HostileServer server = HostileServer.start(reply)) {
      Path out = dir.resolve("results/" + name + ".json");
      Cli.Outcome o = run(server.baseUrl().toString(), out, "--limit", "2");
      assertThat(o.exitCode()).as(o.err()).isZero();
      return JSON.readTree(out.toFile()).path("results").get(0);
    }
  }

  @Test
  void aContentOfAShapeTheClientCannotReadIsAnErrorNeverAnEmptyAnswer() throws Exception {
    HostileServer.Behaviour odd = (r, out) -> HostileServer.json(out, 200, Map.of(),
        "{\"choices\": [{\"message\": {\"content\": [{\"type\": \"image_url\", \"image_url\": {}}]}}]}");
    try (HostileServer server = HostileServer.start(odd)) {
      Path out = dir.resolve("results/odd.json");
      Cli.Outcome o = run(server.baseUrl().toString(), out, "--max-retries", "1", "--limit", "2");
      // Both questions failed — counted as errors, never as empty answers — and a run that saved no answer
      // writes no file (issue 21.18): the same command asks them again later.
      assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
      assertThat(server.requests()).as("retried: asked twice each").isEqualTo(4);
      assertThat(o.err()).contains("no question was answered (2 failed, the last with reply has no readable "
          + "choices[0].message").contains("nothing saved, no result file written");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aKeyInsideTheBaseUrlIsNeitherStoredNorShown() throws Exception {
    // Every other request fails, echoing the path: a server failing all would be given up on with no file written.
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    HostileServer.Behaviour fail = (r, out) -> {
      if (n.getAndIncrement() % 2 == 0) {
        HostileServer.json(out, 500, Map.of(), "{\"error\":{\"message\":\"cannot serve " + r.path() + "\"}}");
      } else {
        HostileServer.json(out, 200, Map.of(), HostileServer.completion("【回答】a", null, "stop"));
      }
    };
    try (HostileServer server = HostileServer.start(fail)) {
      String url = "http://u:" + KEY + "@127.0.0.1:" + server.baseUrl().getPort() + "/v1?api-key=" + KEY;
      Path out = dir.resolve("results/url.json");
      Cli.Outcome o = run(url, out, "--max-retries", "0");
      assertThat(o.exitCode()).as(o.err()).isEqualTo(1);
      assertThat(everything(dir)).contains("\"base_url\": \"http://***@127.0.0.1:").doesNotContain(KEY);
      assertThat(o.out() + o.err()).contains("?api-key=***").doesNotContain(KEY);
    }
  }

  @Test
  void aRunAgainstABodyThatNeverEndsFinishesWithinTheRetryBudget() throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.endlessChunkedBody())) {
      long start = System.nanoTime();
      Cli.Outcome o = run(server.baseUrl().toString(), dir.resolve("hang.json"), "--timeout", "1",
          "--retry-budget", "0.05");
      // Every question ends within its budget; as every one ends alike, the run gives up after a round of them.
      assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(o.out()).isLessThan(Duration.ofSeconds(60));
      assertThat(o.err()).contains("questions all failed the same way (no complete answer within");
    }
  }

  @Test
  void aReplyOverTheBodyCapIsAnErrorOfItsQuestion() throws Exception {
    // Every other reply is over the cap: a server sending only such replies would be given up on, no file written.
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    HostileServer.Behaviour huge = HostileServer.hugeBody(3);
    HostileServer.Behaviour sometimes = (r, out) -> {
      if (n.getAndIncrement() % 2 == 0) {
        huge.reply(r, out);
      } else {
        HostileServer.json(out, 200, Map.of(), HostileServer.completion("【回答】a", null, "stop"));
      }
    };
    try (HostileServer server = HostileServer.start(sometimes)) {
      Path out = dir.resolve("big.json");
      Cli.Outcome o = run(server.baseUrl().toString(), out, "--max-body-mb", "1");
      assertThat(o.exitCode()).as(o.err()).isEqualTo(1);
      JsonNode failed = java.util.stream.StreamSupport.stream(JSON.readTree(out.toFile()).path("results").spliterator(),
          false).filter(q -> !q.path("error").isNull()).findFirst().orElseThrow();
      assertThat(failed.path("error").asText()).contains("larger than 1048576 bytes");
      assertThat(server.requests()).isEqualTo(50);
    }
  }

  @Test
  void aSecondRunOnTheSameOutStopsAtOnceNamingTheProcessThatHoldsIt() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HostileServer.Behaviour slow = (r, out) -> {
      asked.countDown();
      release.await(60, TimeUnit.SECONDS);
      HostileServer.json(out, 200, Map.of(), HostileServer.completion("【回答】a", null, "stop"));
    };
    try (HostileServer server = HostileServer.start(slow)) {
      Path out = dir.resolve("busy.json");
      CompletableFuture<Cli.Outcome> first = CompletableFuture.supplyAsync(() ->
          run(server.baseUrl().toString(), out));
      assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
      Cli.Outcome second = run(server.baseUrl().toString(), out);
      int askedBySecond = server.requests();
      release.countDown();
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err()).contains("in use by another run (process " + ProcessHandle.current().pid() + ")")
          .doesNotContain("Exception");
      assertThat(first.get(60, TimeUnit.SECONDS).exitCode()).isZero();
      assertThat(askedBySecond).isLessThanOrEqualTo(50);
      assertThat(server.requests()).isEqualTo(50);
      assertThat(dir.resolve("busy.lock")).doesNotExist();
    }
  }

  /** The server of a run and its resume: its base URL is part of what the run is. */
  private MockServer server;

  @org.junit.jupiter.api.AfterEach
  void stopTheServer() {
    if (server != null) {
      server.close();
    }
  }

  private MockServer server() {
    if (server == null) {
      server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT);
    }
    return server;
  }

  /** A finished run of block B by the mock server, the file then edited by {@code edit}. */
  private Path earlierRun(java.util.function.Consumer<ObjectNode> edit) throws Exception {
    Path out = dir.resolve("results/earlier.json");
    assertThat(run(server().baseUrl().toString(), out).exitCode()).isZero();
    ObjectNode root = (ObjectNode) JSON.readTree(out.toFile());
    edit.accept(root);
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return out;
  }

  private Cli.Outcome resume(Path file, String... more) throws Exception {
    return run(server().baseUrl().toString(), file, more);
  }

  @Test
  void resumeKeepsFieldsItDoesNotKnowAtTheTopInMetadataAndInTheSummary() throws Exception {
    Path file = earlierRun(root -> {
      root.put("provenance", "hand-made");
      ((ObjectNode) root.get("metadata")).put("operator", "ana");
      ((ObjectNode) root.get("summary")).put("note", "first half");
      ((ArrayNode) root.get("results")).remove(0); // one question left to ask
    });
    Cli.Outcome o = resume(file);
    assertThat(o.exitCode()).as(o.err()).isZero();
    JsonNode root = JSON.readTree(file.toFile());
    assertThat(root.path("provenance").asText()).isEqualTo("hand-made");
    assertThat(root.path("metadata").path("operator").asText()).isEqualTo("ana");
    assertThat(root.path("summary").path("note").asText()).isEqualTo("first half");
    assertThat(root.path("results")).hasSize(50);
  }

  @Test
  void resumeOfAFileGradedByAnotherKeyIsRefusedUnlessTheUserAsksToRegrade() throws Exception {
    Path file = earlierRun(root -> {
      ((ObjectNode) root.get("metadata")).put("dataset_sha256", "0".repeat(64));
      ObjectNode first = (ObjectNode) root.get("results").get(0);
      first.putArray("gold").add("x");
    });
    String before = Files.readString(file);
    Cli.Outcome refused = resume(file);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().lines().toList()).hasSize(1);
    assertThat(refused.err()).contains("another answer key (1 gold answer differs: 120B-1)").contains("--regrade");
    assertThat(Files.readString(file)).isEqualTo(before);

    Cli.Outcome regraded = resume(file, "--regrade");
    assertThat(regraded.exitCode()).as(regraded.err()).isZero();
    JsonNode root = JSON.readTree(file.toFile());
    assertThat(root.path("metadata").path("dataset_sha256").asText()).isEqualTo(SharedData.dataset().sha256());
    assertThat(root.path("results").path(0).path("gold").get(0).asText()).isNotEqualTo("x");
  }

  @Test
  void resumeOfAFileAskedWithOtherQuestionTextsIsRefusedEvenWhenAskedToRegrade() throws Exception {
    Path file = earlierRun(root -> {
      ((ObjectNode) root.get("metadata")).put("dataset_sha256", "0".repeat(64));
      ((ObjectNode) root.get("metadata")).put("questions_sha256", "1".repeat(64));
    });
    Cli.Outcome o = resume(file, "--regrade");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("was made with other question texts");
  }

  @Test
  void wallTimeAndRetriesAreTotalsOverEverySegmentOfAResumedRun() throws Exception {
    Path file = earlierRun(root -> {
      ((ObjectNode) root.get("metadata")).put("wall_time_ms", 3_600_000);
      ((ObjectNode) root.get("results").get(1)).put("attempts", 5);
      ((ArrayNode) root.get("results")).remove(0);
    });
    String timestamp = JSON.readTree(file.toFile()).path("metadata").path("timestamp").asText();
    Cli.Outcome o = resume(file);
    assertThat(o.exitCode()).as(o.err()).isZero();
    JsonNode metadata = JSON.readTree(file.toFile()).path("metadata");
    assertThat(metadata.path("wall_time_ms").asLong()).isGreaterThanOrEqualTo(3_600_000);
    assertThat(metadata.path("totals").path("retries").asLong()).isEqualTo(4);
    assertThat(metadata.path("timestamp").asText()).isEqualTo(timestamp);
    assertThat(o.out()).contains("1:00:").contains("54 requests, 4 retries");
  }

  @Test
  void temporaryFilesLeftByAKillDuringTheFinalWriteAreRemovedByTheNextRun() throws Exception {
    Path out = dir.resolve("results/left.json");
    Files.createDirectories(out.getParent());
    Path leftover = out.resolveSibling(".left.json.8123456.tmp");
    Path unrelated = out.resolveSibling(".other.json.1.tmp");
    Files.writeString(leftover, "{\"half");
    Files.writeString(unrelated, "{");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      assertThat(run(server.baseUrl().toString(), out).exitCode()).isZero();
    }
    assertThat(leftover).doesNotExist();
    assertThat(unrelated).exists();
  }

  @Test
  void aReplyWithNoContentAndNoReasoningRecordsWhyItEnded() throws Exception {
    HostileServer.Behaviour empty = (r, out) ->
        HostileServer.json(out, 200, Map.of(), HostileServer.completion(null, null, "length"));
    try (HostileServer server = HostileServer.start(empty)) {
      Path out = dir.resolve("empty.json");
      Cli.Outcome o = run(server.baseUrl().toString(), out);
      assertThat(o.exitCode()).as(o.err()).isZero();
      JsonNode first = JSON.readTree(out.toFile()).path("results").path(0);
      assertThat(first.path("parse_success").asBoolean()).isFalse();
      assertThat(first.path("raw_response").asText()).isEmpty();
      assertThat(first.path("finish_reason").asText()).isEqualTo("length");
    }
  }
}
