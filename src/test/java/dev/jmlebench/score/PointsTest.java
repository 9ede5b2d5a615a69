package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.testing.SharedData;
import org.junit.jupiter.api.Test;

class PointsTest {
  @Test
  void requiredBlocksWeighTheSecondHalfThreeTimes() {
    assertThat(Points.of("B", 25)).isEqualTo(1);
    assertThat(Points.of("B", 26)).isEqualTo(3);
    assertThat(Points.of("E", 50)).isEqualTo(3);
    assertThat(Points.of("A", 75)).isEqualTo(1);
    assertThat(Points.of("C", 30)).isEqualTo(1);
  }

  @Test
  void theQuestionsOfThe120thExamAddUpToItsMaxima() {
    int required = 0;
    int general = 0;
    for (Question q : SharedData.dataset().questions()) {
      if (q.isRequired()) {
        required += Points.of(q);
      } else {
        general += Points.of(q);
      }
    }
    ExamCriteria criteria = ExamCriteria.forExam("120");
    assertThat(required).isEqualTo(criteria.requiredMax()).isEqualTo(200);
    assertThat(general).isEqualTo(criteria.generalMax()).isEqualTo(300);
  }
}
