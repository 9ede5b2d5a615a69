package dev.jmlebench.robustness;

import dev.jmlebench.stats.MarginalHomogeneity;
import java.util.List;

/**
 * How often each shown position (a, b, c, … as the model saw them) is chosen, against how often it holds the
 * gold answer, over the answers to one-answer questions in every order (Zheng et al., ICLR 2024, call the
 * excess "selection bias"; Pezeshkpour &amp; Hruschka 2023 measure its effect on the score). With the orders of
 * a cyclic design each choice sits in each position once, so the gold's positions are balanced and an
 * order-blind model chooses the positions as often as they hold the gold: any difference is the model's
 * preference for a position. The test is {@link MarginalHomogeneity} with each question's answers in all
 * orders (a serial group's together) as one cluster.
 *
 * @param chosen per position, the answers that chose it
 * @param gold per position, the answers whose gold it held
 * @param answers the answers counted (each adds one to {@code chosen} and one to {@code gold})
 */
public record PositionBias(long[] chosen, long[] gold, int answers, MarginalHomogeneity test) {

  public PositionBias {
    chosen = chosen.clone();
    gold = gold.clone();
  }

  static PositionBias of(int positions, List<MarginalHomogeneity.Observation> observations) {
    long[] chosen = new long[positions];
    long[] gold = new long[positions];
    for (MarginalHomogeneity.Observation o : observations) {
      chosen[o.chosen()]++;
      gold[o.gold()]++;
    }
    return new PositionBias(chosen, gold, observations.size(),
        MarginalHomogeneity.of(Math.max(positions, 2), observations));
  }

  public int positions() {
    return chosen.length;
  }

  public double chosenShare(int position) {
    return answers == 0 ? 0 : (double) chosen[position] / answers;
  }

  public double goldShare(int position) {
    return answers == 0 ? 0 : (double) gold[position] / answers;
  }

  /** The letter a model is shown at a position: a for 0. */
  public static String letter(int position) {
    return String.valueOf((char) ('a' + position));
  }
}
