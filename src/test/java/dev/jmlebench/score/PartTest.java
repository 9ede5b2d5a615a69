package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which blocks are required is the exam's data: a made-up exam (test resource {@code exam/901/}) whose required
 * blocks are A and C is scored with A and C in the required part, as its {@code exam.json} says.
 */
class PartTest {
  private static Question question(String id, String block, int number, boolean image) {
    return new Question(id, block, number, QuestionType.MULTIPLE_CHOICE, number + "\u3000stem\n\na\u3000x\n\nb\u3000y",
        List.of(), image, 1, List.of("a"), Optional.empty());
  }

  private static final List<Question> EXAM_901 = List.of(question("901A-1", "A", 1, false),
      question("901A-2", "A", 2, true), question("901B-1", "B", 1, false), question("901B-2", "B", 2, false),
      question("901C-1", "C", 1, false));

  @Test
  void theRequiredBlocksAreTheOnesTheExamsDataMarksRequired() {
    assertThat(EXAM_901).filteredOn(Part::isRequired).extracting(Question::block).containsExactly("A", "A", "C");
    assertThat(Part.isRequired("120", "B")).isTrue();
    assertThat(Part.isRequired("120", "A")).isFalse();
  }

  @Test
  void theScorerPutsTheExamsRequiredBlocksInTheRequiredPart() {
    List<GradedQuestion> graded = EXAM_901.stream().map(q -> new GradedQuestion(q,
        q.questionId().equals("901B-2") ? Outcome.WRONG : Outcome.CORRECT)).toList();

    Summary s = Scorer.summarize(graded, AnswerKey.of("901", "made-up").criteria());

    assertThat(s.requiredScoreMax()).as("A (1 + 3 points) and C (1)").isEqualTo(5);
    assertThat(s.requiredScore()).isEqualTo(5);
    assertThat(s.generalScoreMax()).as("B's two questions").isEqualTo(2);
    assertThat(s.generalScore()).isEqualTo(1);
    assertThat(s.requiredPass()).isTrue();
    assertThat(s.generalPass()).isTrue();
  }

  @Test
  void theCriteriaTakeAnExcludedQuestionOutOfItsExamsPart() {
    ExamCriteria marks = AnswerKey.of("901", "made-up").criteria();
    ExamCriteria excludingA2 = new ExamCriteria("901", marks.marks(), java.util.Set.of("901A-2"), java.util.Set.of());

    assertThat(excludingA2.requiredMark()).isEqualTo("≥2/2");
    assertThat(excludingA2.generalMark()).isEqualTo("≥1/2");
  }
}
