package dev.jmlebench.viewer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.stats.AllPairs;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.Interval;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.ScoredRun;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.viewer.ViewerData.Run;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;

/**
 * The statistics the pages show, from {@code dev.jmlebench.stats} with its default bootstrap: each run's
 * intervals and pass probability (computed while loading, on both cores: the leaderboard shows them), and
 * every pair of runs compared (started in the background: 20 runs make 190 paired bootstraps, seconds of
 * work that only the matrix view waits for).
 */
final class ViewerStatistics {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, RunStatistics> byRun;
  private final CompletableFuture<Comparisons> comparisons;

  /** All pairs, and which viewer run each of the ranking's runs is. */
  private record Comparisons(AllPairs all, List<String> ids) {
    Optional<AllPairs.Pair> pair(String a, String b) {
      return all.pairs().stream()
          .filter(p -> ids.get(p.a()).equals(a) && ids.get(p.b()).equals(b))
          .findFirst();
    }
  }

  ViewerStatistics(ViewerData data) {
    // The file name is each scored run's source: unique in a folder, and it maps back to the viewer's run.
    Map<String, Run> bySource = new LinkedHashMap<>();
    Map<String, ScoredRun> scored = new LinkedHashMap<>();
    for (Run run : data.runs()) {
      String source = run.file().getFileName().toString();
      ScoredRun s = ScoredRun.of(run.result(), data.criteria(), data.dataset(), source);
      // A file without a single answer has nothing to resample or compare; its pages show no interval.
      if (!s.questions().isEmpty()) {
        bySource.put(source, run);
        scored.put(run.id(), s);
      }
    }
    Map<String, RunStatistics> stats = new HashMap<>();
    scored.entrySet().parallelStream()
        .map(e -> Map.entry(e.getKey(), RunStatistics.of(e.getValue(), data.criteria(), Bootstrap.DEFAULT)))
        .forEachOrdered(e -> stats.put(e.getKey(), e.getValue()));
    this.byRun = Map.copyOf(stats);
    if (scored.size() < 2) {
      this.comparisons = CompletableFuture.completedFuture(null);
      return;
    }
    var background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "viewer-pairwise-comparisons");
      t.setDaemon(true);
      return t;
    });
    List<ScoredRun> runs = List.copyOf(scored.values());
    this.comparisons = CompletableFuture.supplyAsync(() -> {
      AllPairs all = AllPairs.of(runs);
      return new Comparisons(all, all.ranking().stream().map(r -> bySource.get(r.source()).id()).toList());
    }, background);
    background.shutdown();
  }

  /**
   * One run's figures as {@code leaderboard.json} holds them ({@link StatisticsJson#run}), with the intervals
   * also as text like {@code 96.2–98.8}; only dashes for a run without answers.
   */
  ObjectNode runJson(Run run) {
    RunStatistics s = byRun.get(run.id());
    if (s == null) {
      return NODES.objectNode()
          .put("score_pct_ci_text", "—").put("accuracy_ci_text", "—").put("accuracy_wilson_ci_text", "—")
          .put("pass_probability_text", passText(null));
    }
    ObjectNode o = StatisticsJson.run(s);
    o.put("score_pct_ci_text", rangeText(s.scorePctCi()));
    o.put("accuracy_ci_text", rangeText(s.accuracyBootstrap()));
    o.put("accuracy_wilson_ci_text", rangeText(s.accuracyWilson()));
    o.put("pass_probability_text", passText(s.passProbability()));
    return o;
  }

  /** A run's 95% interval of the score share, absent for a run without answers. */
  Optional<Interval> scorePctCi(Run run) {
    return Optional.ofNullable(byRun.get(run.id())).map(RunStatistics::scorePctCi);
  }

  /** Both ends without the per-cent sign, each as the summary formats a share: {@code 96.2–98.8}. */
  static String rangeText(Interval i) {
    return Percent.format(i.lower()).replace("%", "") + "–" + Percent.format(i.upper()).replace("%", "");
  }

  /**
   * Two decimals; a probability that is neither 0 nor 1 never reads as one ({@code > 0.99}, {@code < 0.01}),
   * so that "1.00" means every resample passed.
   */
  static String passText(Double p) {
    if (p == null) {
      return "n/a";
    }
    if (p > 0.995 && p < 1) {
      return "> 0.99";
    }
    if (p > 0 && p < 0.005) {
      return "< 0.01";
    }
    return String.format(java.util.Locale.ROOT, "%.2f", p);
  }

  /**
   * Every pair, as {@code compare --all --json} prints it (docs/STATISTICS.md), each run with its viewer id;
   * empty with fewer than two runs. Waits for the background work.
   */
  Optional<ObjectNode> pairsJson() {
    Comparisons c = await();
    if (c == null) {
      return Optional.empty();
    }
    ObjectNode o = StatisticsJson.compareAll(c.all());
    ArrayNode runs = (ArrayNode) o.get("runs");
    for (int i = 0; i < runs.size(); i++) {
      ((ObjectNode) runs.get(i)).put("id", c.ids().get(i));
    }
    return Optional.of(o);
  }

  /**
   * One pair as {@code compare --json} prints it, A the higher-ranked run, each with its viewer id; empty for
   * any other order. The Holm-adjusted p-value is the matrix's ({@link #pairsJson}).
   */
  Optional<ObjectNode> pairJson(String a, String b) {
    Comparisons c = await();
    if (c == null) {
      return Optional.empty();
    }
    return c.pair(a, b).map(p -> {
      ObjectNode o = StatisticsJson.compare(p.comparison());
      ((ObjectNode) o.get("a")).put("id", a);
      ((ObjectNode) o.get("b")).put("id", b);
      return o;
    });
  }

  /** Pair keys {@code IDa/IDb}, A above B in the comparisons' ranking. Waits for the background work. */
  List<String> pairKeys() {
    Comparisons c = await();
    return c == null ? List.of()
        : c.all().pairs().stream().map(p -> c.ids().get(p.a()) + "/" + c.ids().get(p.b())).toList();
  }

  private Comparisons await() {
    try {
      return comparisons.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
