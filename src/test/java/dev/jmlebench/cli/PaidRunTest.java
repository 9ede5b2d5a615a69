package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.Samples;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.FileTexts;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paid runs through the CLI against the mock: truncated answers, costs, the response cache, Anthropic. */
class PaidRunTest {
  private static final String KEY = "sk-paid-5ecret-K3y-never-written";
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private static Cli.Outcome run(MockServer server, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--model", "m", "--base-url",
        server.baseUrl().toString(), "--dataset", DATASET, "--out", out.toString(), "--parallel", "16"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void truncatedAnswersAreCountedAndRetryTruncatedAsksExactlyThoseAgain() {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withTruncateRate(0.1))) {
      Path out = dir.resolve("cut.json");
      Cli.Outcome first = run(server, out, "--retry", "errors");
      assertThat(first.exitCode()).as(first.err()).isZero();
      ResultFile file = ResultFiles.read(out);
      Set<String> cut = file.results().stream().filter(QuestionResult::isTruncated).map(QuestionResult::questionId)
          .collect(Collectors.toSet());
      // About a tenth, chosen by the mock's seed; each cut one says so.
      assertThat(cut).hasSizeBetween(25, 55);
      assertThat(file.results().stream().filter(r -> cut.contains(r.questionId())))
          .allSatisfy(r -> assertThat(r.extra().get(ResultSchema.Result.FINISH_REASON).asText()).isEqualTo("length"));
      assertThat(first.out()).contains("  Truncated  " + cut.size() + " of 400 answers")
          .contains("· truncated " + cut.size() + " ·").contains("[truncated]")
          .contains(cut.size() + " truncated answer(s) kept").contains("--retry errors,truncated --dataset");

      Cli.Outcome summary = Cli.run("summary", "--dataset", SharedData.root().toString(), out.toString());
      assertThat(summary.exitCode()).as(summary.err()).isZero();
      assertThat(summary.out()).contains("  Truncated  " + cut.size() + " of 400 answers");

      Cli.Outcome again = run(server, out, "--retry", "truncated");
      assertThat(again.exitCode()).as(again.err()).isZero();
      for (Question q : SharedData.dataset().questions()) {
        assertThat(server.requests(q.questionId())).as(q.questionId()).isEqualTo(cut.contains(q.questionId()) ? 2 : 1);
      }
      assertThat(ResultFiles.read(out).results()).noneMatch(QuestionResult::isTruncated);
      assertThat(again.out()).contains("  Truncated  0 of 400 answers");
    }
  }

  @Test
  void costsFromThePricesAreTheTokensTimesThePricesWorkedOutByHand() {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path out = dir.resolve("priced.json");
      Cli.Outcome o = run(server, out, "--blocks", "B", "--price-input", "0.5", "--price-output", "2");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile file = ResultFiles.read(out);
      // 120B-1: the mock counts characters as tokens — the prompt's user text, and its reply.
      Question q = SharedData.dataset().question("120B-1").orElseThrow();
      QuestionResult r = file.results().stream().filter(x -> x.questionId().equals("120B-1")).findFirst().orElseThrow();
      int prompt = Prompt.userText(q).length();
      int completion = r.rawResponse().length();
      JsonNode usage = r.extra().get(ResultSchema.Result.USAGE);
      assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(prompt);
      assertThat(usage.get("completion_tokens").asInt()).isEqualTo(completion);
      BigDecimal byHand = new BigDecimal(prompt).multiply(new BigDecimal("0.5"))
          .add(new BigDecimal(completion).multiply(new BigDecimal("2"))).divide(new BigDecimal(1_000_000));
      assertThat(usage.get("cost").decimalValue()).isEqualByComparingTo(byHand);
      assertThat(usage.get("cost_source").asText()).isEqualTo("prices");

      BigDecimal total = BigDecimal.ZERO;
      long promptTokens = 0;
      for (QuestionResult x : file.results()) {
        total = total.add(x.extra().get(ResultSchema.Result.USAGE).get("cost").decimalValue());
        promptTokens += x.extra().get(ResultSchema.Result.USAGE).get("prompt_tokens").asLong();
      }
      assertThat(file.metadata().extra().get("totals").get("cost_usd").decimalValue()).isEqualByComparingTo(total);
      assertThat(file.metadata().extra().get("request").get("prices_usd_per_million").get("output").asDouble())
          .isEqualTo(2.0);
      assertThat(promptTokens).isPositive();
      int score = file.summary().score();
      assertThat(o.out()).contains("  Cost       $" + total.setScale(total.scale() - total.precision() + 4,
          java.math.RoundingMode.HALF_EVEN).toPlainString() + " · ");
      assertThat(score).isPositive();
    }
  }

  @Test
  void theLeaderboardExportsCarryARunsCostAndTruncatedAnswersAndLeaveThemUnknownForAPublishedFile()
      throws Exception {
    Path results = dir.resolve("results");
    Files.createDirectories(results);
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), results.resolve("Qwen_Qwen3-32B.json"));
    Path out = results.resolve("priced.json");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withTruncateRate(0.1))) {
      Cli.Outcome o = run(server, out, "--price-input", "0.5", "--price-output", "2");
      assertThat(o.exitCode()).as(o.err()).isZero();
    }
    ResultFile priced = ResultFiles.read(out);
    double cost = priced.metadata().extra().get("totals").get("cost_usd").doubleValue();
    long truncated = priced.results().stream().filter(QuestionResult::isTruncated).count();
    assertThat(truncated).isPositive();

    Cli.Outcome board = Cli.run("leaderboard", "--results", results.toString(), "--dataset", DATASET);
    assertThat(board.exitCode()).as(board.err()).isZero();
    JsonNode runs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(results.resolve("leaderboard.json")
        .toFile()).get("runs");
    for (JsonNode run : runs) {
      if (run.get("source_file").asText().equals("priced.json")) {
        assertThat(run.get("cost_usd").asDouble()).isEqualTo(cost);
        assertThat(run.get("cost_usd_per_point").asDouble())
            .isCloseTo(cost / priced.summary().score(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(run.get("cost_usd_per_correct").asDouble())
            .isCloseTo(cost / priced.summary().correct(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(run.get("truncated").asLong()).isEqualTo(truncated);
      } else {
        assertThat(run.get("cost_usd").isNull()).as("a published file records no cost: unknown, not 0").isTrue();
        assertThat(run.get("cost_usd_per_point").isNull()).isTrue();
        assertThat(run.get("cost_usd_per_correct").isNull()).isTrue();
        assertThat(run.get("truncated").isNull()).isTrue();
      }
    }
    List<String> csv = Files.readAllLines(results.resolve("leaderboard.csv"));
    assertThat(csv.get(0)).contains(",expected,cost_usd,cost_usd_per_point,cost_usd_per_correct,truncated,");
    assertThat(csv.stream().filter(l -> l.contains("Qwen_Qwen3-32B.json")).findFirst().orElseThrow())
        .containsPattern(",\\d+,\\d+,,,,,");
  }

  @Test
  void theProvidersReportedCostIsRecordedAndSummed() {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT.withReportedCost())) {
      Path out = dir.resolve("provider.json");
      Cli.Outcome o = run(server, out, "--blocks", "E");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile file = ResultFiles.read(out);
      for (QuestionResult r : file.results()) {
        JsonNode u = r.extra().get(ResultSchema.Result.USAGE);
        double expected = u.get("prompt_tokens").asInt() * MockServer.COST_PER_PROMPT_TOKEN
            + u.get("completion_tokens").asInt() * MockServer.COST_PER_COMPLETION_TOKEN;
        assertThat(u.get("cost").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(u.get("cost_source").asText()).isEqualTo("provider");
      }
      assertThat(o.out()).contains(" per point · ").contains(" per correct answer");
    }
  }

  @Test
  void summaryOfAPublishedFileShowsNoFabricatedFigure() {
    for (Path published : SharedData.publishedResults()) {
      Cli.Outcome o = Cli.run("summary", "--dataset", DATASET, published.toString());
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).as(published.toString())
          .contains("  Tokens     — (no usage recorded)")
          .contains("  Cost       — (no cost recorded")
          .doesNotContain("$");
    }
  }

  @Test
  void aCachedRerunAsksNothingAndRepeatsStayIndependent() throws IOException {
    Path cache = dir.resolve("cache");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withVariedAnswers().withRequiredKey(KEY))) {
      Cli.Outcome first = run(server, dir.resolve("a.json"), "--cache", cache.toString(), "--api-key", KEY);
      assertThat(first.exitCode()).as(first.err()).isZero();
      int asked = server.totalRequests();
      assertThat(asked).isEqualTo(400);

      Cli.Outcome second = run(server, dir.resolve("b.json"), "--cache", cache.toString(), "--api-key", KEY);
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(server.totalRequests()).isEqualTo(asked);
      assertThat(second.out()).contains("400 answer(s) from the cache without a request — nothing was asked");
      assertThat(ResultFiles.read(dir.resolve("b.json")).summary())
          .isEqualTo(ResultFiles.read(dir.resolve("a.json")).summary());

      // Three samples of a question are three requests, not one answer served thrice.
      Cli.Outcome repeats = run(server, dir.resolve("r.json"), "--cache", cache.toString(), "--api-key", KEY,
          "--repeats", "3", "--blocks", "B");
      assertThat(repeats.exitCode()).as(repeats.err()).isZero();
      for (Question q : SharedData.dataset().questions()) {
        if (q.block().equals("B")) {
          // Sample 0 was cached by the first run; samples 1 and 2 are new requests.
          assertThat(server.requests(q.questionId())).as(q.questionId()).isEqualTo(3);
        }
      }
      ResultFile r = ResultFiles.read(dir.resolve("r.json"));
      QuestionResult b3 = r.results().stream().filter(x -> x.questionId().equals("120B-3")).findFirst().orElseThrow();
      // number 3 mod 5 = 3: the mock answers gold, wrong 1, wrong 2 — three different answers.
      assertThat(Samples.of(b3, "r").stream().map(QuestionResult::predicted).distinct()).hasSize(3);
      Cli.Outcome again = run(server, dir.resolve("r2.json"), "--cache", cache.toString(), "--api-key", KEY,
          "--repeats", "3", "--blocks", "B");
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("150 answer(s) from the cache without a request — nothing was asked");

      assertThat(FileTexts.below(dir)).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
      for (Cli.Outcome o : List.of(first, second, repeats, again)) {
        assertThat(o.out() + o.err()).doesNotContain(KEY);
      }
      assertThat(Cli.run("cache", "stats", cache.toString()).out()).contains(": 500 replies");
      assertThat(Cli.run("cache", "prune", "--all", cache.toString()).out()).contains("removed 500 replies; 0 left");
    }
  }

  @Test
  void anAnthropicApiRunReproducesThePublishedSummaryOfAReplayedFile() {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("anthropic_claude-opus-4.6.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published,
        MockOptions.INSTANT.withRequiredKey(KEY))) {
      Path out = dir.resolve("opus.json");
      Cli.Outcome o = Cli.run("run", "--api", "anthropic", "--model", "claude-opus-4-6", "--base-url",
          server.baseUrl().toString(), "--api-key", KEY, "--dataset", DATASET, "--out", out.toString(),
          "--image-mode", "vision", "--parallel", "16", "--key", "author");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile written = ResultFiles.read(out);
      assertThat(written.summary()).isEqualTo(published.summary()); // the author key, as published
      assertThat(server.imageMismatches()).isZero();
      assertThat(server.questionsSentWithImages()).hasSize(98);
      // Thinking blocks come back as the reasoning.
      long withReasoning = published.results().stream().filter(r -> r.reasoning() != null).count();
      assertThat(written.results().stream().filter(r -> r.reasoning() != null).count()).isEqualTo(withReasoning);
      assertThat(written.metadata().extra().get("request").get("api").asText()).isEqualTo("anthropic");
      assertThat(o.out() + o.err()).doesNotContain(KEY);
    }
  }
}
