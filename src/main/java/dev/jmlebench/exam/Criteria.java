package dev.jmlebench.exam;

/**
 * The pass marks of an edition: the required (必修) and general parts are judged apart. When questions are
 * excluded from scoring (採点除外), the required mark becomes {@code requiredMinRatioWithExclusions} of the
 * remaining required maximum, as the ministry states it. {@code prohibitedMax}, the third criterion (at most
 * that many answers choosing a prohibited choice, 禁忌肢), is null when the exam's data cannot judge it (no
 * annotation of prohibited choices): the ministry states the criterion but publishes no list of such choices,
 * so {@code prohibitedAnnotatedBy} names whose annotation judges it (IgakuQA's authors), null with it.
 */
public record Criteria(int requiredMax, int requiredMinScore, double requiredMinRatioWithExclusions, int generalMax,
    int generalMinScore, Integer prohibitedMax, String prohibitedAnnotatedBy) {
  public Criteria {
    if (requiredMinScore > requiredMax || generalMinScore > generalMax) {
      throw new IllegalArgumentException("a pass mark is above its maximum");
    }
    if ((prohibitedMax == null) != (prohibitedAnnotatedBy == null)) {
      throw new IllegalArgumentException("a limit on prohibited choices names whose annotation judges it");
    }
  }
}
