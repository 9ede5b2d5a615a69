package dev.jmlebench.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.client.ApiKey;
import dev.jmlebench.client.ChatClient;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.testing.SharedData;
import dev.jmlebench.variant.ChoiceOrder;
import dev.jmlebench.variant.Presenter;
import dev.jmlebench.variant.ShownQuestion;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mock reads a question however a run shows it (another choice order, English) and, when asked to, is
 * biased: by position, by the images, by the language — what the robustness card is tested against.
 */
class MockBiasTest {
  private final Dataset dataset = SharedData.dataset();

  private static ChatClient client(MockServer server) {
    return new ChatClient(new ClientSettings(server.baseUrl(), "m", ApiKey.ofNullable(null), Duration.ofSeconds(10),
        null));
  }

  /** The letters of the mock's answer to {@code q} shown under {@code order} (null: the exam's order). */
  private static String answer(MockServer server, Dataset d, Question q, ChoiceOrder order, Translation english,
      ImageMode mode) throws Exception {
    ShownQuestion shown = new Presenter(d.questions(), order, english == null ? null : english.questions()).show(q);
    String content = client(server).complete(Prompt.of(shown.question(), mode, d.imagesDirectory(),
        english == null ? Language.JAPANESE : Language.ENGLISH)).content();
    return content.substring(content.indexOf("【回答】") + 4);
  }

