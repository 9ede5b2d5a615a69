package dev.jmlebench.stats;

import dev.jmlebench.common.UserError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two runs compared question by question on the questions both answered: the discordant counts, the exact
 * McNemar p-value, a paired-bootstrap interval for the score difference in points, the differences per
 * block, and the questions one got right and the other wrong.
 *
 * @param questions questions both runs answered
 * @param scoreMax the maximum score on those questions
 * @param aOnly questions A got right and B wrong
 * @param bOnly questions A got wrong and B right
 * @param differenceCi the 95% paired-bootstrap interval of {@code aScore − bScore}, in points
 * @param byBlock one entry per block present, sorted
 * @param differing the discordant questions, in exam order
 */
public record PairedComparison(
    ScoredRun a,
    ScoredRun b,
    int questions,
    int scoreMax,
    int aScore,
    int bScore,
    int aCorrect,
    int bCorrect,
    int aOnly,
    int bOnly,
    double mcnemarP,
    PointInterval differenceCi,
    List<BlockDifference> byBlock,
    List<Discordant> differing,
    Bootstrap bootstrap) {

  public PairedComparison {
    byBlock = List.copyOf(byBlock);
    differing = List.copyOf(differing);
  }

  /** The two runs' results on one block, restricted to the questions both answered. */
  public record BlockDifference(String block, int questions, int scoreMax, int aScore, int bScore, int aCorrect,
      int bCorrect) {
    static BlockDifference of(ScoredQuestion qa, ScoredQuestion qb) {
      return new BlockDifference(qa.block(), 1, qa.maxPoints(), qa.earnedPoints(), qb.earnedPoints(),
          qa.correct() ? 1 : 0, qb.correct() ? 1 : 0);
    }

    BlockDifference plus(BlockDifference o) {
      return new BlockDifference(block, questions + o.questions, scoreMax + o.scoreMax, aScore + o.aScore,
          bScore + o.bScore, aCorrect + o.aCorrect, bCorrect + o.bCorrect);
    }

    public int difference() {
      return aScore - bScore;
    }
  }

  /** A question exactly one of the two runs got right. */
  public record Discordant(ScoredQuestion a, ScoredQuestion b) {
    public Discordant {
      if (a.correct() == b.correct() || !a.questionId().equals(b.questionId())) {
        throw new IllegalArgumentException("not a discordant pair: " + a.questionId() + ", " + b.questionId());
      }
    }

    public String questionId() {
      return a.questionId();
    }

    /** {@code "A"} or {@code "B"}: the run that got it right. */
    public String rightRun() {
      return a.correct() ? "A" : "B";
    }
  }

  public static PairedComparison of(ScoredRun a, ScoredRun b) {
    return of(a, b, Bootstrap.DEFAULT);
  }

  public static PairedComparison of(ScoredRun a, ScoredRun b, Bootstrap bootstrap) {
    ScoredRun.checkOneExam(List.of(a, b));
    Map<String, ScoredQuestion> bById = new HashMap<>();
    b.questions().forEach(q -> bById.put(q.questionId(), q));
    // Iterate A's list (exam order), never the map, so the rows and the resampling are in a fixed order.
    List<ScoredQuestion[]> pairs = new ArrayList<>();
    for (ScoredQuestion qa : a.questions()) {
      ScoredQuestion qb = bById.get(qa.questionId());
      if (qb != null) {
        pairs.add(new ScoredQuestion[] {qa, qb});
      }
    }
    if (pairs.isEmpty()) {
      throw new UserError(a.source() + " and " + b.source() + " have no answered question in common");
    }

    int n = pairs.size();
    int[][] difference = new int[1][n];
    List<String> strata = new ArrayList<>(n);
    List<String> units = new ArrayList<>(n);
    int scoreMax = 0;
    int aScore = 0;
    int bScore = 0;
    int aCorrect = 0;
    int bCorrect = 0;
    List<Discordant> differing = new ArrayList<>();
    Map<String, BlockDifference> blocks = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      ScoredQuestion qa = pairs.get(i)[0];
      ScoredQuestion qb = pairs.get(i)[1];
      difference[0][i] = qa.earnedPoints() - qb.earnedPoints();
      strata.add(qa.stratum());
      units.add(qa.unit());
      scoreMax += qa.maxPoints();
      aScore += qa.earnedPoints();
      bScore += qb.earnedPoints();
      aCorrect += qa.correct() ? 1 : 0;
      bCorrect += qb.correct() ? 1 : 0;
      if (qa.correct() != qb.correct()) {
        differing.add(new Discordant(qa, qb));
      }
      blocks.merge(qa.block(), BlockDifference.of(qa, qb), BlockDifference::plus);
    }
    int aOnly = (int) differing.stream().filter(d -> d.a().correct()).count();
    int bOnly = differing.size() - aOnly;
    PointInterval ci = Bootstrap.percentile(bootstrap.resample(strata, units, difference)[0]);
    return new PairedComparison(a, b, n, scoreMax, aScore, bScore, aCorrect, bCorrect, aOnly, bOnly,
        McNemar.exactP(aOnly, bOnly), ci, List.copyOf(blocks.values()), differing, bootstrap);
  }

  public int scoreDifference() {
    return aScore - bScore;
  }
}
