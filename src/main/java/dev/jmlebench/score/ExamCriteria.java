package dev.jmlebench.score;

import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.exam.Criteria;
import dev.jmlebench.exam.Edition;
import java.util.Optional;
import java.util.Set;

/**
 * The pass criteria of one answer-key edition as they judge a run: the edition's pass marks as its data states
 * them ({@code marks}, from {@code exam/<id>/editions/*.json}), and the questions that change them. Questions
 * excluded from scoring (採点除外) score for nobody and lower both maxima; the required mark is then
 * {@code min_ratio_with_exclusions} of the remaining required maximum, as the ministry states it. Every
 * maximum and mark a page, chart or export shows is the one judged here ({@link #requiredMax()} …), never
 * {@code marks}' as written.
 *
 * @param marks the edition's pass marks, before any exclusion
 * @param correctForEveryone questions that score for every candidate whatever the answer (116A71)
 */
public record ExamCriteria(String exam, Criteria marks, Set<String> excludedQuestions, Set<String> correctForEveryone) {

  public ExamCriteria {
    excludedQuestions = Set.copyOf(excludedQuestions);
    correctForEveryone = Set.copyOf(correctForEveryone);
  }

  /** The criteria of an answer-key edition: its pass marks and the questions it excludes. */
  public static ExamCriteria of(Edition edition) {
    return new ExamCriteria(edition.exam(), edition.criteria(), edition.excludedQuestions(),
        edition.correctForEveryone());
  }

  /** Whether the question scores for every candidate whatever the answer (116A71). */
  public boolean scoresForEveryone(String questionId) {
    return correctForEveryone.contains(questionId);
  }

  public boolean isExcluded(String questionId) {
    return excludedQuestions.contains(questionId);
  }

  /** The required part's maximum once excluded questions are taken out ({@code 200}, or {@code 197}). */
  public int requiredMax() {
    return marks.requiredMax() - excludedPoints(true);
  }

  /** The general part's maximum once excluded questions are taken out ({@code 300}, or the 112th's {@code 299}). */
  public int generalMax() {
    return marks.generalMax() - excludedPoints(false);
  }

  /** The whole exam's maximum as scored: {@code 500}, the 112th's {@code 499}. */
  public int scoreMax() {
    return requiredMax() + generalMax();
  }

  /**
   * The lowest passing required score: the edition's mark, or with a required question excluded
   * {@code min_ratio_with_exclusions} of the remaining maximum, rounded up ({@code 158} of 197).
   */
  public int requiredMin() {
    return excludedPoints(true) == 0 ? marks.requiredMinScore()
        : (int) Math.ceil(marks.requiredMinRatioWithExclusions() * requiredMax() - 1e-9);
  }

  /** The lowest passing general score: the edition's mark (the ministry states it on the remaining maximum). */
  public int generalMin() {
    return marks.generalMinScore();
  }

  /** The required pass mark as the ministry states it, e.g. {@code ≥158/197} with a 3-point question excluded. */
  public String requiredMark() {
    return "≥" + requiredMin() + "/" + requiredMax();
  }

  /** The general pass mark as the ministry states it, e.g. {@code ≥208/299} with one question excluded. */
  public String generalMark() {
    return "≥" + generalMin() + "/" + generalMax();
  }

  private int excludedPoints(boolean required) {
    return excludedQuestions.stream().map(QuestionId::parse).flatMap(Optional::stream)
        .filter(id -> Part.isRequired(id) == required).mapToInt(Points::of).sum();
  }

  /**
   * Judges the third criterion: null when it cannot be judged (no count: the exam's data annotates no
   * prohibited choices, or the edition sets no limit).
   */
  public Boolean prohibitedPass(Integer prohibitedAnswers) {
    return marks.prohibitedMax() == null || prohibitedAnswers == null ? null
        : prohibitedAnswers <= marks.prohibitedMax();
  }

  /**
   * Whose annotation of prohibited choices the third criterion rests on, said as a page or report shows it:
   * {@code annotated by IgakuQA's authors, not official}; null when the edition sets no such criterion. The
   * ministry publishes no list of prohibited choices, so every figure of this criterion carries this label.
   */
  public String prohibitedAnnotation() {
    return marks.prohibitedAnnotatedBy() == null ? null
        : "annotated by " + marks.prohibitedAnnotatedBy() + ", not official";
  }

  /**
   * Whose annotation of prohibited choices the third criterion rests on, as documents write it:
   * {@code IgakuQA's authors (not official: the ministry publishes no list)}; null when the edition sets none.
   */
  public String prohibitedAnnotatedBy() {
    return marks.prohibitedAnnotatedBy() == null ? null : notOfficial(marks.prohibitedAnnotatedBy());
  }

  /** An annotator of prohibited choices, marked as no official list (the ministry publishes none). */
  public static String notOfficial(String annotator) {
    return annotator + " (not official: the ministry publishes no list)";
  }

  /** The third criterion's mark, e.g. {@code ≤3}; null when the edition sets none. */
  public String prohibitedMark() {
    return marks.prohibitedMax() == null ? null : "≤" + marks.prohibitedMax();
  }

  /** Judges a required score; null when the run did not cover the whole required part. */
  public Boolean requiredPass(int score, int max, int excludedPoints) {
    int fullMax = marks.requiredMax() - excludedPoints;
    if (max != fullMax) {
      return null;
    }
    if (excludedPoints == 0) {
      return score >= marks.requiredMinScore();
    }
    return score >= marks.requiredMinRatioWithExclusions() * fullMax;
  }

  /** Judges a general score; null when the run did not cover the whole general part. */
  public Boolean generalPass(int score, int max, int excludedPoints) {
    if (max != marks.generalMax() - excludedPoints) {
      return null;
    }
    return score >= marks.generalMinScore();
  }
}
