package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.Samples;
import dev.jmlebench.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the mock server replaying published result files, with and without faults. */
class RunEndToEndTest {
  /** Small backoff so retries take milliseconds, and enough retries that 20% faults never exhaust them. */
  static final RetrySettings FAST_RETRY =
      new RetrySettings(10, Duration.ofMinutes(2), Duration.ofMillis(5), Duration.ofMillis(100));

  @TempDir Path dir;
  private final Dataset dataset = SharedData.dataset();
  private final StringWriter printed = new StringWriter();

  /** The run of {@code model} at the server, graded with the author's key, with these options more. */
  static RunSpec spec(MockServer server, String model, String... more) {
    List<String> words = new java.util.ArrayList<>(List.of("--model", model, "--base-url", server.baseUrl().toString(),
        "--key", "author", "--timeout", "30"));
    words.addAll(List.of(more));
    return RunSpec.fromWords(words, RunSpec.NO_ENVIRONMENT);
  }

  private FinishedRun run(MockServer server, String model, ImageMode mode, int parallel, Path out) {
    return run(spec(server, model, "--image-mode", mode.wireName(), "--parallel", String.valueOf(parallel)), out);
  }

  private FinishedRun run(RunSpec spec, Path out) {
    return new Runner(spec, new RunTarget(out, null, Instant.parse("2026-02-25T01:02:03Z"), false), dataset, null,
        ProgressStyle.LINES, new PrintWriter(printed, true), "jmle-bench").retrying(FAST_RETRY).run();
  }

  private FinishedRun runBlockB(MockServer server, Path out, int repeats) {
    return run(spec(server, "m", "--questions", "B", "--parallel", "4", "--repeats", String.valueOf(repeats)), out);
  }

  @Test
  void aBlindRunWithFaultsAndARateLimitAnswersEveryQuestionAndReproducesTheSummary() throws Exception {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    MockOptions faulty = MockOptions.INSTANT.withFailRate(0.2).withRateLimit(30);
    try (MockServer server = MockServer.start(0, dataset, published, faulty)) {
      FinishedRun o = run(server, "Qwen/Qwen3-32B", ImageMode.BLIND, 32, dir.resolve("q.json"));

      assertThat(o.file().results()).hasSize(400);
      assertThat(o.file().summary().errors()).isZero();
      assertThat(o.unanswered()).isEmpty();
      assertThat(o.file().summary()).isEqualTo(published.summary());
      assertThat(server.injectedFaults()).as("faults injected").isGreaterThan(40);
      assertThat(server.rateLimitedRequests()).as("429s sent").isPositive();
      assertThat(o.file().metadata().extra().get("totals").get("retries").asInt())
          .isGreaterThanOrEqualTo(server.injectedFaults());
      assertThat(o.concurrency().decreases()).as("limit lowered on 429").isPositive();
      assertThat(Files.exists(Journal.pathFor(dir.resolve("q.json")))).as("journal removed at the end").isFalse();
    }
  }

