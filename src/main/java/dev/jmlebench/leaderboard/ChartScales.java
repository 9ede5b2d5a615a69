package dev.jmlebench.leaderboard;

import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Ratio;

/**
 * Where the charts' scales start and where the pass line sits: one place for the PNG/SVG charts and the
 * viewer's charts, which receive these numbers in their data.
 */
public final class ChartScales {
  private ChartScales() {}

  /**
   * The pass criterion is per part (required and general), not on the total, so no single line on a total
   * score is the pass line. The sum of the two part thresholds (160 + 221 = 381 of 500, 76.2%) is the
   * lowest total any passing run can have: a bar below it certainly fails, one above it passes unless one
   * part falls short — which the charts show by the name's weight, as the table does.
   */
  public static double passMark(ExamCriteria criteria) {
    return Ratio.of(passPoints(criteria), maxPoints(criteria));
  }

  /** The pass mark as points, {@code 381/500}. */
  public static String passMarkPoints(ExamCriteria criteria) {
    return passPoints(criteria) + "/" + maxPoints(criteria);
  }

  private static int passPoints(ExamCriteria criteria) {
    return criteria.requiredMin() + criteria.generalMin();
  }

  private static int maxPoints(ExamCriteria criteria) {
    return criteria.scoreMax();
  }

  /**
   * The start of the score axis, in per cent: a little below the lowest share drawn (bar, whisker or pass
   * mark), in steps of 5, so that the differences show.
   */
  public static double scoreAxisStartPercent(double lowestShare) {
    return Math.max(0, Math.floor((lowestShare * 100 - 3) / 5) * 5);
  }

  /** The accuracy at which the heat map's colours start: a little below the lowest cell. */
  public static double heatMapStart(double lowestAccuracy) {
    return Math.max(0, Math.floor(lowestAccuracy * 20) / 20 - 0.05);
  }
}
