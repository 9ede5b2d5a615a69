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
    Map<String, Tally> byImage) {

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

  /** Both criteria hold; false when either fails or could not be judged. */
  public boolean passed() {
    return Boolean.TRUE.equals(requiredPass) && Boolean.TRUE.equals(generalPass);
  }
}
