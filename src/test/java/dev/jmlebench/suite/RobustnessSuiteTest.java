package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.mock.MockBias;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.mock.PositionBias;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24.4: the shipped robustness suite carries its variants to each run, {@code suite plan} says how many
 * requests it sends, and the response cache lets the default run's answers serve the identity order — run here
 * against a mock biased to the first choice shown, on the first 20 questions (a limit added to its defaults).
 */
class RobustnessSuiteTest {
  private static final Path SHIPPED = Path.of("suites/robustness.yaml");
  private static final int LIMIT = 20;

  @TempDir Path dir;

  /** The shipped suite with a limit and its cache in the test's folder. */
  private Path smallCopy() throws IOException {
    String text = Files.readString(SHIPPED);
    assertThat(text).contains("  cache: results/robustness/cache\n");
    Path copy = dir.resolve("robustness.yaml");
    Files.writeString(copy, text.replace("  cache: results/robustness/cache\n",
        "  cache: " + dir.resolve("cache") + "\n  limit: " + LIMIT + "\n"));
    return copy;
  }

  @Test
  void thePlanCountsTheRequestsOfEachRunAndNamesItsVariant() throws IOException {
    Cli.Outcome plan = Cli.run("suite", "plan", smallCopy().toString(), "--only",
        "gpt-5.2_120,gpt-5.2_120_cyclic1,gpt-5.2_120_images_blind", "--dataset", SharedData.root().toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    // The image audit asks the first 20 of the 98 image questions.
    assertThat(plan.out()).contains("Requests: " + 3 * LIMIT + " at most, if nothing is answered yet or cached\n")
        .contains("  variant choices cyclic:1 (not ranked on the leaderboard)\n  requests " + LIMIT + " · cost unknown")
        .contains("--choice-order cyclic:1");
  }

  @Test
  void thePlanPricesTheRunsFromTheTokensOfTheModelsEarlierAnswers() throws IOException {
    Path suite = dir.resolve("priced.yaml");
    Files.writeString(suite, Files.readString(smallCopy()).replace("  limit: " + LIMIT + "\n",
        "  limit: " + LIMIT + "\n  price_input: 1.75\n  price_output: 14\n"));
    List<String> only = List.of("--only", "gpt-5.2_120_cyclic1,gpt-5.2_120_images_blind", "--results",
        dir.resolve("results").toString(), "--dataset", SharedData.root().toString());
    List<String> plan = new ArrayList<>(List.of("suite", "plan", suite.toString()));
    plan.addAll(only);
    Cli.Outcome before = Cli.run(plan.toArray(String[]::new));
    assertThat(before.out()).contains("Cost: unknown").contains("cost unknown: no earlier answer of openai/gpt-5.2");

    try (MockServer mock = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Cli.Outcome r = Cli.run("suite", "run", suite.toString(), "--only", "gpt-5.2_120", "--base-url",
          mock.baseUrl().toString(), "--results", dir.resolve("results").toString(), "--dataset",
          SharedData.root().toString());
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }
    // The default run's answers, priced as it ran, say what this model's answers cost: 20 more of each.
    dev.jmlebench.results.RunUsage usage = dev.jmlebench.results.RunUsage.of(
        ResultFiles.read(dir.resolve("results/gpt-5.2_120.json")), "default run");
    assertThat(usage.priced()).isEqualTo(LIMIT);
    java.math.BigDecimal each = usage.cost().divide(java.math.BigDecimal.valueOf(usage.priced()),
        java.math.MathContext.DECIMAL64);
    java.util.function.Function<java.math.BigDecimal, String> usd =
        v -> "$" + v.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    Cli.Outcome after = Cli.run(plan.toArray(String[]::new));
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).contains("  requests " + LIMIT + " · cost about "
            + usd.apply(each.multiply(java.math.BigDecimal.valueOf(LIMIT))) + " (" + usd.apply(each)
            + " an answer, as " + LIMIT + " earlier answers cost)")
        .contains("Cost: about " + usd.apply(each.multiply(java.math.BigDecimal.valueOf(2L * LIMIT)))
            + " for 2 of 2 runs");
  }

  @Test
  void aRunOfTheSuiteAgainstAFirstChoiceMockRecordsEachOrderAndTheIdentityOrderComesFromTheCache()
      throws IOException {
    Path suite = smallCopy();
    MockOptions first = MockOptions.INSTANT.withBias(new MockBias(PositionBias.parse("first", "test"), 1, false,
        false));
    try (MockServer mock = MockServer.start(0, SharedData.dataset(), null, first)) {
      Cli.Outcome r = Cli.run("suite", "run", suite.toString(), "--only",
          "gpt-5.2_120,gpt-5.2_120_cyclic0,gpt-5.2_120_cyclic1", "--base-url", mock.baseUrl().toString(),
          "--results", dir.resolve("results").toString(), "--dataset", SharedData.root().toString());
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      assertThat(mock.totalRequests()).as("cyclic:0 asked nothing: the default run's replies served it")
          .isEqualTo(2 * LIMIT);

      ResultFile plain = ResultFiles.read(dir.resolve("results/gpt-5.2_120.json"));
      ResultFile identity = ResultFiles.read(dir.resolve("results/gpt-5.2_120_cyclic0.json"));
      ResultFile shifted = ResultFiles.read(dir.resolve("results/gpt-5.2_120_cyclic1.json"));
      assertThat(plain.metadata().extra()).doesNotContainKey(ResultSchema.Metadata.CHOICE_ORDER);
      assertThat(identity.metadata().extra().get(ResultSchema.Metadata.CHOICE_ORDER).asText()).isEqualTo("cyclic:0");
      assertThat(shifted.metadata().extra().get(ResultSchema.Metadata.CHOICE_ORDER).asText()).isEqualTo("cyclic:1");
      assertThat(identity.results()).extracting(QuestionResult::predicted)
          .containsExactlyElementsOf(plain.results().stream().map(QuestionResult::predicted).toList());

      // Biased to the first choice shown: a (a, b for two answers) in the exam's order, what cyclic:1 shows first
      // — the exam's b (b, c) — under it.
      int checked = 0;
      for (int i = 0; i < LIMIT; i++) {
        QuestionResult p = plain.results().get(i);
        QuestionResult s = shifted.results().get(i);
        int n = p.gold().size();
        List<String> firstShown = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          firstShown.add(s.extra().get(ResultSchema.Result.SHOWN_ORDER).get(k).asText());
        }
        assertThat(p.predicted()).as(p.questionId()).isEqualTo(List.of("a", "b", "c").subList(0, n));
        assertThat(s.predicted()).as(s.questionId()).isEqualTo(firstShown.stream().sorted().toList());
        assertThat(s.correct()).isEqualTo(s.predicted().equals(s.gold()));
        checked++;
      }
      assertThat(checked).isEqualTo(LIMIT);
    }
  }
}
