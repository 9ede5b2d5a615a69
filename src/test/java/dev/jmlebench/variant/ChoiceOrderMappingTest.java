package dev.jmlebench.variant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.results.Grader;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.GradedQuestion;
import dev.jmlebench.score.Scorer;
import dev.jmlebench.score.Summary;
import dev.jmlebench.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Must show (issue 24): for every question of the 120th, the 119th and the 112th-116th, a perfect answerer —
 * who reads the choices shown and answers, in the letters shown, the ones whose text is the gold answer's —
 * scores exactly the default score under every cyclic order (and under shuffles); the questions that cannot
 * move are asked unchanged.
 */
class ChoiceOrderMappingTest {
  static Stream<Dataset> exams() {
    return Stream.of(SharedData.dataset(), SharedData.dataset119(), SharedData.datasetIgakuqa("112"),
        SharedData.datasetIgakuqa("113"), SharedData.datasetIgakuqa("114"), SharedData.datasetIgakuqa("115"),
        SharedData.datasetIgakuqa("116"));
  }

  @ParameterizedTest(name = "the {0}")
  @MethodSource("exams")
  void aPerfectAnswererScoresTheDefaultScoreUnderEveryCyclicOrderAndShuffle(Dataset d) {
    AnswerKey key = AnswerKey.chosen(d.exam(), null);
    Summary asIs = score(d, key, Presenter.asIs());
    assertThat(asIs.correct()).as("the default run is all right").isEqualTo(d.questions().size());
    int most = d.questions().stream().mapToInt(q -> ChoiceList.find(q.text()).map(ChoiceList::size).orElse(0))
        .max().orElseThrow();
    List<ChoiceOrder> orders = new ArrayList<>();
    for (int k = 0; k < most; k++) {
      orders.add(ChoiceOrder.cyclic(k));
    }
    orders.add(ChoiceOrder.shuffle(20260207));
    for (ChoiceOrder order : orders) {
      Presenter presenter = new Presenter(d.questions(), order, null);
      assertThat(score(d, key, presenter)).as("%s under %s", d.exam(), order).isEqualTo(asIs);
    }
  }

  @ParameterizedTest(name = "the {0}")
  @MethodSource("exams")
  void everyMovableQuestionIsShownInEachOrderAndAFixedOneIsAskedUnchanged(Dataset d) {
    Presenter cyclic1 = new Presenter(d.questions(), ChoiceOrder.cyclic(1), null);
    Presenter cyclic0 = new Presenter(d.questions(), ChoiceOrder.cyclic(0), null);
    Map<String, Fixed> fixed = cyclic1.fixedQuestions();
    for (Question q : d.questions()) {
      ShownQuestion shown = cyclic1.show(q);
      assertThat(cyclic0.show(q).question()).as("cyclic:0 asks %s as the exam does", q.questionId()).isEqualTo(q);
      if (fixed.containsKey(q.questionId())) {
        assertThat(shown.question()).as(q.questionId()).isEqualTo(q);
        assertThat(shown.fixed()).isEqualTo(fixed.get(q.questionId()));
        assertThat(shown.order()).as("the exam's order, recorded")
            .isEqualTo(ChoiceList.find(q.text()).map(c -> Presenter.lettersOf(c.size())).orElse(List.of()));
      } else {
        assertThat(shown.question().text()).as(q.questionId()).isNotEqualTo(q.text());
        assertThat(shown.fixed()).isNull();
        assertThat(shown.order()).first().isEqualTo("b");
      }
    }
  }

  @ParameterizedTest(name = "the {0}th in English")
  @ValueSource(strings = {"112", "113", "114", "115", "116"})
  void inEnglishToo(String exam) {
    Dataset d = SharedData.datasetIgakuqa(exam);
    Map<String, Question> english = SharedData.englishIgakuqa(exam).questions();
    AnswerKey key = AnswerKey.chosen(exam, null);
    Summary asIs = score(d, key, new Presenter(d.questions(), null, english), english);
    assertThat(asIs.correct()).isEqualTo(d.questions().size());
    for (int k = 0; k < 5; k++) {
      Presenter presenter = new Presenter(d.questions(), ChoiceOrder.cyclic(k), english);
      assertThat(score(d, key, presenter, english)).as("%s in English under cyclic:%d", exam, k).isEqualTo(asIs);
      Map<String, Fixed> fixed = presenter.fixedQuestions();
      for (Question q : d.questions()) {
        Question shown = presenter.show(q).question();
        if (fixed.containsKey(q.questionId()) || k == 0) {
          assertThat(shown).as("kept as translated").isEqualTo(english.get(q.questionId()));
        }
      }
    }
  }

  private static Summary score(Dataset d, AnswerKey key, Presenter presenter) {
    return score(d, key, presenter, d.byId());
  }

  /**
   * The summary of a perfect answerer's replies to every question shown by {@code presenter}, which words the
   * exam's questions as {@code worded} does, in the exam's order.
   */
  private static Summary score(Dataset d, AnswerKey key, Presenter presenter, Map<String, Question> worded) {
    List<GradedQuestion> graded = new ArrayList<>();
    for (Question q : d.questions()) {
      ShownQuestion shown = presenter.show(q);
      String reply = "考えます。\n【回答】"
          + String.join(",", perfectAnswer(q, worded.get(q.questionId()), shown.question(), key));
      QuestionResult r = Grader.grade(q, reply, null, Map.of(), key, shown::toExamLetters);
      graded.add(new GradedQuestion(q, r.outcome()));
    }
    return Scorer.summarize(graded, key.criteria());
  }

  /**
   * What a model that knows every answer replies to the question it is shown: the letters under which the
   * gold choices' texts now stand (one of them where the gold letters are alternatives); the gold letters of a
   * question asked as the exam words it.
   */
  private static List<String> perfectAnswer(Question exam, Question worded, Question shown, AnswerKey key) {
    List<String> gold = key.gold(exam);
    if (exam.type() == QuestionType.CALCULATION) {
      return gold;
    }
    List<String> wanted = key.isCorrect(exam, gold, true) ? gold : List.of(gold.get(0));
    if (shown.equals(worded)) {
      return wanted;
    }
    List<String> examBodies = ChoiceList.find(worded.text()).orElseThrow().bodies();
    List<String> shownBodies = ChoiceList.find(shown.text()).orElseThrow().bodies();
    assertThat(shownBodies).as("%s shows the same choices", exam.questionId())
        .containsExactlyInAnyOrderElementsOf(examBodies).doesNotHaveDuplicates();
    return wanted.stream().map(l -> String.valueOf((char) ('a' + shownBodies.indexOf(examBodies.get(l.charAt(0) - 'a')))))
        .toList();
  }
}
