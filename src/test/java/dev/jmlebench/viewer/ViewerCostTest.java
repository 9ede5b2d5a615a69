package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import dev.jmlebench.testing.PricedRun;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the viewer's index says of the runs' costs: a priced mock run beside published files (which record no
 * cost), its figures worked out here from the tokens and the prices, and the cost-vs-score chart's layout.
 */
class ViewerCostTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QWEN = "Qwen_Qwen3-32B";
  private static final String GPT = "openai_gpt-5.2";

  @TempDir static Path mixed;
  private static ResultFile priced;

  @BeforeAll
  static void aPricedMockRunBesideTwoPublishedFiles() throws IOException {
    priced = ResultFiles.read(PricedRun.write(mixed.resolve("priced.json")));
    for (String id : List.of(QWEN, GPT)) {
      Files.copy(SharedData.results().resolve(id + ".json"), mixed.resolve(id + ".json"));
    }
  }

  private static JsonNode index(Path folder) throws IOException {
    // The key the mock run was graded with (the default), so that its summary is the viewer's.
    ViewerData data = ViewerData.load(folder, SharedData.dataset(), AnswerKey.of("120", "official"));
    return JSON.readTree(new ViewerApi(data).json("index").orElseThrow());
  }

  private static JsonNode model(JsonNode index, String id) {
    return StreamSupport.stream(index.get("models").spliterator(), false)
        .filter(m -> m.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  /** As `summary` prints dollars: cents from $1 up, four significant digits below. */
  private static String dollars(double usd) {
    int decimals = usd >= 1 ? 2 : Math.max(2, 3 - (int) Math.floor(Math.log10(usd)));
    return "$" + String.format(Locale.ROOT, "%." + decimals + "f", usd);
  }

  @Test
  void thePricedRunCostsItsTokensTimesThePricesAndPublishedFilesHaveNoCostRatherThanZero() throws IOException {
    JsonNode index = index(mixed);
    // Worked out from the tokens each answer records, at $0.50 and $2 per million.
    double byHand = 0;
    for (QuestionResult r : priced.results()) {
      JsonNode usage = r.extra().get("usage");
      byHand += (usage.get("prompt_tokens").asLong() * 0.5 + usage.get("completion_tokens").asLong() * 2.0) / 1e6;
    }
    Summary s = priced.summary();
    assertThat(s.score()).isPositive();
    JsonNode cost = model(index, "priced").get("run_cost");
    assertThat(cost.get("usd").asDouble()).isCloseTo(byHand, within(1e-12));
    assertThat(cost.get("per_point").asDouble()).isCloseTo(byHand / s.score(), within(1e-12));
    assertThat(cost.get("per_correct").asDouble()).isCloseTo(byHand / s.correct(), within(1e-12));
    assertThat(cost.get("usd_text").asText()).isEqualTo(dollars(byHand));
    assertThat(cost.get("per_point_text").asText()).isEqualTo(dollars(byHand / s.score()));
    assertThat(cost.get("per_correct_text").asText()).isEqualTo(dollars(byHand / s.correct()));
    for (String id : List.of(QWEN, GPT)) {
      assertThat(model(index, id).has("run_cost")).as(id + " records no cost: none, not $0").isFalse();
    }

    // The chart holds the priced run alone, on a log scale of the one decade around its cost.
    JsonNode chart = index.get("cost_chart");
    assertThat(chart.get("runs")).hasSize(1);
    JsonNode dot = chart.get("runs").get(0);
    assertThat(dot.get("id").asText()).isEqualTo("priced");
    double decade = Math.floor(Math.log10(byHand));
    assertThat(dot.get("x").asDouble()).isCloseTo(Math.log10(byHand) - decade, within(1e-9));
    // The pass mark on the total: the two parts' thresholds over their maxima, e.g. 381/500.
    ExamCriteria c = AnswerKey.of("120", "official").criteria();
    int passPoints = c.requiredMin() + c.generalMin();
    int maxPoints = c.scoreMax();
    double passMark = (double) passPoints / maxPoints;
    double lowest = Math.min(s.scorePct(), passMark);
    double start = Math.max(0, Math.floor((lowest * 100 - 3) / 5) * 5);
    assertThat(dot.get("y").asDouble()).isCloseTo((s.scorePct() * 100 - start) / (100 - start), within(1e-9));
    assertThat(dot.get("cost_text").asText()).isEqualTo(dollars(byHand));
    assertThat(dot.get("score_text").asText()).startsWith(s.score() + "/" + s.scoreMax() + " (");
    assertThat(chart.get("pass_line").asDouble()).isCloseTo((passMark * 100 - start) / (100 - start), within(1e-9));
    assertThat(chart.get("pass_line_text").asText())
        .isEqualTo("pass mark " + Percent.format(passMark) + " = " + passPoints + "/" + maxPoints);
    List<Double> xs = StreamSupport.stream(chart.get("x_ticks").spliterator(), false)
        .map(t -> t.get("at").asDouble()).toList();
    assertThat(xs).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
        .containsExactly(0.0, Math.log10(2), Math.log10(5), 1.0);
    assertThat(chart.get("x_ticks")).extracting(t -> t.get("text").asText())
        .containsExactly(List.of(1, 2, 5, 10).stream().map(m -> "$" + BigDecimal.valueOf(m).scaleByPowerOfTen((int) decade)
            .stripTrailingZeros().toPlainString()).toArray(String[]::new));
    assertThat(chart.get("y_ticks").get(0).get("text").asText()).isEqualTo((int) start + "%");
  }

  @Test
  void withoutAnyCostTheIndexHasNoCostChart(@TempDir Path dir) throws IOException {
    Files.copy(SharedData.results().resolve(QWEN + ".json"), dir.resolve(QWEN + ".json"));
    JsonNode index = index(dir);
    assertThat(index.has("cost_chart")).isFalse();
    assertThat(model(index, QWEN).has("run_cost")).isFalse();
  }

  /** A published file with {@code metadata.totals.cost_usd} written in, as a run of this project records it. */
  private static void withCost(Path dir, String id, String name, double usd) throws IOException {
    ObjectNode file = (ObjectNode) JSON.readTree(SharedData.results().resolve(id + ".json").toFile());
    ((ObjectNode) file.get("metadata")).putObject("totals").put("cost_usd", usd);
    JSON.writeValue(dir.resolve(name + ".json").toFile(), file);
  }

  @Test
  void costsOrdersOfMagnitudeApartSpanWholeDecadesOnALogScale(@TempDir Path dir) throws IOException {
    withCost(dir, QWEN, "cheap", 0.05);
    withCost(dir, GPT, "dear", 4.93);
    JsonNode chart = index(dir).get("cost_chart");
    assertThat(chart.get("x_label").asText()).contains("log scale");
    assertThat(chart.get("x_ticks")).extracting(t -> t.get("text").asText())
        .containsExactly("$0.01", "$0.02", "$0.05", "$0.1", "$0.2", "$0.5", "$1", "$2", "$5", "$10");
    // $0.01 to $10: three decades.
    for (JsonNode dot : chart.get("runs")) {
      double usd = dot.get("id").asText().equals("cheap") ? 0.05 : 4.93;
      assertThat(dot.get("x").asDouble()).isCloseTo((Math.log10(usd) + 2) / 3, within(1e-9));
    }
  }

  @Test
  void aRunThatCostNothingIsDrawnOnALinearScaleFromZero(@TempDir Path dir) throws IOException {
    withCost(dir, QWEN, "free", 0);
    withCost(dir, GPT, "paid", 2.5);
    JsonNode index = index(dir);
    assertThat(model(index, "free").at("/run_cost/usd_text").asText()).isEqualTo("$0.00");
    JsonNode chart = index.get("cost_chart");
    assertThat(chart.get("x_label").asText()).doesNotContain("log");
    assertThat(chart.get("x_ticks")).extracting(t -> t.get("text").asText()).containsExactly("$0", "$0.5", "$1", "$1.5",
        "$2", "$2.5"); // the dearest in five round steps
    for (JsonNode dot : chart.get("runs")) {
      double usd = dot.get("id").asText().equals("free") ? 0 : 2.5;
      assertThat(dot.get("x").asDouble()).isCloseTo(usd / 2.5, within(1e-9));
    }
  }
}
