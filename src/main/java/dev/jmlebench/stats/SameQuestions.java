package dev.jmlebench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Pairs of runs that answered the same questions, compared from arrays. When two runs have the same rows — the
 * same questions in the same order, each in the same stratum and unit — their paired comparison resamples exactly
 * those rows, so the bootstrap draws the same counts for both, and each replicate of the difference is A's
 * replicate minus B's (a replicate is a sum of count × value over the rows: linear in the values). Each run is
 * then resampled once, and a pair costs a subtraction per replicate instead of a bootstrap: {@code compare --all}
 * over 432 runs of one exam is 93,096 pairs. The figures are the very integers {@link PairedComparison#of} gives
 * (SameQuestionsTest holds every pair of the published runs to it).
 */
final class SameQuestions {
  private final Bootstrap bootstrap;
  /** Per run: which layout it has (runs of one layout compare fast), and its arrays. */
  private final int[] layout;
  private final int[][] earned;
  private final boolean[][] correct;
  private final int[] scoreMax;
  private final int[][] replicates;
  /** The least and the greatest of each run's replicates: a pair's differences lie between. */
  private final int[] least;
  private final int[] greatest;

  private SameQuestions(List<ScoredRun> runs, Bootstrap bootstrap) {
    this.bootstrap = bootstrap;
    int n = runs.size();
    layout = new int[n];
    earned = new int[n][];
    correct = new boolean[n][];
    scoreMax = new int[n];
    replicates = new int[n][];
    least = new int[n];
    greatest = new int[n];
    Map<List<String>, Integer> layouts = new HashMap<>();
    for (int r = 0; r < n; r++) {
      List<ScoredQuestion> qs = runs.get(r).questions();
      List<String> rows = new ArrayList<>(3 * qs.size());
      earned[r] = new int[qs.size()];
      correct[r] = new boolean[qs.size()];
      for (int i = 0; i < qs.size(); i++) {
        ScoredQuestion q = qs.get(i);
        rows.add(q.questionId());
        rows.add(q.stratum());
        rows.add(q.unit());
        earned[r][i] = q.earnedPoints();
        correct[r][i] = q.correct();
        scoreMax[r] += q.maxPoints();
      }
      // An empty run has nothing to resample: it is compared the general way (which says so).
      layout[r] = qs.isEmpty() ? -1 - r : layouts.computeIfAbsent(rows, k -> layouts.size());
    }
  }

  /** Each run resampled once, for the runs that share their layout with another. */
  static SameQuestions of(List<ScoredRun> runs, Bootstrap bootstrap) {
    SameQuestions s = new SameQuestions(runs, bootstrap);
    int[] members = new int[runs.size()];
    for (int l : s.layout) {
      if (l >= 0) {
        members[l]++;
      }
    }
    IntStream.range(0, runs.size()).parallel()
        .filter(r -> s.layout[r] >= 0 && members[s.layout[r]] > 1)
        .forEach(r -> {
          List<ScoredQuestion> qs = runs.get(r).questions();
          int[] replicates = bootstrap.resample(qs.stream().map(ScoredQuestion::stratum).toList(),
              qs.stream().map(ScoredQuestion::unit).toList(), new int[][] {s.earned[r]})[0];
          s.least[r] = Arrays.stream(replicates).min().orElseThrow();
          s.greatest[r] = Arrays.stream(replicates).max().orElseThrow();
          s.replicates[r] = replicates;
        });
    return s;
  }

  /** Whether runs {@code a} and {@code b} have the same rows, so {@link #figures} applies. */
  boolean alike(int a, int b) {
    return layout[a] == layout[b];
  }

  /** The pair's figures, for two runs {@link #alike}. */
  PairFigures figures(int a, int b) {
    int[] ea = earned[a];
    int[] eb = earned[b];
    boolean[] ca = correct[a];
    boolean[] cb = correct[b];
    int difference = 0;
    int aOnly = 0;
    int bOnly = 0;
    for (int i = 0; i < ea.length; i++) {
      difference += ea[i] - eb[i];
      if (ca[i] != cb[i]) {
        if (ca[i]) {
          aOnly++;
        } else {
          bOnly++;
        }
      }
    }
    PointInterval ci = Bootstrap.percentileOfDifference(replicates[a], replicates[b], least[a] - greatest[b],
        greatest[a] - least[b]);
    return new PairFigures(ea.length, scoreMax[a], difference, aOnly, bOnly, ci, McNemar.exactP(aOnly, bOnly));
  }

  Bootstrap bootstrap() {
    return bootstrap;
  }
}
