package dev.jmlebench.score;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.exam.Exams;

/**
 * Which part of its exam a question counts towards, required (必修) or general, as the exam's data says
 * ({@code blocks[].required} in {@code exam/<id>/exam.json}: B and E for every exam bundled today). The one
 * place a question's part is decided; the scorer, the criteria, the statistics, the charts and the viewer ask
 * here.
 */
public final class Part {
  private Part() {}

  public static boolean isRequired(Question q) {
    return isRequired(QuestionId.parse(q.questionId()).orElseThrow(
        () -> new IllegalArgumentException("not a question id: " + q.questionId())));
  }

  public static boolean isRequired(QuestionId id) {
    return isRequired(id.exam(), id.block());
  }

  /** Whether block {@code block} of exam {@code exam} is required; a block the exam lacks is a fault. */
  public static boolean isRequired(String exam, String block) {
    return Exams.get(exam).isRequiredBlock(block);
  }
}
