package dev.jmlebench.score;

import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.exam.Exams;

/**
 * Points of a question in the official 500-point scheme (SPEC §4), as its exam's data states them
 * ({@code exam/<id>/exam.json}): for the 120th, questions 1-25 of the required blocks B and E score 1 and
 * 26-50 score 3; every question of A, C, D and F scores 1.
 */
public final class Points {
  private Points() {}

  public static int of(Question q) {
    return of(QuestionId.parse(q.questionId()).orElseThrow(
        () -> new IllegalArgumentException("not a question id: " + q.questionId())));
  }

  public static int of(QuestionId id) {
    return Exams.get(id.exam()).block(id.block())
        .orElseThrow(() -> new IllegalArgumentException("the " + ExamOrdinal.of(id.exam())
            + " exam has no block " + id.block()))
        .pointsOf(id.number());
  }
}
