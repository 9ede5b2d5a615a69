package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.testing.SharedData;
import org.junit.jupiter.api.Test;

class PointsTest {
  @Test
  void requiredBlocksWeighTheSecondHalfThreeTimes() {
    assertThat(Points.of(QuestionId.parse("120B-25").orElseThrow())).isEqualTo(1);
    assertThat(Points.of(QuestionId.parse("120B-26").orElseThrow())).isEqualTo(3);
    assertThat(Points.of(QuestionId.parse("120E-50").orElseThrow())).isEqualTo(3);
    assertThat(Points.of(QuestionId.parse("120A-75").orElseThrow())).isEqualTo(1);
    assertThat(Points.of(QuestionId.parse("120C-30").orElseThrow())).isEqualTo(1);
  }

  @Test
  void theQuestionsOfThe120thExamAddUpToTheMaximaOfEveryEdition() {
    int required = 0;
    int general = 0;
    for (Question q : SharedData.dataset().questions()) {
      if (Part.isRequired(q)) {
        required += Points.of(q);
      } else {
        general += Points.of(q);
      }
    }
    for (String edition : new String[] {"author", "official"}) {
      ExamCriteria criteria = AnswerKey.of("120", edition).criteria();
      assertThat(required).as(edition).isEqualTo(criteria.marks().requiredMax()).isEqualTo(200);
      assertThat(general).as(edition).isEqualTo(criteria.marks().generalMax()).isEqualTo(300);
    }
  }
}
