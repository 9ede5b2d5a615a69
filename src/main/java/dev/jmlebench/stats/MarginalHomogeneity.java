package dev.jmlebench.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Whether two paired categorical variables — here, the position a model chose and the position that held the
 * gold answer — have the same marginal distribution: the Stuart–Maxwell test (Stuart 1955; Maxwell 1970) made
 * robust to clustered observations. Each observation contributes the vector uᵢ = e(chosen) − e(gold); the
 * statistic is W = dᵀ V⁻ d over the first k − 1 categories, with d = Σ uᵢ and V = Σ_c (Σ_{i ∈ c} uᵢ)(Σ_{i ∈ c}
 * uᵢ)ᵀ summed over clusters c, and is referred to χ² with rank(V) degrees of freedom. With every observation
 * a cluster of its own, V is exactly Stuart–Maxwell's variance estimate (n_i· + n_·i − 2n_ii on the diagonal,
 * −(n_ij + n_ji) off it); with clusters — one question asked in several orders, the questions of a serial
 * group — it is the cluster-robust ("sandwich") variance that Miller 2024 recommends for evals whose questions
 * are not independent. Observations whose chosen and gold positions agree contribute nothing.
 *
 * <p>Commons Statistics has no linear algebra; the quadratic form is computed by a symmetric elimination
 * without pivoting that skips pivots which vanish (V is positive semidefinite and d lies in its column space,
 * so any generalised inverse gives the same W).
 *
 * @param categories k
 * @param statistic W
 * @param degreesOfFreedom rank(V); 0 when no observation differs (then p = 1)
 * @param p the upper tail of χ²(df) at W
 */
public record MarginalHomogeneity(int categories, double statistic, int degreesOfFreedom, double p) {

  /** One observation: its cluster, and the chosen and gold categories (0-based). */
  public record Observation(String cluster, int chosen, int gold) {}

  public static MarginalHomogeneity of(int categories, List<Observation> observations) {
    if (categories < 2) {
      throw new IllegalArgumentException("need at least two categories, not " + categories);
    }
    int m = categories - 1;
    double[] d = new double[m];
    Map<String, double[]> clusters = new LinkedHashMap<>();
    for (Observation o : observations) {
      if (o.chosen() < 0 || o.chosen() >= categories || o.gold() < 0 || o.gold() >= categories) {
        throw new IllegalArgumentException("category out of 0.." + (categories - 1) + ": " + o);
      }
      double[] u = clusters.computeIfAbsent(o.cluster(), c -> new double[m]);
      if (o.chosen() < m) {
        u[o.chosen()] += 1;
        d[o.chosen()] += 1;
      }
      if (o.gold() < m) {
        u[o.gold()] -= 1;
        d[o.gold()] -= 1;
      }
    }
    double[][] v = new double[m][m];
    for (double[] u : clusters.values()) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          v[i][j] += u[i] * u[j];
        }
      }
    }
    // LDLᵀ by symmetric elimination; W = Σ yᵢ²/Dᵢ over the pivots that do not vanish, y = L⁻¹d.
    double scale = 0;
    for (int i = 0; i < m; i++) {
      scale = Math.max(scale, v[i][i]);
    }
    double tolerance = 1e-9 * Math.max(scale, 1);
    double w = 0;
    int rank = 0;
    for (int k = 0; k < m; k++) {
      double pivot = v[k][k];
      if (pivot <= tolerance) {
        continue;
      }
      rank++;
      w += d[k] * d[k] / pivot;
      for (int i = k + 1; i < m; i++) {
        double f = v[i][k] / pivot;
        if (f == 0) {
          continue;
        }
        d[i] -= f * d[k];
        for (int j = k + 1; j < m; j++) {
          v[i][j] -= f * v[k][j];
        }
      }
    }
    double p = rank == 0 ? 1 : ChiSquaredDistribution.of(rank).survivalProbability(w);
    return new MarginalHomogeneity(categories, w, rank, p);
  }
}
