package dev.jmlebench.variant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.Grader;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShownQuestionTest {
  @Test
  void anAnswerInTheLettersShownIsReadInTheExamsLetters() {
    ShownQuestion shown = new ShownQuestion(SharedData.dataset().question("120A-13").orElseThrow(),
        List.of("c", "d", "e", "a", "b"), null);
    assertThat(shown.toExamLetters(List.of("a", "e"))).containsExactly("b", "c");
    assertThat(shown.toExamLetters(List.of("d"))).containsExactly("a");
    assertThat(shown.toExamLetters(List.of("f"))).as("beyond the choices: kept, and wrong").containsExactly("f");
    assertThat(ShownQuestion.asIs(shown.question()).toExamLetters(List.of("a", "e"))).containsExactly("a", "e");
  }

  @Test
  void aReplyInShownLettersIsRecordedAndGradedInTheExamsLettersWithTheRawResponseAsWritten() {
    Question q = SharedData.dataset().question("120A-1").orElseThrow(); // gold a
    ShownQuestion shown = new Presenter(SharedData.dataset().questions(), ChoiceOrder.cyclic(1), null).show(q);
    assertThat(shown.order()).containsExactly("b", "c", "d", "e", "a");
    assertThat(shown.question().text()).endsWith("e\u3000緊急手術");
    AnswerKey key = AnswerKey.chosen("120", null);
    QuestionResult r = Grader.grade(q, "【回答】e", null, Map.of(), key, shown::toExamLetters);
    assertThat(r.predicted()).containsExactly("a");
    assertThat(r.correct()).isTrue();
    assertThat(r.rawResponse()).isEqualTo("【回答】e");
    QuestionResult wrong = Grader.grade(q, "【回答】a", null, Map.of(), key, shown::toExamLetters);
    assertThat(wrong.predicted()).containsExactly("b");
    assertThat(wrong.correct()).isFalse();
  }
}
