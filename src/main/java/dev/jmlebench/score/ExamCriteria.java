package dev.jmlebench.score;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.exam.Criteria;
import dev.jmlebench.exam.Edition;
import java.util.Set;

/**
 * The pass criteria of one answer-key edition (its data lives in {@code exam/<id>/editions/*.json}), judging
 * a required and a general score. Questions excluded from scoring
 * (採点除外) score for nobody and lower both maxima; the required threshold is then
 * {@code min_ratio_with_exclusions} of the remaining required maximum, as the ministry states it.
 */
public record ExamCriteria(
    String exam,
    int requiredMax,
    int requiredMinScore,
    double requiredMinRatioWithExclusions,
    int generalMax,
    int generalMinScore,
    Set<String> excludedQuestions,
    Set<String> correctForEveryone,
    Integer prohibitedMax,
    String prohibitedAnnotatedBy) {

  public ExamCriteria {
    excludedQuestions = Set.copyOf(excludedQuestions);
    correctForEveryone = Set.copyOf(correctForEveryone);
  }

  /** Criteria with no question that scores for everyone. */
  public ExamCriteria(String exam, int requiredMax, int requiredMinScore, double requiredMinRatioWithExclusions,
      int generalMax, int generalMinScore, Set<String> excludedQuestions) {
    this(exam, requiredMax, requiredMinScore, requiredMinRatioWithExclusions, generalMax, generalMinScore,
        excludedQuestions, Set.of(), null, null);
  }

  /** The criteria of an answer-key edition: its pass marks and the questions it excludes. */
  public static ExamCriteria of(Edition edition) {
    Criteria c = edition.criteria();
    return new ExamCriteria(edition.exam(), c.requiredMax(), c.requiredMinScore(), c.requiredMinRatioWithExclusions(),
        c.generalMax(), c.generalMinScore(), edition.excludedQuestions(), edition.correctForEveryone(), c.prohibitedMax(),
        c.prohibitedAnnotatedBy());
  }

  /** Whether the question scores for every candidate whatever the answer (116A71). */
  public boolean scoresForEveryone(String questionId) {
    return correctForEveryone.contains(questionId);
  }

  /** The required pass mark as the ministry states it, e.g. {@code ≥158/197} with a 3-point question excluded. */
  public String requiredMark() {
    int excluded = excludedPoints(true);
    int max = requiredMax - excluded;
    long min = excluded == 0 ? requiredMinScore : (long) Math.ceil(requiredMinRatioWithExclusions * max - 1e-9);
    return "≥" + min + "/" + max;
  }

  /** The general pass mark as the ministry states it, e.g. {@code ≥208/299} with one question excluded. */
  public String generalMark() {
    return "≥" + generalMinScore + "/" + (generalMax - excludedPoints(false));
  }

  private int excludedPoints(boolean required) {
    return excludedQuestions.stream().map(QuestionId::parse).flatMap(java.util.Optional::stream)
        .filter(id -> Question.isRequiredBlock(id.block()) == required).mapToInt(Points::of).sum();
  }

  /**
   * Judges the third criterion: null when it cannot be judged (no count: the exam's data annotates no
   * prohibited choices, or the edition sets no limit).
   */
  public Boolean prohibitedPass(Integer prohibitedAnswers) {
    return prohibitedMax == null || prohibitedAnswers == null ? null : prohibitedAnswers <= prohibitedMax;
  }

  /**
   * Whose annotation of prohibited choices the third criterion rests on, said as a page or report shows it:
   * {@code annotated by IgakuQA's authors, not official}; null when the edition sets no such criterion. The
   * ministry publishes no list of prohibited choices, so every figure of this criterion carries this label.
   */
  public String prohibitedAnnotation() {
    return prohibitedAnnotatedBy == null ? null : "annotated by " + prohibitedAnnotatedBy + ", not official";
  }

  /** The third criterion's mark, e.g. {@code ≤3}; null when the edition sets none. */
  public String prohibitedMark() {
    return prohibitedMax == null ? null : "≤" + prohibitedMax;
  }

  public boolean isExcluded(String questionId) {
    return excludedQuestions.contains(questionId);
  }

  /** Judges a required score; null when the run did not cover the whole required part. */
  public Boolean requiredPass(int score, int max, int excludedPoints) {
    int fullMax = requiredMax - excludedPoints;
    if (max != fullMax) {
      return null;
    }
    if (excludedPoints == 0) {
      return score >= requiredMinScore;
    }
    return score >= requiredMinRatioWithExclusions * fullMax;
  }

  /** Judges a general score; null when the run did not cover the whole general part. */
  public Boolean generalPass(int score, int max, int excludedPoints) {
    if (max != generalMax - excludedPoints) {
      return null;
    }
    return score >= generalMinScore;
  }
}
