package dev.jmlebench.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.PythonJson;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.Ratio;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of the statistics, documented key by key in docs/STATISTICS.md and stable: keys in a fixed
 * order, shares rounded to 4 decimals as the summary rounds them, p-values to 4 significant digits (so an
 * ulp of difference in a library's floating point cannot change the text), written with
 * {@link PythonJson}, whose float text does not depend on the JDK.
 */
public final class StatisticsJson {
  /** Bumped whenever a key is added, removed or changes meaning. */
  public static final String COMPARE_SCHEMA = "jmle-bench.compare/1";
  public static final String COMPARE_ALL_SCHEMA = "jmle-bench.compare-all/1";
  public static final String COMPARE_ALL_EXAMS_SCHEMA = "jmle-bench.compare-all-exams/1";
  /** {@link #COMPARE_ALL_SCHEMA}'s document without the intervals, which each pair's own document carries. */
  public static final String PAIR_TABLE_SCHEMA = "jmle-bench.pair-table/1";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

  private StatisticsJson() {}

  /** Text of a JSON tree as Python's {@code json.dump(indent=2)} writes it, with a final newline. */
  public static String write(ObjectNode node) {
    return PythonJson.toString(node) + "\n";
  }

  /** One run's intervals and pass probability; for embedding (e.g. in leaderboard.json). */
  public static ObjectNode run(RunStatistics s) {
    ObjectNode o = NODES.objectNode();
    o.set("score_ci", pair(s.scoreCi()));
    o.set("score_pct_ci", pair(s.scorePctCi()));
    o.set("accuracy_ci", pair(s.accuracyBootstrap()));
    o.set("accuracy_wilson_ci", pair(s.accuracyWilson()));
    if (s.passProbability() == null) {
      o.putNull("pass_probability");
    } else {
      o.put("pass_probability", Ratio.round4(s.passProbability()));
    }
    o.set("bootstrap", bootstrap(s.bootstrap()));
    return o;
  }

  public static ObjectNode compare(PairedComparison c) {
    ObjectNode o = NODES.objectNode();
    o.put("schema", COMPARE_SCHEMA);
    o.set("bootstrap", bootstrap(c.bootstrap()));
    o.set("a", identity(c.a()));
    o.set("b", identity(c.b()));
    o.put("questions", c.questions());
    o.put(ResultSchema.Summary.SCORE_MAX, c.scoreMax());
    o.put("a_score", c.aScore());
    o.put("b_score", c.bScore());
    o.put("score_difference", c.scoreDifference());
    o.set("score_difference_ci", pair(c.differenceCi()));
    o.put("a_correct", c.aCorrect());
    o.put("b_correct", c.bCorrect());
    o.put("a_right_b_wrong", c.aOnly());
    o.put("a_wrong_b_right", c.bOnly());
    o.put("mcnemar_p", pValue(c.mcnemarP()));
    ObjectNode blocks = o.putObject(ResultSchema.Summary.BY_BLOCK);
    for (PairedComparison.BlockDifference d : c.byBlock()) {
      ObjectNode b = blocks.putObject(d.block());
      b.put("questions", d.questions());
      b.put(ResultSchema.Summary.SCORE_MAX, d.scoreMax());
      b.put("a_score", d.aScore());
      b.put("b_score", d.bScore());
      b.put("score_difference", d.difference());
      b.put("a_correct", d.aCorrect());
      b.put("b_correct", d.bCorrect());
    }
    ArrayNode differing = o.putArray("differing");
    for (PairedComparison.Discordant d : c.differing()) {
      ObjectNode q = differing.addObject();
      q.put(ResultSchema.Result.QUESTION_ID, d.questionId());
      q.put("points", d.a().maxPoints());
      q.put("right", d.rightRun());
      q.set("a_predicted", strings(d.a().predicted()));
      q.set("b_predicted", strings(d.b().predicted()));
      q.set(ResultSchema.Result.GOLD, strings(d.a().gold()));
    }
    return o;
  }

  /**
   * {@code compare --all} over a folder: one exam's pairs as {@link #compareAll(AllPairs)} writes them; several
   * exams' as {@value #COMPARE_ALL_EXAMS_SCHEMA}, each exam's object in {@code exams} (newest first) and each
   * exam with a single run in {@code alone}.
   */
  public static ObjectNode compareAll(ExamsCompared compared) {
    if (compared.isOneExam()) {
      Map.Entry<String, AllPairs> only = compared.compared().entrySet().iterator().next();
      return compareAll(only.getValue()).put(ResultSchema.Metadata.EXAM, only.getKey());
    }
    ObjectNode o = NODES.objectNode();
    o.put("schema", COMPARE_ALL_EXAMS_SCHEMA);
    ArrayNode exams = o.putArray("exams");
    compared.compared().forEach((exam, all) -> exams.add(compareAll(all).put(ResultSchema.Metadata.EXAM, exam)));
    ArrayNode alone = o.putArray("alone");
    compared.alone().forEach((exam, run) -> alone.addObject().put(ResultSchema.Metadata.EXAM, exam).setAll(identity(run)));
    return o;
  }

  public static ObjectNode compareAll(AllPairs all) {
    ObjectNode o = NODES.objectNode();
    o.put("schema", COMPARE_ALL_SCHEMA);
    o.set("bootstrap", bootstrap(all.bootstrap()));
    o.put("alpha", AllPairs.ALPHA);
    rankedRuns(o.putArray("runs"), all.ranking());
    ArrayNode pairs = o.putArray("pairs");
    for (AllPairs.Pair p : all.pairs()) {
      PairFigures c = p.figures();
      ObjectNode q = ranks(pairs.addObject(), p);
      q.put("questions", c.questions());
      q.put(ResultSchema.Summary.SCORE_MAX, c.scoreMax());
      q.put("score_difference", c.scoreDifference());
      q.set("score_difference_ci", pair(c.differenceCi()));
      q.put("a_right_b_wrong", c.aOnly());
      q.put("a_wrong_b_right", c.bOnly());
      q.put("mcnemar_p", pValue(c.mcnemarP()));
      q.put("holm_p", pValue(p.holmP()));
      q.put("distinguishable", p.distinguishable());
    }
    ArrayNode neighbours = o.putArray("neighbours");
    for (AllPairs.Pair p : all.neighbours()) {
      ObjectNode q = ranks(neighbours.addObject(), p);
      q.put("holm_p", pValue(p.holmP()));
      q.put("distinguishable", p.distinguishable());
    }
    return o;
  }

  /** The runs in their order, each with its rank, identity and figures: the same in every document of pairs. */
  private static void rankedRuns(ArrayNode runs, List<ScoredRun> ranking) {
    for (int i = 0; i < ranking.size(); i++) {
      ScoredRun r = ranking.get(i);
      ObjectNode run = runs.addObject();
      run.put("rank", i + 1);
      run.setAll(identity(r));
      run.put("questions", r.questions().size());
      run.put(ResultSchema.Summary.CORRECT, r.correct());
      run.put(ResultSchema.Summary.SCORE, r.score());
      run.put(ResultSchema.Summary.SCORE_MAX, r.scoreMax());
      run.put(ResultSchema.Summary.SCORE_PCT, Ratio.of(r.score(), r.scoreMax()));
    }
  }

  /**
   * Every pair by counting ({@link PairTable}): the keys of {@link #compareAll} but the schema's and without
   * {@code score_difference_ci}.
   */
  public static ObjectNode pairTable(PairTable table, Bootstrap bootstrap) {
    ObjectNode o = NODES.objectNode();
    o.put("schema", PAIR_TABLE_SCHEMA);
    o.set("bootstrap", bootstrap(bootstrap));
    o.put("alpha", AllPairs.ALPHA);
    rankedRuns(o.putArray("runs"), table.ranking());
    ArrayNode pairs = o.putArray("pairs");
    for (PairTable.Pair p : table.pairs()) {
      ObjectNode q = ranks(pairs.addObject(), p.a(), p.b(), table.ranking());
      q.put("questions", p.questions());
      q.put(ResultSchema.Summary.SCORE_MAX, p.scoreMax());
      q.put("score_difference", p.scoreDifference());
      q.put("a_right_b_wrong", p.aOnly());
      q.put("a_wrong_b_right", p.bOnly());
      q.put("mcnemar_p", pValue(p.mcnemarP()));
      q.put("holm_p", pValue(p.holmP()));
      q.put("distinguishable", p.distinguishable());
    }
    ArrayNode neighbours = o.putArray("neighbours");
    for (PairTable.Pair p : table.neighbours()) {
      ObjectNode q = ranks(neighbours.addObject(), p.a(), p.b(), table.ranking());
      q.put("holm_p", pValue(p.holmP()));
      q.put("distinguishable", p.distinguishable());
    }
    return o;
  }

  private static ObjectNode ranks(ObjectNode q, int a, int b, List<ScoredRun> ranking) {
    q.put("a_rank", a + 1);
    q.put("b_rank", b + 1);
    q.put("a", ranking.get(a).name());
    q.put("b", ranking.get(b).name());
    return q;
  }

  private static ObjectNode ranks(ObjectNode q, AllPairs.Pair p) {
    q.put("a_rank", p.a() + 1);
    q.put("b_rank", p.b() + 1);
    q.put("a", p.runA().name());
    q.put("b", p.runB().name());
    return q;
  }

  private static ObjectNode identity(ScoredRun r) {
    ObjectNode o = NODES.objectNode();
    o.put("name", r.name());
    o.put(ResultSchema.Metadata.MODEL, r.model());
    o.put("file", r.source());
    return o;
  }

  /** The bootstrap's settings: resamples, seed and level. */
  public static ObjectNode bootstrap(Bootstrap b) {
    ObjectNode o = NODES.objectNode();
    o.put("resamples", b.resamples());
    o.put("seed", b.seed());
    o.put("level", Bootstrap.LEVEL);
    return o;
  }

  private static ArrayNode pair(PointInterval i) {
    return NODES.arrayNode().add(i.lower()).add(i.upper());
  }

  private static ArrayNode pair(Interval i) {
    return NODES.arrayNode().add(Ratio.round4(i.lower())).add(Ratio.round4(i.upper()));
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** Four significant digits, half to even: enough to read, and immune to last-bit differences. */
  public static double pValue(double p) {
    return new BigDecimal(p).round(FOUR_DIGITS).doubleValue();
  }
}
