package dev.jmlebench.viewer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.stats.PairTable;
import dev.jmlebench.stats.PairedComparison;
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

/**
 * The statistics the pages show, from {@code dev.jmlebench.stats} with its default bootstrap: each run's
 * intervals and pass probability (computed while loading, on every core: the leaderboard shows them), every pair
 * of runs by counting ({@link PairTable}: the matrix, made when first asked, a fraction of a second even for
 * 300 runs), and one pair in full with its paired-bootstrap interval ({@link PairedComparison}), made when that
 * pair is asked for and kept — never every pair at once, which for 300 runs would be 44,850 bootstraps.
 */
final class ViewerStatistics {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Up to this many runs of an exam a static report holds every pair's details; beyond, the neighbours'. */
  static final int REPORT_EVERY_PAIR = 40;

  private final Map<String, RunStatistics> byRun;
  /** Each run with answers, by viewer id, and which viewer run each file (a scored run's source) is. */
  private final Map<String, ScoredRun> scored;
  private final Map<String, String> idOfSource;
  private volatile Table table;

  /** The table, and which viewer run each of its ranks is. */
  private record Table(PairTable pairs, List<String> ids, Map<String, Integer> rank) {
    Table(PairTable pairs, List<String> ids) {
      this(pairs, ids, rankOf(ids));
    }

    private static Map<String, Integer> rankOf(List<String> ids) {
      Map<String, Integer> rank = new HashMap<>();
      ids.forEach(id -> rank.put(id, rank.size()));
      return rank;
    }

    Optional<PairTable.Pair> pair(String a, String b) {
      Integer i = rank.get(a);
      Integer j = rank.get(b);
      return i != null && j != null && i < j ? Optional.of(pairs.pair(i, j)) : Optional.empty();
    }
  }

  ViewerStatistics(ViewerData data) {
    this(data, new Reuse());
  }

  /** Takes each run's intervals from {@code reuse} when its file is unchanged. */
  ViewerStatistics(ViewerData data, Reuse reuse) {
    // The file name is each scored run's source: unique in a folder, and it maps back to the viewer's run.
    Map<String, ScoredRun> runs = new LinkedHashMap<>();
    Map<String, Stamp> stamps = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    for (Run run : data.runs()) {
      String source = run.file().getFileName().toString();
      ScoredRun s = ScoredRun.of(run.result(), data.criteria(), data.dataset(), source);
      // A file without a single answer has nothing to resample or compare; its pages show no interval.
      if (!s.questions().isEmpty()) {
        runs.put(run.id(), s);
        stamps.put(run.id(), run.stamp());
        ids.put(source, run.id());
      }
    }
    this.scored = Map.copyOf(runs);
    this.idOfSource = Map.copyOf(ids);
    Map<String, RunStatistics> stats = new HashMap<>();
    runs.entrySet().parallelStream()
        .map(e -> Map.entry(e.getKey(), reuse.statistics(stamps.get(e.getKey()),
            () -> RunStatistics.of(e.getValue(), data.criteria(), Bootstrap.DEFAULT))))
        .forEachOrdered(e -> stats.put(e.getKey(), e.getValue()));
    this.byRun = Map.copyOf(stats);
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
   * Every pair by counting, as {@code compare --all --json} prints it without the intervals (schema
   * {@code jmle-bench.pair-table/1}, docs/STATISTICS.md), each run with its viewer id; empty with fewer than two
   * runs with answers.
   */
  Optional<ObjectNode> pairsJson() {
    Table t = table();
    if (t == null) {
      return Optional.empty();
    }
    ObjectNode o = StatisticsJson.pairTable(t.pairs(), Bootstrap.DEFAULT);
    ArrayNode runs = (ArrayNode) o.get("runs");
    for (int i = 0; i < runs.size(); i++) {
      ((ObjectNode) runs.get(i)).put("id", t.ids().get(i));
    }
    return Optional.of(o);
  }

  /**
   * One pair as {@code compare --json} prints it, A the higher-ranked run, each with its viewer id; empty for
   * any other order. The Holm-adjusted p-value is the matrix's
   * ({@link #pairsJson}).
   */
  Optional<ObjectNode> pairJson(String a, String b) {
    Table t = table();
    if (t == null || t.pair(a, b).isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = StatisticsJson.compare(PairedComparison.of(scored.get(a), scored.get(b), Bootstrap.DEFAULT));
    ((ObjectNode) o.get("a")).put("id", a);
    ((ObjectNode) o.get("b")).put("id", b);
    return Optional.of(o);
  }

  /** Pair keys {@code IDa/IDb}, A above B in the ranking. */
  List<String> pairKeys() {
    return pairKeys(false);
  }

  /**
   * The pairs whose details a static report holds: every pair of an exam of up to {@link #REPORT_EVERY_PAIR} runs;
   * beyond that, the leaderboard's neighbours alone — a report cannot compute a pair when asked, and a lab's 432
   * runs of one exam are 93,096 pairs (each a bootstrap and a document), where the neighbours are 431. The matrix
   * still holds every pair's counts and Holm p.
   */
  List<String> reportPairKeys() {
    return pairKeys(true);
  }

  private List<String> pairKeys(boolean forReport) {
    Table t = table();
    if (t == null) {
      return List.of();
    }
    boolean neighboursOnly = forReport && t.ids().size() > REPORT_EVERY_PAIR;
    return t.pairs().pairs().stream().filter(p -> !neighboursOnly || p.b() == p.a() + 1)
        .map(p -> t.ids().get(p.a()) + "/" + t.ids().get(p.b())).toList();
  }

  /** The table of every pair, made once; null with fewer than two runs with answers. */
  private Table table() {
    Table t = table;
    if (t == null && scored.size() >= 2) {
      synchronized (this) {
        t = table;
        if (t == null) {
          PairTable pairs = PairTable.of(List.copyOf(scored.values()));
          t = new Table(pairs, pairs.ranking().stream().map(r -> idOfSource.get(r.source())).toList());
          table = t;
        }
      }
    }
    return t;
  }
}
