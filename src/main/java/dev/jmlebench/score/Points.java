package dev.jmlebench.score;

import dev.jmlebench.dataset.Question;

/**
 * Points of a question in the official 500-point scheme (SPEC §4): in the required blocks B and E,
 * questions 1-25 score 1 and 26-50 score 3; every question of A, C, D and F scores 1.
 */
public final class Points {
  private Points() {}

  public static int of(Question q) {
    return of(q.block(), q.number());
  }

  public static int of(String block, int number) {
    if (Question.isRequiredBlock(block)) {
      return number <= 25 ? 1 : 3;
    }
    return 1;
  }
}
