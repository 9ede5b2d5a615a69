package dev.jmlebench.score;

import dev.jmlebench.dataset.Question;

/**
 * What the scorer needs of one answered question.
 *
 * @param prohibited whether the answer includes a prohibited choice (禁忌肢); null when the source annotates none
 */
public record GradedQuestion(Question question, Outcome outcome, Boolean prohibited) {
  public GradedQuestion(Question question, Outcome outcome) {
    this(question, outcome, null);
  }
}
