package dev.jmlebench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.SharedData;
import org.junit.jupiter.api.Test;

class QuestionIdTest {
  @Test
  void anIdSplitsIntoExamBlockAndNumber() {
    assertThat(QuestionId.parse("120B-41")).contains(new QuestionId("120", "B", 41));
    assertThat(QuestionId.parse("120B-41").orElseThrow()).hasToString("120B-41");
  }

  @Test
  void idsOfAnotherShapeAreNotQuestionIds() {
    assertThat(QuestionId.parse("120G-1")).isEmpty();
    assertThat(QuestionId.parse("120B-0")).isEmpty();
    assertThat(QuestionId.parse("B-41")).isEmpty();
    assertThat(QuestionId.parse("120b-41")).isEmpty();
    assertThat(QuestionId.parse("120B-41 ")).isEmpty();
  }

  @Test
  void everyDatasetIdAgreesWithItsBlockAndNumberFields() {
    for (Question q : SharedData.dataset().questions()) {
      assertThat(QuestionId.parse(q.questionId())).contains(new QuestionId("120", q.block(), q.number()));
    }
  }
}
