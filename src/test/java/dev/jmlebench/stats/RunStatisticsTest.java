package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.exam.Criteria;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunStatisticsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExamCriteria CRITERIA = AnswerKey.of("120", "author").criteria();

  static List<Path> published() {
    return SharedData.publishedResults();
  }

  private static RunStatistics statistics(Path file) {
    return RunStatistics.of(ResultFiles.read(file), CRITERIA, SharedData.dataset(), file.toString());
  }

  @ParameterizedTest
  @MethodSource("published")
  void pointEstimatesAreThePublishedSummary(Path file) throws IOException {
    JsonNode summary = JSON.readTree(file.toFile()).get("summary");
    RunStatistics s = statistics(file);

    assertThat(s.score()).isEqualTo(summary.get("score").intValue());
    assertThat(s.scoreMax()).isEqualTo(summary.get("score_max").intValue());
    assertThat(s.correct()).isEqualTo(summary.get("correct").intValue());
    assertThat(s.questions()).isEqualTo(summary.get("correct").intValue() + summary.get("incorrect").intValue());
    assertThat(s.scoreCi().contains(s.score())).isTrue();
    assertThat(s.correctCi().contains(s.correct())).isTrue();
    assertThat(s.accuracyWilson().lower()).isLessThan(s.accuracy());
  }

  /**
   * Units (a serial group, else a question) are drawn with replacement among the units of their stratum and
   * size, so a group of m units whose right answers are c1…cm sums to the m-fold convolution of the empirical
   * distribution of the c's, independently across groups. The bootstrap distribution of the score is thus
   * known exactly; computed here from the raw result file and the raw dataset JSON, its quantiles must be the
   * interval's ends to within the Monte Carlo error of 10,000 resamples, and the exact
   * P(required ≥ 160)·P(general ≥ 221) the pass probability.
   */
  @ParameterizedTest
  @MethodSource("published")
  void intervalsAndPassProbabilityMatchTheExactBootstrapDistribution(Path file) throws IOException {
    Map<String, String> groupOf = new HashMap<>();
    for (JsonNode q : JSON.readTree(SharedData.root().resolve("jmle2026_dataset.json").toFile())) {
      if (q.hasNonNull("serial_group")) {
        groupOf.put(q.get("question_id").textValue(), q.get("serial_group").get("group_id").textValue());
      }
    }
    // unit → {points, required (1/0), size, right}
    Map<String, int[]> units = new LinkedHashMap<>();
    for (JsonNode r : JSON.readTree(file.toFile()).get("results")) {
      String id = r.get("question_id").textValue();
      char block = id.charAt(3);
      int number = Integer.parseInt(id.substring(5));
      boolean required = block == 'B' || block == 'E';
      int points = required && number > 25 ? 3 : 1;
      int[] u = units.computeIfAbsent(groupOf.getOrDefault(id, id), x -> new int[] {points, required ? 1 : 0, 0, 0});
      u[2]++;
      u[3] += r.get("correct").booleanValue() ? 1 : 0;
    }
    // Per (points, part, size): the right counts of its units.
    Map<List<Integer>, List<Integer>> groups = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    units.values().forEach(u -> groups.computeIfAbsent(List.of(u[0], u[1], u[2]), k -> new ArrayList<>()).add(u[3]));
    double[] required = {1};
    double[] general = {1};
    double[] correct = {1};
    for (Map.Entry<List<Integer>, List<Integer>> g : groups.entrySet()) {
      int size = g.getKey().get(2);
      double[] one = new double[size + 1];
      g.getValue().forEach(c -> one[c] += 1.0 / g.getValue().size());
      double[] sum = {1};
      for (int i = 0; i < g.getValue().size(); i++) {
        sum = convolve(sum, one);
      }
      correct = convolve(correct, sum);
      if (g.getKey().get(1) == 1) {
        required = convolve(required, stretch(sum, g.getKey().get(0)));
      } else {
        general = convolve(general, sum);
      }
    }
    double[] score = convolve(general, required);
    double pass = Math.min(1, tailFrom(required, 160) * tailFrom(general, 221));

    RunStatistics s = statistics(file);

    assertThat(s.scoreCi().lower()).isBetween(quantile(score, 0.025) - 1, quantile(score, 0.025) + 1);
    assertThat(s.scoreCi().upper()).isBetween(quantile(score, 0.975) - 1, quantile(score, 0.975) + 1);
    assertThat(s.correctCi().lower()).isBetween(quantile(correct, 0.025) - 1, quantile(correct, 0.025) + 1);
    assertThat(s.correctCi().upper()).isBetween(quantile(correct, 0.975) - 1, quantile(correct, 0.975) + 1);
    double se = Math.sqrt(pass * (1 - pass) / s.bootstrap().resamples());
    assertThat(s.passProbability()).isBetween(pass - 4 * se - 1e-9, pass + 4 * se + 1e-9);
  }

  @Test
  void theWeakestPublishedRunIsNotCertainToPassButVeryLikelyTo() {
    RunStatistics s = statistics(SharedData.results().resolve("openai_gpt-oss-120b_low.json"));
    assertThat(s.passProbability()).isBetween(0.95, 0.9999);
  }

  @Test
  void seededStatisticsAreIdenticalRunToRun() {
    Path file = SharedData.results().resolve("Qwen_Qwen3.5-27B_nothink.json");
    assertThat(statistics(file)).isEqualTo(statistics(file));
  }

  @Test
  void allCorrectGivesADegenerateIntervalAndCertainPass() {
    ResultFile perfect = withResults(SharedData.results().resolve("anthropic_claude-opus-4.6.json"), true);
    RunStatistics s = RunStatistics.of(perfect, CRITERIA, SharedData.dataset(), "perfect");

    assertThat(s.scoreCi()).isEqualTo(new PointInterval(500, 500));
    assertThat(s.correctCi()).isEqualTo(new PointInterval(400, 400));
    assertThat(s.accuracyWilson().upper()).isEqualTo(1.0);
    assertThat(s.passProbability()).isEqualTo(1.0);
  }

  @Test
  void allWrongGivesAZeroIntervalAndNoChanceToPass() {
    ResultFile hopeless = withResults(SharedData.results().resolve("anthropic_claude-opus-4.6.json"), false);
    RunStatistics s = RunStatistics.of(hopeless, CRITERIA, SharedData.dataset(), "hopeless");

    assertThat(s.scoreCi()).isEqualTo(new PointInterval(0, 0));
    assertThat(s.passProbability()).isEqualTo(0.0);
  }

  @Test
  void aRunWithoutAWholePartIsNotJudgedForPassing() {
    ResultFile full = ResultFiles.read(SharedData.results().resolve("openai_gpt-5.2.json"));
    ResultFile noBlockA = full.withResults(
        full.results().stream().filter(r -> !r.questionId().startsWith("120A-")).toList());
    RunStatistics s = RunStatistics.of(noBlockA, CRITERIA, SharedData.dataset(), "no block A");

    assertThat(s.scoreMax()).isEqualTo(425);
    assertThat(s.passProbability()).isNull();
  }

  @Test
  void aQuestionExcludedFromScoringLowersTheMaximumButStillCountsForAccuracy() {
    ExamCriteria excluding = new ExamCriteria("120", new Criteria(200, 160, 0.8, 300, 221, null, null),
        Set.of("120B-30", "120A-1"), Set.of());
    RunStatistics s = RunStatistics.of(ResultFiles.read(SharedData.results().resolve("openai_gpt-5.2.json")),
        excluding, SharedData.dataset(), "gpt-5.2");

    assertThat(s.scoreMax()).isEqualTo(500 - 3 - 1);
    assertThat(s.questions()).isEqualTo(400);
    assertThat(s.passProbability()).isNotNull();
  }

  @Test
  void aRunWithNoResultHasNothingToResample() {
    ResultFile full = ResultFiles.read(SharedData.results().resolve("openai_gpt-5.2.json"));
    assertThatThrownBy(() -> RunStatistics.of(full.withResults(List.of()), CRITERIA, SharedData.dataset(), "empty"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void summaryGetsAReasonInsteadOfAnErrorForAQuestionItCannotPlace() {
    ResultFile full = ResultFiles.read(SharedData.results().resolve("openai_gpt-5.2.json"));
    List<QuestionResult> results = new ArrayList<>(full.results());
    QuestionResult first = results.get(0);
    results.set(0, new QuestionResult("120Z-99", first.predicted(), first.gold(),
        first.correct(), first.rawResponse(), first.parseSuccess(), first.error(), first.reasoning(), first.extra()));

    assertThat(StatisticsReport.forSummary(full.withResults(results), CRITERIA, SharedData.dataset(), "odd.json"))
        .isEqualTo("  95% CI     not computed: odd.json: results: question id '120Z-99' is not of the form 120A-1 "
            + "(exam, block A-F, number)\n");
    assertThat(StatisticsReport.forSummary(full.withResults(List.of()), CRITERIA, SharedData.dataset(), "empty.json"))
        .isEqualTo("  95% CI     none: the file has no results\n");
    assertThat(StatisticsReport.forSummary(full, CRITERIA, SharedData.dataset(), "gpt.json"))
        .isEqualTo(StatisticsReport.run(RunStatistics.of(full, CRITERIA, SharedData.dataset(), "gpt.json"), CRITERIA));
  }

  private static ResultFile withResults(Path file, boolean correct) {
    ResultFile f = ResultFiles.read(file);
    return f.withResults(f.results().stream()
        .map(r -> new QuestionResult(r.questionId(), r.predicted(), r.gold(), correct,
            r.rawResponse(), r.parseSuccess(), r.error(), r.reasoning(), r.extra()))
        .toList());
  }

  /** The pmf of c·X from that of X. */
  private static double[] stretch(double[] pmf, int c) {
    double[] out = new double[(pmf.length - 1) * c + 1];
    for (int x = 0; x < pmf.length; x++) {
      out[x * c] = pmf[x];
    }
    return out;
  }

  private static double[] convolve(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  private static int quantile(double[] pmf, double q) {
    double cumulative = 0;
    for (int x = 0; x < pmf.length; x++) {
      cumulative += pmf[x];
      if (cumulative >= q) {
        return x;
      }
    }
    return pmf.length - 1;
  }

  private static double tailFrom(double[] pmf, int from) {
    double sum = 0;
    for (int x = from; x < pmf.length; x++) {
      sum += pmf[x];
    }
    return sum;
  }
}
