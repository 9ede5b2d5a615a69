package dev.jmlebench.stats;

import java.util.List;

/**
 * One answered question as the statistics see it: where it sits in the exam, what it is worth and whether
 * the model got it right. Built by {@link ScoredRun#of}.
 *
 * @param points the official points of the question (SPEC §4)
 * @param required whether it counts towards the required (必修) part, as its exam's data says ({@code score.Part})
 * @param scored false for a question excluded from scoring (採点除外): it then counts for accuracy only
 * @param unit what the bootstrap resamples as one: the serial group (連問) the question belongs to, whose
 *     questions share one case text and so err together, else the question itself
 * @param prohibited whether the answer includes a prohibited choice (禁忌肢, the source's annotation); null when
 *     the source annotates none
 */
public record ScoredQuestion(
    String questionId,
    String block,
    int number,
    int points,
    boolean required,
    boolean scored,
    boolean correct,
    List<String> predicted,
    List<String> gold,
    String unit,
    Boolean prohibited) {

  public ScoredQuestion {
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1, not " + points);
    }
    predicted = List.copyOf(predicted);
    gold = List.copyOf(gold);
  }

  /** What the question adds to the maximum score: its points, or 0 when excluded from scoring. */
  public int maxPoints() {
    return scored ? points : 0;
  }

  public int earnedPoints() {
    return correct ? maxPoints() : 0;
  }

  /**
   * The bootstrap stratum: the part of the exam and the weight. Resampling within strata keeps the number of
   * 1- and 3-point required questions, and so every maximum, fixed (docs/STATISTICS.md).
   */
  String stratum() {
    return (required() ? "required:" : "general:") + maxPoints();
  }
}
