package dev.jmlebench.score;

import java.util.Map;
import java.util.SortedMap;

/**
 * The {@code summary} of a result file (SPEC §5), in the field order the published files use. Ratios are
 * derived, never stored, so they cannot disagree with the counts they come from.
 *
 * @param byBlock blocks present in the run, sorted
 * @param byType {@code multiple_choice} and {@code calculation}, always both
 * @param byImage {@code text_only} and {@code with_image}, always both
 * @param prohibitedAnswers answers including a prohibited choice (禁忌肢, as the source's annotators mark them);
 *     null when the exam's data annotates none
 * @param prohibitedPass the third criterion (at most so many such answers); null when it is not judged
 */
public record Summary(
    int correct,
    int attempted,
    int score,
    int scoreMax,
    int textOnlyScore,
    int textOnlyScoreMax,
    int requiredScore,
    int requiredScoreMax,
    int generalScore,
    int generalScoreMax,
    Boolean requiredPass,
    Boolean generalPass,
    int parseFailures,
    int errors,
    SortedMap<String, Tally> byBlock,
    Map<String, Tally> byType,
    Map<String, Tally> byImage,
    Integer prohibitedAnswers,
    Boolean prohibitedPass) {

  /** A summary of an exam whose prohibited choices are not annotated (the third criterion is not judged). */
  public Summary(int correct, int attempted, int score, int scoreMax, int textOnlyScore, int textOnlyScoreMax,
      int requiredScore, int requiredScoreMax, int generalScore, int generalScoreMax, Boolean requiredPass,
      Boolean generalPass, int parseFailures, int errors, SortedMap<String, Tally> byBlock,
      Map<String, Tally> byType, Map<String, Tally> byImage) {
    this(correct, attempted, score, scoreMax, textOnlyScore, textOnlyScoreMax, requiredScore, requiredScoreMax,
        generalScore, generalScoreMax, requiredPass, generalPass, parseFailures, errors, byBlock, byType, byImage,
        null, null);
  }

  public double accuracy() {
    return Ratio.of(correct, attempted);
  }

  public int incorrect() {
    return attempted - correct;
  }

  public double scorePct() {
    return Ratio.of(score, scoreMax);
  }

  public double textOnlyScorePct() {
    return Ratio.of(textOnlyScore, textOnlyScoreMax);
  }

  public double requiredScorePct() {
    return Ratio.of(requiredScore, requiredScoreMax);
  }

  public double generalScorePct() {
    return Ratio.of(generalScore, generalScoreMax);
  }

  /**
   * Both score criteria hold, and the prohibited-choice criterion where it is judged; false when one fails or
   * a score criterion could not be judged.
   */
  public boolean passed() {
    return Boolean.TRUE.equals(requiredPass) && Boolean.TRUE.equals(generalPass) && !Boolean.FALSE.equals(prohibitedPass);
  }
}
