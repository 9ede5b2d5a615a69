package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.mock.MockBias;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.mock.PositionBias;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Points;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.PairedComparison;
import dev.jmlebench.stats.PointInterval;
import dev.jmlebench.stats.ScoredRun;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card against the mock model over the 120th exam in the exam's order and the four other cyclic orders: the
 * card's figures are computed again here from the five result files alone — with the mock biased to the first
 * shown choice, and order-blind.
 */
class RobustnessAgainstTheMockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ORDERS = 5;
  /** The mock answers by the dataset's own answers: the author's key. */
  private static final AnswerKey KEY = AnswerKey.of("120", "author");

  @TempDir Path dir;
  private final Dataset dataset = SharedData.dataset();

  /** The five runs' files: the default run, then cyclic:1 … cyclic:4. */
  private List<Path> runAll(MockOptions options) {
    List<Path> files = new ArrayList<>();
    try (MockServer server = MockServer.start(0, dataset, null, options)) {
      for (int k = 0; k < ORDERS; k++) {
        Path out = dir.resolve(k == 0 ? "default.json" : "cyclic-" + k + ".json");
        List<String> args = new ArrayList<>(List.of("run", "--model", "mock", "--base-url",
            server.baseUrl().toString(), "--dataset", SharedData.root().toString(), "--key", "author", "--out",
            out.toString(), "--parallel", "8"));
        if (k > 0) {
          args.addAll(List.of("--choice-order", "cyclic:" + k));
        }
        Cli.Outcome o = Cli.run(args.toArray(String[]::new));
        assertThat(o.exitCode()).as(o.err()).isZero();
        files.add(out);
      }
    }
    return files;
  }

  private JsonNode card() throws IOException {
    Cli.Outcome o = Cli.run("robustness", "--dataset", SharedData.root().toString(), "--key", "author", "--json",
        dir.toString());
    assertThat(o.exitCode()).as(o.err()).isZero();
    return JSON.readTree(o.out());
  }

  /** One answer as its file records it. */
  private record Answer(List<String> predicted, List<String> shown, boolean fixed, boolean right) {}

  private List<Map<String, Answer>> read(List<Path> files) throws IOException {
    List<Map<String, Answer>> out = new ArrayList<>();
    for (Path f : files) {
      Map<String, Answer> m = new HashMap<>();
      for (JsonNode r : JSON.readTree(f.toFile()).get("results")) {
        String id = r.get("question_id").textValue();
        List<String> predicted = strings(r.get("predicted"));
        m.put(id, new Answer(predicted, r.has("shown_order") ? strings(r.get("shown_order")) : null,
            r.has("order_fixed"), KEY.isCorrect(dataset.question(id).orElseThrow(), predicted,
                r.get("parse_success").booleanValue())));
      }
      out.add(m);
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.textValue()));
    return out;
  }

  private int points(Question q) {
    return KEY.criteria().isExcluded(q.questionId()) ? 0 : Points.of(QuestionId.parse(q.questionId()).orElseThrow());
  }

  private ScoredRun scored(Path file) {
    return ScoredRun.of(ResultFiles.read(file), KEY.criteria(), dataset, file.toString());
  }

  @Test
  void againstAMockThatPicksTheFirstShownChoiceTheCardsFiguresAreTheOnesCountedFromTheFiles() throws IOException {
    List<Path> files = runAll(MockOptions.INSTANT.withBias(new MockBias(PositionBias.parse("first", "test"), 1,
        false, false)));
    List<Map<String, Answer>> runs = read(files);
    JsonNode card = card();

    int moved = 0;
    int consistent = 0;
    int everyOrder = 0;
    long[] chosen = new long[5];
    long[] gold = new long[5];
    long answers = 0;
    for (Question q : dataset.questions()) {
      Answer first = runs.get(1).get(q.questionId());
      boolean allRight = true;
      for (Map<String, Answer> run : runs) {
        allRight &= run.get(q.questionId()).right();
      }
      everyOrder += allRight ? points(q) : 0;
      if (first.fixed() || first.shown() == null) {
        continue;
      }
      moved++;
      boolean same = true;
      for (Map<String, Answer> run : runs) {
        same &= run.get(q.questionId()).predicted().equals(runs.get(0).get(q.questionId()).predicted());
      }
      consistent += same ? 1 : 0;
      List<String> g = KEY.gold(q);
      if (g.size() != 1) {
        continue;
      }
      for (int k = 0; k < ORDERS; k++) {
        Answer a = runs.get(k).get(q.questionId());
        List<String> shown = k == 0 ? first.shown().stream().sorted().toList() : a.shown();
        if (a.predicted().size() == 1 && shown.contains(a.predicted().get(0))) {
          chosen[shown.indexOf(a.predicted().get(0))]++;
          gold[shown.indexOf(g.get(0))]++;
          answers++;
        }
      }
    }

    JsonNode co = card.get("choice_order");
    assertThat(co.get("moved").intValue()).isEqualTo(moved).isEqualTo(397);
    assertThat(co.get("consistent").intValue()).isEqualTo(consistent);
    assertThat(co.get("every_order_score").intValue()).isEqualTo(everyOrder);
    JsonNode pb = co.get("position_bias");
    assertThat(pb.get("answers").longValue()).isEqualTo(answers);
    for (int i = 0; i < 5; i++) {
      JsonNode p = pb.get("positions").get(i);
      assertThat(p.get("chosen").longValue()).isEqualTo(chosen[i]);
      assertThat(p.get("gold").longValue()).isEqualTo(gold[i]);
      assertThat(p.get("chosen_share").doubleValue()).isCloseTo((double) chosen[i] / answers,
          org.assertj.core.api.Assertions.within(0.00005));
    }
    // The mock always picks position a: every one-letter answer chose it, the gold sat there a fifth of the time.
    assertThat(chosen[0]).isEqualTo(answers);
    assertThat(pb.get("test").get("p").doubleValue()).isLessThan(1e-6);
    assertThat(consistent).isLessThan(moved / 10);

    ScoredRun byDefault = scored(files.get(0));
    for (int k = 1; k < ORDERS; k++) {
      JsonNode row = card.get("variants").get(k - 1);
      assertThat(row.get("value").textValue()).isEqualTo("cyclic:" + k);
      int delta = 0;
      for (Question q : dataset.questions()) {
        delta += points(q) * ((runs.get(k).get(q.questionId()).right() ? 1 : 0)
            - (runs.get(0).get(q.questionId()).right() ? 1 : 0));
      }
      PointInterval ci = PairedComparison.of(scored(files.get(k)), byDefault, Bootstrap.DEFAULT).differenceCi();
      assertThat(row.get("score_difference").intValue()).isEqualTo(delta);
      assertThat(row.get("score_difference_ci").get(0).intValue()).isEqualTo(ci.lower());
      assertThat(row.get("score_difference_ci").get(1).intValue()).isEqualTo(ci.upper());
    }
  }

  @Test
  void againstAnOrderBlindMockEveryAnswerHoldsInEveryOrderAndEveryIntervalCoversZero() throws IOException {
    runAll(MockOptions.INSTANT);
    JsonNode card = card();

    JsonNode co = card.get("choice_order");
    assertThat(co.get("consistency").doubleValue()).isEqualTo(1.0);
    assertThat(co.get("consistent").intValue()).isEqualTo(co.get("moved").intValue()).isEqualTo(397);
    assertThat(co.get("every_order_score").intValue()).isEqualTo(co.get("default_score").intValue());
    assertThat(card.get("variants")).hasSize(4);
    for (JsonNode row : card.get("variants")) {
      assertThat(row.get("score_difference_ci").get(0).intValue()).isLessThanOrEqualTo(0);
      assertThat(row.get("score_difference_ci").get(1).intValue()).isGreaterThanOrEqualTo(0);
      assertThat(row.get("holm_p").doubleValue()).isEqualTo(1.0);
    }
    String text = Cli.run("robustness", "--dataset", SharedData.root().toString(), "--key", "author", dir.toString())
        .out();
    assertThat(text).contains("Consistency       397/397 (100.0%)")
        .contains("Not measurable: no run here disagrees with the default on any question");
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80))
        .allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
  }
}
