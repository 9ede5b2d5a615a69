package dev.jmlebench.mock;

import dev.jmlebench.common.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which shown positions a position-biased mock picks ({@code mock-server --position-bias}), whatever the
 * choices say: {@code first} (a, b, … for an answer of several), {@code last}, or {@code prior:W1,W2,…}, the
 * positions drawn without replacement with probability proportional to their weights (a missing weight is 0;
 * the draw is fixed by the seed, the question and the order shown, so a run repeats).
 */
public record PositionBias(Kind kind, List<Double> weights) {
  /** The three rules. */
  public enum Kind { FIRST, LAST, PRIOR }

  public PositionBias {
    weights = List.copyOf(weights);
  }

  /** Reads {@code first}, {@code last} or {@code prior:W1,W2,…}; a bad value is named with {@code what}. */
  public static PositionBias parse(String value, String what) {
    String v = value == null ? "" : value.strip();
    if (v.equals("first")) {
      return new PositionBias(Kind.FIRST, List.of());
    }
    if (v.equals("last")) {
      return new PositionBias(Kind.LAST, List.of());
    }
    if (v.startsWith("prior:")) {
      List<Double> weights = new ArrayList<>();
      try {
        for (String w : v.substring("prior:".length()).split(",", -1)) {
          weights.add(Double.parseDouble(w.strip()));
        }
      } catch (NumberFormatException e) {
        weights.clear();
      }
      if (!weights.isEmpty() && weights.stream().allMatch(w -> w >= 0 && Double.isFinite(w))
          && weights.stream().mapToDouble(Double::doubleValue).sum() > 0) {
        return new PositionBias(Kind.PRIOR, weights);
      }
    }
    throw new UserError(what + ": expected first, last or prior:W1,W2,… (weights ≥ 0, not all 0), not '" + value
        + "'");
  }

  /**
   * The {@code k} positions (0-based, ascending) picked among {@code n} shown; {@code draw} decides a prior's
   * picks. Fewer than {@code k} when fewer positions have weight.
   */
  List<Integer> pick(int n, int k, SplittableRandom draw) {
    List<Integer> out = new ArrayList<>();
    switch (kind) {
      case FIRST -> {
        for (int i = 0; i < Math.min(k, n); i++) {
          out.add(i);
        }
      }
      case LAST -> {
        for (int i = Math.max(0, n - k); i < n; i++) {
          out.add(i);
        }
      }
      case PRIOR -> {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
          w[i] = i < weights.size() ? weights.get(i) : 0;
        }
        for (int taken = 0; taken < k; taken++) {
          double total = 0;
          for (double x : w) {
            total += x;
          }
          if (total <= 0) {
            break;
          }
          double r = draw.nextDouble() * total;
          int pick = -1;
          for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
              pick = i;
              r -= w[i];
              if (r < 0) {
                break;
              }
            }
          }
          out.add(pick);
          w[pick] = 0;
        }
        out.sort(null);
      }
    }
    return out;
  }
}