  @Test
  void anUnbiasedMockPicksTheSameChoiceInEveryOrderAndRepliesWithItsShownLetter() throws Exception {
    Question a1 = dataset.question("120A-1").orElseThrow(); // gold a
    Question c71 = dataset.question("120C-71").orElseThrow(); // a table
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      assertThat(answer(server, dataset, a1, null, null, ImageMode.BLIND)).isEqualTo("a");
      assertThat(answer(server, dataset, a1, ChoiceOrder.cyclic(1), null, ImageMode.BLIND)).isEqualTo("e");
      assertThat(answer(server, dataset, a1, ChoiceOrder.cyclic(3), null, ImageMode.BLIND)).isEqualTo("c");
      String gold = c71.answer().get(0);
      int shift = 2;
      String shownLetter = String.valueOf((char) ('a' + Math.floorMod(gold.charAt(0) - 'a' - shift, 5)));
      assertThat(answer(server, dataset, c71, ChoiceOrder.cyclic(shift), null, ImageMode.BLIND)).isEqualTo(shownLetter);
      assertThat(server.requests("120A-1")).isEqualTo(3);
    }
  }

  @Test
  void positionBiasFirstPicksTheFirstShownChoiceSoItIsRightOnlyWhereTheGoldIsShownFirst() throws Exception {
    Question a1 = dataset.question("120A-1").orElseThrow(); // gold a, one answer
    Question a13 = dataset.question("120A-13").orElseThrow(); // two answers
    MockOptions first = MockOptions.INSTANT.withBias(new MockBias(PositionBias.parse("first", "x"), 1, false, false));
    MockOptions last = MockOptions.INSTANT.withBias(new MockBias(PositionBias.parse("last", "x"), 1, false, false));
    try (MockServer server = MockServer.start(0, dataset, null, first);
         MockServer lastServer = MockServer.start(0, dataset, null, last)) {
      for (int k = 0; k < 5; k++) {
        assertThat(answer(server, dataset, a1, ChoiceOrder.cyclic(k), null, ImageMode.BLIND)).isEqualTo("a");
        assertThat(answer(server, dataset, a13, ChoiceOrder.cyclic(k), null, ImageMode.BLIND)).isEqualTo("a,b");
        assertThat(answer(lastServer, dataset, a13, ChoiceOrder.cyclic(k), null, ImageMode.BLIND)).isEqualTo("d,e");
      }
    }
  }

  @Test
  void aPriorDrawsShownPositionsByItsWeightsAndABiasShareLeavesTheOtherQuestionsUnbiased() {
    PositionBias prior = PositionBias.parse("prior:0,3,0,1", "x");
    SplittableRandom draw = new SplittableRandom(7);
    int[] counts = new int[5];
    for (int i = 0; i < 4000; i++) {
      counts[prior.pick(5, 1, draw).get(0)]++;
    }
    assertThat(counts[0]).isZero();
    assertThat(counts[2]).isZero();
    assertThat(counts[4]).as("a missing weight is 0").isZero();
    assertThat(counts[1] / 4000.0).isBetween(0.72, 0.78);
    assertThat(prior.pick(5, 3, draw)).as("only two positions have weight").containsExactly(1, 3);
    MockAnswers half = new MockAnswers(List.of(), false, Question::answer,
        new MockBias(PositionBias.parse("first", "x"), 0.5, false, false), 1);
    long biased = dataset.questions().stream().filter(half::biased).count();
    assertThat(biased).isBetween(160L, 240L);
    for (String bad : new String[] {"middle", "prior:", "prior:0,0", "prior:1,-1", "prior:a"}) {
      assertThatThrownBy(() -> PositionBias.parse(bad, "--position-bias")).isInstanceOf(UserError.class)
          .hasMessageStartingWith("--position-bias: expected first, last or prior:W1,W2,…");
    }
  }

  @Test
  void withAVisionGainAnImageQuestionAskedBlindIsWrongWhenItsNumberIsEvenAndWithoutOneNothingChanges()
      throws Exception {
    Question even = dataset.questions().stream()
        .filter(q -> q.requiresImage() && !q.clinicalImages().isEmpty() && q.number() % 2 == 0 && q.number() % 7 != 0
            && q.answer().size() == 1 && q.type() == dev.jmlebench.dataset.QuestionType.MULTIPLE_CHOICE)
        .findFirst().orElseThrow();
    String gold = even.answer().get(0);
    MockOptions gain = MockOptions.INSTANT.withBias(new MockBias(null, 1, true, false));
    try (MockServer server = MockServer.start(0, dataset, null, gain);
         MockServer plain = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      assertThat(answer(server, dataset, even, null, null, ImageMode.VISION)).isEqualTo(gold);
      assertThat(answer(server, dataset, even, null, null, ImageMode.BLIND)).isNotEqualTo(gold);
      assertThat(answer(plain, dataset, even, null, null, ImageMode.BLIND)).isEqualTo(gold);
    }
  }

  @Test
  void inEnglishTheMockAnswersAsInJapaneseUnlessEnglishAwareMissesEveryFifth() throws Exception {
    Dataset d = SharedData.datasetIgakuqa("112");
    Translation english = SharedData.englishIgakuqa("112");
    Question q10 = d.question("112A-10").orElseThrow();
    Question q11 = d.question("112A-11").orElseThrow();
    String gold10 = String.join(",", q10.answer());
    MockOptions aware = MockOptions.INSTANT.withBias(new MockBias(null, 1, false, true));
    try (MockServer plain = MockServer.startReplaying(0, d, english, List.of(), MockOptions.INSTANT, Question::answer);
         MockServer awareServer = MockServer.startReplaying(0, d, english, List.of(), aware, Question::answer)) {
      assertThat(answer(plain, d, q10, null, english, ImageMode.BLIND)).isEqualTo(gold10);
      assertThat(answer(awareServer, d, q10, null, null, ImageMode.BLIND)).as("in Japanese").isEqualTo(gold10);
      assertThat(answer(awareServer, d, q10, null, english, ImageMode.BLIND)).isNotEqualTo(gold10);
      assertThat(answer(awareServer, d, q11, ChoiceOrder.cyclic(2), english, ImageMode.BLIND))
          .isEqualTo(answer(plain, d, q11, ChoiceOrder.cyclic(2), english, ImageMode.BLIND));
      assertThat(plain.requests("112A-10")).isEqualTo(1);
    }
  }
}