  @Test
  void theWrittenFileHoldsThePublishedAnswersAndWhatEachRequestCost() throws Exception {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, dataset, published, MockOptions.INSTANT)) {
      Path out = dir.resolve("q.json");
      run(server, "Qwen/Qwen3-32B", ImageMode.BLIND, 8, out);
      ResultFile written = ResultFiles.read(out);
      Map<String, QuestionResult> byId = published.results().stream()
          .collect(Collectors.toMap(QuestionResult::questionId, r -> r));
      for (QuestionResult r : written.results()) {
        QuestionResult p = byId.get(r.questionId());
        assertThat(r.rawResponse()).isEqualTo(p.rawResponse());
        assertThat(r.reasoning()).isEqualTo(p.reasoning());
        assertThat(r.predicted()).isEqualTo(p.predicted());
        assertThat(r.extra()).containsKeys(ResultSchema.Result.LATENCY_MS, ResultSchema.Result.ATTEMPTS,
            ResultSchema.Result.USAGE, ResultSchema.Result.FINISH_REASON);
        assertThat(r.extra().get(ResultSchema.Result.USAGE).get("reasoning_tokens").asInt())
            .isEqualTo(p.reasoning().length());
      }
      var m = written.metadata();
      assertThat(m.timestamp()).isEqualTo("20260225_010203");
      assertThat(m.totalQuestions()).isEqualTo(400);
      assertThat(m.extra().get("schema_version").asInt()).isEqualTo(ResultSchema.VERSION);
      assertThat(m.extra()).containsKeys("harness_version", "dataset_sha256", "request", "totals", "wall_time_ms",
          "concurrency");
      assertThat(m.extra().get("dataset_sha256").asText()).isEqualTo(dataset.sha256());
      assertThat(m.extra().get("totals").get("requests").asInt()).isEqualTo(400);
      assertThat(m.extra()).as("a run that asks once adds nothing for repeats").doesNotContainKey(ResultSchema.Metadata.REPEATS);
      assertThat(written.results()).allSatisfy(r -> assertThat(r.extra()).doesNotContainKey(ResultSchema.Result.SAMPLES));
    }
  }

  @Test
  void theTalliesCountNoQuestionAsWaitingWhileItIsBeingRecorded() {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      run(spec(server, "mock", "--limit", "12", "--parallel", "1"), dir.resolve("w.json"));
    }
    // One request at a time: nothing ever waits for a slot. The thread recording an answer is busy, not waiting
    // (it showed as "(1 waiting)" on every line, 12/12 done included).
    assertThat(printed.toString()).contains("12/12 · accuracy").contains("in flight 0 ·").doesNotContain("waiting");
  }

  @Test
  void skipModeLeavesTheImageQuestionsOutAndCountsThem() {
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      FinishedRun o = run(server, "mock", ImageMode.SKIP, 8, dir.resolve("s.json"));
      assertThat(o.file().results()).hasSize(302);
      assertThat(o.file().metadata().totalQuestions()).isEqualTo(400);
      assertThat(o.file().metadata().attempted()).isEqualTo(302);
      assertThat(o.file().metadata().skippedImage()).isEqualTo(98);
      assertThat(server.questionsSentWithImages()).isEmpty();
    }
  }

  @Test
  void rerunningWithTheSameOutKeepsEveryAnswerThatArrivedAndAsksOnlyTheFailedAndMissingQuestions() throws Exception {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, dataset, published, MockOptions.INSTANT)) {
      Path out = earlierRunWithAnErrorAndAParseFailure(published, server);
      FinishedRun o = run(server, "Qwen/Qwen3-32B", ImageMode.BLIND, 8, out);
      for (int i = 0; i < 3; i++) {
        assertThat(server.requests(published.results().get(i).questionId())).isZero();
      }
      assertThat(server.requests(published.results().get(3).questionId())).as("the error").isEqualTo(1);
      assertThat(server.requests(published.results().get(4).questionId())).as("the unparsed answer, kept").isZero();
      assertThat(server.totalRequests()).isEqualTo(396);
      // Read from the file: the run holds its answers without their texts (the file written has them).
      QuestionResult kept = ResultFiles.read(o.out()).results().stream()
          .filter(r -> r.questionId().equals(published.results().get(4).questionId())).findFirst().orElseThrow();
      assertThat(kept.rawResponse()).isEqualTo("わからない");
      assertThat(kept.parseSuccess()).isFalse();
      assertThat(o.file().metadata().timestamp()).as("the earlier run's timestamp").isEqualTo("20260225");
    }
  }

  @Test
  void retryErrorsAndUnparsedAsksTheUnparsedAnswerAgainAsThePublishedProtocolResumes() throws Exception {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, dataset, published, MockOptions.INSTANT)) {
      Path out = earlierRunWithAnErrorAndAParseFailure(published, server);
      FinishedRun o = run(spec(server, "Qwen/Qwen3-32B", "--retry", "unparsed"), out);
      for (int i = 0; i < 3; i++) {
        assertThat(server.requests(published.results().get(i).questionId())).isZero();
      }
      assertThat(server.requests(published.results().get(3).questionId())).isEqualTo(1);
      assertThat(server.requests(published.results().get(4).questionId())).isEqualTo(1);
      assertThat(server.totalRequests()).isEqualTo(397);
      assertThat(o.file().summary()).isEqualTo(published.summary());
    }
  }

  /**
   * An earlier run of the published file's settings on this server (its base URL is part of what the run is)
   * whose file holds 3 answers, an error and a parse failure.
   */
  private Path earlierRunWithAnErrorAndAParseFailure(ResultFile published, MockServer server) {
    Path out = dir.resolve("q.json");
    List<QuestionResult> earlier = List.of(
        published.results().get(0), published.results().get(1), published.results().get(2),
        QuestionResult.failed(published.results().get(3).questionId(), List.of("a"), "HTTP 500: x", Map.of()),
        new QuestionResult(published.results().get(4).questionId(), List.of(), List.of("a"), false, "わからない",
            false, null, null, Map.of()));
    var m = published.metadata();
    var here = new dev.jmlebench.results.RunMetadata(m.model(), server.baseUrl().toString(), m.timestamp(),
        m.imageMode(), m.extraBody(), m.totalQuestions(), m.attempted(), m.skippedImage(), m.displayName(), m.extra());
    ResultFiles.write(out, new ResultFile(here, null, earlier));
    return out;
  }

  @Test
  void aPublishedFileOfAnotherServerIsNotContinuedHere() throws Exception {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    Path out = dir.resolve("q.json");
    ResultFiles.write(out, published);
    try (MockServer server = MockServer.start(0, dataset, published, MockOptions.INSTANT)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(server, "Qwen/Qwen3-32B", ImageMode.BLIND, 8, out))
          .hasMessage(out + " is another run (base URL " + published.metadata().baseUrl() + " there, "
              + server.baseUrl() + " here): it is continued only as that run; choose another --out for this one, "
              + "or --new to start it in a new file");
      assertThat(server.totalRequests()).isZero();
    }
  }

  @Test
  void aResumedRepeatRunAsksOnlyTheSamplesItLacks() throws Exception {
    Path out = dir.resolve("r.json");
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT.withVariedAnswers())) {
      RunSpec spec = spec(server, "m", "--questions", "B", "--parallel", "4", "--repeats", "3");
      run(spec, out);
      // The run was killed in its third sample: the file holds two of three, the journal one more answer (to
      // 120B-1) and a failed request (120B-2).
      com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
      json.get("results").forEach(r -> ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("samples")).set(2,
          com.fasterxml.jackson.databind.node.NullNode.getInstance()));
      ResultFiles.write(out, ResultFiles.read(writeJson(out, json)));
      QuestionResult journaled = new QuestionResult("120B-1", List.of("a"), List.of("a"), true, "ジャーナル【回答】a",
          true, null, null, Map.of());
      var header = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("model", "m");
      header.set(ResultSchema.Journal.RUN, spec.toMetadata());
      try (Journal j = Journal.open(Journal.pathFor(out), header)) {
        j.append(journaled, 2, 0);
        j.append(QuestionResult.failed("120B-2", List.of("a"), "HTTP 500: x", Map.of()), 2, 0);
      }
      int before = server.totalRequests();
      FinishedRun o = run(spec, out);

      assertThat(server.totalRequests() - before).as("one sample for each of the others and 120B-2").isEqualTo(49);
      ResultFile written = ResultFiles.read(out);
      assertThat(written.results()).hasSize(50).allSatisfy(r ->
          assertThat(Samples.of(r, "r.json")).hasSize(3).doesNotContainNull()
              .allSatisfy(sample -> assertThat(sample.error()).isNull()));
      QuestionResult b1 = written.results().stream().filter(r -> r.questionId().equals("120B-1")).findFirst().get();
      assertThat(Samples.of(b1, "r.json").get(2).rawResponse()).as("its third sample was journaled")
          .isEqualTo("ジャーナル【回答】a");
      assertThat(written.metadata().extra().get(ResultSchema.Metadata.REPEATS).asInt()).isEqualTo(3);
      assertThat(written.metadata().extra().get("totals").get("requests").asInt()).as("100 earlier + 49").isEqualTo(149);
      assertThat(o.unanswered()).isEmpty();
      assertThat(Files.exists(Journal.pathFor(out))).isFalse();
    }
  }

  @Test
  void aFinishedRunRunAgainAsksNothingAndLeavesItsFileAsItIs() throws Exception {
    Path out = dir.resolve("b.json");
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      RunSpec spec = spec(server, "m", "--questions", "B");
      run(spec, out);
      byte[] before = Files.readAllBytes(out);
      printed.getBuffer().setLength(0);
      FinishedRun again = run(spec, out);
      assertThat(server.totalRequests()).as("asked once, not twice").isEqualTo(50);
      assertThat(Files.readAllBytes(out)).isEqualTo(before);
      assertThat(printed.toString().strip()).isEqualTo("finished: " + out + " — "
          + again.file().summary().score() + "/" + again.file().summary().scoreMax()
          + "; nothing asked (--new starts another run)");
    }
  }

  private static Path writeJson(Path out, com.fasterxml.jackson.databind.JsonNode json) throws java.io.IOException {
    Files.writeString(out, json.toString());
    return out;
  }
}
