package dev.jmlebench.exam;

/**
 * The pass marks of an edition: the required (必修) and general parts are judged apart. When questions are
 * excluded from scoring (採点除外), the required mark becomes {@code requiredMinRatioWithExclusions} of the
 * remaining required maximum, as the ministry states it.
 */
public record Criteria(int requiredMax, int requiredMinScore, double requiredMinRatioWithExclusions, int generalMax,
    int generalMinScore) {
  public Criteria {
    if (requiredMinScore > requiredMax || generalMinScore > generalMax) {
      throw new IllegalArgumentException("a pass mark is above its maximum");
    }
  }
}
