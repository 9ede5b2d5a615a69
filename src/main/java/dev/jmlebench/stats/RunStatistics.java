package dev.jmlebench.stats;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.score.ExamCriteria;
import java.util.List;

/**
 * The uncertainty of one run's figures, from a stratified bootstrap over its questions (docs/STATISTICS.md):
 * 95% intervals for the score and the accuracy, the Wilson interval for the accuracy, and the probability
 * of passing.
 *
 * @param questions questions answered (the accuracy's denominator)
 * @param scoreCi the percentile interval of the score, in points
 * @param correctCi the percentile interval of the number of correct answers
 * @param passProbability the share of resamples in which both the required and the general criterion hold,
 *     and, where the exam judges it, the prohibited-choice criterion (at most so many answers with a
 *     prohibited choice, resampled with their questions); null when the run does not cover a whole part of
 *     the exam (then pass/fail is not judged)
 * @param prohibitedJudged whether the prohibited-choice criterion is part of {@code passProbability}
 */
public record RunStatistics(
    int questions,
    int correct,
    int score,
    int scoreMax,
    PointInterval scoreCi,
    PointInterval correctCi,
    Interval accuracyWilson,
    Double passProbability,
    Bootstrap bootstrap,
    boolean prohibitedJudged) {
  /**
   * The version of the figures these statistics produce. Bump it with any change that moves a figure (the
   * bootstrap, the interval methods, points, the pass rule): caches of earlier figures are keyed on it.
   * {@code StatisticsVersionTest} pins the figures of each version and fails when they move without a bump.
   */
  public static final int VERSION = 3;


  private static final int REQUIRED = 0;
  private static final int GENERAL = 1;
  private static final int CORRECT = 2;
  private static final int PROHIBITED = 3;

  /** The statistics of a result file with the default bootstrap (10,000 resamples, fixed seed). */
  public static RunStatistics of(ResultFile file, ExamCriteria criteria, Dataset dataset, String source) {
    return of(ScoredRun.of(file, criteria, dataset, source), criteria, Bootstrap.DEFAULT);
  }

  public static RunStatistics of(ScoredRun run, ExamCriteria criteria, Bootstrap bootstrap) {
    List<ScoredQuestion> qs = run.questions();
    if (qs.isEmpty()) {
      throw new IllegalArgumentException(run.source() + ": no answered question to resample");
    }
    int n = qs.size();
    // The draws do not depend on the number of columns: adding one leaves every other figure as it was.
    int[][] columns = new int[4][n];
    int[] max = new int[2];
    int[] excluded = new int[2];
    int[] observed = new int[3];
    for (int i = 0; i < n; i++) {
      ScoredQuestion q = qs.get(i);
      int part = q.required() ? REQUIRED : GENERAL;
      columns[part][i] = q.earnedPoints();
      columns[CORRECT][i] = q.correct() ? 1 : 0;
      columns[PROHIBITED][i] = Boolean.TRUE.equals(q.prohibited()) ? 1 : 0;
      max[part] += q.maxPoints();
      excluded[part] += q.scored() ? 0 : q.points();
      observed[part] += columns[part][i];
      observed[CORRECT] += columns[CORRECT][i];
    }
    int[][] sums = bootstrap.resample(qs.stream().map(ScoredQuestion::stratum).toList(),
        qs.stream().map(ScoredQuestion::unit).toList(), columns);
    int[] scores = new int[bootstrap.resamples()];
    for (int r = 0; r < scores.length; r++) {
      scores[r] = sums[REQUIRED][r] + sums[GENERAL][r];
    }

    // The third criterion where the exam sets one and the source annotates the prohibited choices.
    boolean judgesProhibited = criteria.marks().prohibitedMax() != null && qs.stream().anyMatch(q -> q.prohibited() != null);
    Double pass = null;
    if (criteria.requiredPass(observed[REQUIRED], max[REQUIRED], excluded[REQUIRED]) != null
        && criteria.generalPass(observed[GENERAL], max[GENERAL], excluded[GENERAL]) != null) {
      int passes = 0;
      for (int r = 0; r < scores.length; r++) {
        if (criteria.requiredPass(sums[REQUIRED][r], max[REQUIRED], excluded[REQUIRED])
            && criteria.generalPass(sums[GENERAL][r], max[GENERAL], excluded[GENERAL])
            && (!judgesProhibited || sums[PROHIBITED][r] <= criteria.marks().prohibitedMax())) {
          passes++;
        }
      }
      pass = (double) passes / scores.length;
    }
    return new RunStatistics(n, observed[CORRECT], observed[REQUIRED] + observed[GENERAL], max[REQUIRED] + max[GENERAL],
        Bootstrap.percentile(scores), Bootstrap.percentile(sums[CORRECT]), Wilson.interval(observed[CORRECT], n),
        pass, bootstrap, judgesProhibited);
  }

  /** Correct over answered, unrounded. */
  public double accuracy() {
    return (double) correct / questions;
  }

  /** The score interval as shares of the maximum (score %). */
  public Interval scorePctCi() {
    return scoreCi.over(scoreMax);
  }

  /** The bootstrap interval of the accuracy. */
  public Interval accuracyBootstrap() {
    return correctCi.over(questions);
  }
}
