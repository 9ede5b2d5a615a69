package dev.jmlebench.stats;

/**
 * What a ranking of every pair shows of one pair ({@code compare --all}): the figures of its
 * {@link PairedComparison} without the questions themselves, so a folder of hundreds of runs holds tens of
 * thousands of pairs in a few bytes each.
 *
 * @param questions questions both runs answered
 * @param scoreMax the maximum score on those questions
 * @param scoreDifference A's score minus B's on those questions
 * @param aOnly questions A got right and B wrong
 * @param bOnly questions A got wrong and B right
 * @param differenceCi the 95% paired-bootstrap interval of the score difference, in points
 * @param mcnemarP the exact McNemar p-value
 */
public record PairFigures(int questions, int scoreMax, int scoreDifference, int aOnly, int bOnly,
    PointInterval differenceCi, double mcnemarP) {

  static PairFigures of(PairedComparison c) {
    return new PairFigures(c.questions(), c.scoreMax(), c.scoreDifference(), c.aOnly(), c.bOnly(), c.differenceCi(),
        c.mcnemarP());
  }
}
