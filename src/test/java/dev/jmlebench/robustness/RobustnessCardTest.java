package dev.jmlebench.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Points;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.PairedComparison;
import dev.jmlebench.stats.ScoredRun;
import dev.jmlebench.testing.SharedData;
import dev.jmlebench.variant.ChoiceList;
import dev.jmlebench.variant.Movability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The card over the 120th exam answered by a simulated model whose behaviour is known exactly: in every third
 * question it picks the first shown choice(s) whatever they are, in the others it answers by content (right,
 * but for every seventh question, wrong the same way in every order). Every figure is counted here, apart from
 * the card's code, from the simulated answers.
 */
class RobustnessCardTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int ORDERS = 5;
  private static final Bootstrap FAST = new Bootstrap(400, 7);

  private static Dataset dataset;
  private static AnswerKey key;
  private static Movability movability;
  /** Per order K, per question, the exam's letters in the order shown (absent when kept in order). */
  private static final List<Map<String, List<String>>> shown = new ArrayList<>();
  /** Per order K, per question, the answer in the exam's letters. */
  private static final List<Map<String, List<String>>> answers = new ArrayList<>();
  private static final List<ResultFile> files = new ArrayList<>();

  @BeforeAll
  static void simulate() {
    dataset = SharedData.dataset();
    key = AnswerKey.of("120", "official");
    movability = Movability.of(dataset.questions());
    for (int k = 0; k < ORDERS; k++) {
      Map<String, List<String>> orders = new HashMap<>();
      Map<String, List<String>> given = new HashMap<>();
      List<QuestionResult> results = new ArrayList<>();
      for (Question q : dataset.questions()) {
        List<String> gold = key.gold(q);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        List<String> answer;
        Optional<Integer> n = ChoiceList.find(q.text()).map(ChoiceList::size);
        if (movability.fixed(q.questionId()).isPresent() || n.isEmpty()) {
          answer = byContent(q, gold);
          if (k > 0) {
            extra.put(ResultSchema.Result.ORDER_FIXED, NODES.textNode("calculation"));
          }
        } else {
          List<String> order = new ArrayList<>();
          for (int i = 0; i < n.get(); i++) {
            order.add(String.valueOf((char) ('a' + (i + k) % n.get())));
          }
          if (k > 0) {
            orders.put(q.questionId(), order);
            extra.put(ResultSchema.Result.SHOWN_ORDER, NODES.arrayNode().addAll(order.stream()
                .map(NODES::textNode).toList()));
          }
          answer = q.number() % 3 == 0 ? order.subList(0, gold.size()).stream().sorted().toList() : byContent(q, gold);
        }
        given.put(q.questionId(), answer);
        results.add(new QuestionResult(q.questionId(), answer, gold, key.isCorrect(q, answer, true),
            "【回答】" + String.join(",", answer), true, null, null, extra));
      }
      shown.add(orders);
      answers.add(given);
      Map<String, JsonNode> metadataExtra = k == 0 ? Map.of()
          : Map.of(ResultSchema.Metadata.CHOICE_ORDER, NODES.textNode("cyclic:" + k));
      files.add(new ResultFile(new RunMetadata("sim/biased", "http://127.0.0.1:1/v1", "20260101_000000", "vision",
          null, 400, 400, 0, null, metadataExtra), null, results));
    }
  }

  /** Right, but every seventh question wrong: each gold letter one on (e → a). */
  private static List<String> byContent(Question q, List<String> gold) {
    if (q.number() % 7 != 0) {
      return gold;
    }
    return gold.stream().map(g -> g.length() == 1 && g.charAt(0) >= 'a' && g.charAt(0) < 'e'
        ? String.valueOf((char) (g.charAt(0) + 1)) : "a").distinct().sorted().toList();
  }

  private static RobustnessCard card() {
    List<CardRun> runs = new ArrayList<>();
    for (int k = 0; k < ORDERS; k++) {
      ResultFile f = files.get(k);
      runs.add(CardRun.of("k" + k + ".json", f, ScoredRun.of(f, key.criteria(), dataset, "k" + k + ".json"), false,
          k == 0 ? null : new Variant(Variant.Kind.CHOICE_ORDER, "choice order", "cyclic:" + k, "none")));
    }
    Set<String> images = dataset.questions().stream().filter(Question::requiresImage).map(Question::questionId)
        .collect(Collectors.toSet());
    return RobustnessCard.of("120", "official", runs.get(0), runs.subList(1, ORDERS), List.of(), key.criteria(),
        images, FAST);
  }

  private static int points(String id) {
    return key.criteria().isExcluded(id) ? 0 : Points.of(QuestionId.parse(id).orElseThrow());
  }

  private static boolean right(int k, Question q) {
    return key.isCorrect(q, answers.get(k).get(q.questionId()), true);
  }

  private static boolean moved(Question q) {
    return shown.get(1).containsKey(q.questionId());
  }

  @Test
  void consistencyCountsTheMovedQuestionsAnsweredWithTheSameExamLettersInEveryOrder() {
    int moved = 0;
    int alike = 0;
    for (Question q : dataset.questions()) {
      if (!moved(q)) {
        continue;
      }
      moved++;
      boolean same = true;
      for (int k = 1; k < ORDERS; k++) {
        same &= answers.get(k).get(q.questionId()).equals(answers.get(0).get(q.questionId()));
      }
      alike += same ? 1 : 0;
    }

    ChoiceOrders c = card().choiceOrders();

    assertThat(c.orders()).containsExactly("default", "choice order cyclic:1", "choice order cyclic:2",
        "choice order cyclic:3", "choice order cyclic:4");
    assertThat(c.questions()).isEqualTo(400);
    assertThat(c.moved()).isEqualTo(moved).isEqualTo(397);
    assertThat(c.consistent()).isEqualTo(alike);
    assertThat(alike).isBetween(200, 300);
  }

  @Test
  void theEveryOrderScoreCountsAQuestionOnlyWhenItIsRightInEveryOrder() {
    int everyOrder = 0;
    int max = 0;
    int defaultScore = 0;
    int sum = 0;
    for (Question q : dataset.questions()) {
      int p = points(q.questionId());
      max += p;
      boolean all = true;
      for (int k = 0; k < ORDERS; k++) {
        all &= right(k, q);
        sum += right(k, q) ? p : 0;
      }
      everyOrder += all ? p : 0;
      defaultScore += right(0, q) ? p : 0;
    }

    ChoiceOrders c = card().choiceOrders();

    assertThat(c.everyOrderScore()).isEqualTo(everyOrder);
    assertThat(c.scoreMax()).isEqualTo(max);
    assertThat(c.defaultScore()).isEqualTo(defaultScore);
    assertThat(c.meanScore()).isEqualTo((double) sum / ORDERS);
    assertThat(everyOrder).isLessThan(defaultScore);
  }

  @Test
  void positionSharesCountTheShownPositionChosenAndTheOneHoldingTheGoldOverOneAnswerQuestions() {
    long[] chosen = new long[5];
    long[] gold = new long[5];
    for (Question q : dataset.questions()) {
      List<String> g = key.gold(q);
      if (!moved(q) || g.size() != 1) {
        continue;
      }
      for (int k = 0; k < ORDERS; k++) {
        List<String> order = k == 0 ? shown.get(1).get(q.questionId()).stream().sorted().toList()
            : shown.get(k).get(q.questionId());
        List<String> a = answers.get(k).get(q.questionId());
        if (a.size() == 1 && order.contains(a.get(0))) {
          chosen[order.indexOf(a.get(0))]++;
          gold[order.indexOf(g.get(0))]++;
        }
      }
    }

    PositionBias b = card().choiceOrders().positionBias();

    assertThat(b.chosen()).containsExactly(chosen);
    assertThat(b.gold()).containsExactly(gold);
    // The cyclic design puts the gold in every position equally often; the model's first-choice habit shows.
    assertThat(b.chosenShare(0)).isGreaterThan(b.goldShare(0) + 0.2);
    assertThat(Math.abs(b.goldShare(0) - b.goldShare(4))).isLessThan(0.01);
    assertThat(b.test().p()).isLessThan(1e-6);
  }

  @Test
  void eachRowIsThePairedComparisonOfTheVariantAgainstTheDefaultWithItsHolmAdjustedP() {
    RobustnessCard card = card();

    assertThat(card.rows()).hasSize(ORDERS - 1);
    double[] raw = new double[ORDERS - 1];
    for (int k = 1; k < ORDERS; k++) {
      RobustnessCard.Row row = card.rows().get(k - 1);
      int delta = 0;
      int rightToWrong = 0;
      int wrongToRight = 0;
      for (Question q : dataset.questions()) {
        delta += (right(k, q) ? points(q.questionId()) : 0) - (right(0, q) ? points(q.questionId()) : 0);
        rightToWrong += right(0, q) && !right(k, q) ? 1 : 0;
        wrongToRight += !right(0, q) && right(k, q) ? 1 : 0;
      }
      assertThat(row.paired().scoreDifference()).isEqualTo(delta);
      assertThat(row.rightToWrong()).isEqualTo(rightToWrong);
      assertThat(row.wrongToRight()).isEqualTo(wrongToRight);
      PairedComparison alone = PairedComparison.of(row.run().scored(), card.defaultRun().run().scored(), FAST);
      assertThat(row.paired().differenceCi()).isEqualTo(alone.differenceCi());
      raw[k - 1] = alone.mcnemarP();
    }
    // Holm by hand: sorted ascending, the i-th (0-based) times m − i, made monotone.
    Integer[] idx = {0, 1, 2, 3};
    java.util.Arrays.sort(idx, (x, y) -> Double.compare(raw[x], raw[y]));
    double running = 0;
    for (int i = 0; i < 4; i++) {
      running = Math.max(running, Math.min(1, (4 - i) * raw[idx[i]]));
      assertThat(card.rows().get(idx[i]).holmP()).isEqualTo(running);
    }
  }

  @Test
  void theTextFitsEightyColumnsAndNamesEveryFigure() {
    String text = CardText.of(card());

    assertThat(text.lines()).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(80));
    assertThat(text).contains("Choice order over 5 orders (default, cyclic:1, cyclic:2, cyclic:3, cyclic:4)")
        .contains("Consistency").contains("Every-order score").contains("Position bias")
        .contains("Stuart–Maxwell").contains("Smallest difference the exam can tell apart");
  }
}
