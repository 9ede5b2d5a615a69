package dev.jmlebench.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment (Holm 1979) of a family of p-values, controlling the family-wise error rate
 * without assuming independence: with p sorted ascending, the adjusted p of the i-th (1-based) is
 * max over j ≤ i of min(1, (m − j + 1)·p_(j)). A hypothesis is rejected at level α iff its adjusted p ≤ α.
 * Commons Statistics 1.1 has no multiple-comparison procedures; this is the whole of it.
 */
public final class Holm {
  private Holm() {}

  /** The adjusted p-values, in the order of the input. Ties keep their input order (a stable sort). */
  public static double[] adjust(double[] p) {
    int m = p.length;
    for (double v : p) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("a p-value must be in [0, 1], not " + v);
      }
    }
    Integer[] order = new Integer[m];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
