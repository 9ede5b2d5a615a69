package dev.jmlebench.viewer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.cost.RunCost;
import dev.jmlebench.leaderboard.ChartScales;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import dev.jmlebench.viewer.ViewerData.Run;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the runs cost, as the pages show it: each run's cost ({@link RunCost}, from its file; absent when the
 * file records none, so a published file shows "—", never $0), and the cost-vs-score chart of the runs that
 * have a cost, laid out here — every mark's place as a fraction of the plot — so the script only draws.
 */
final class ViewerCost {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ViewerCost() {}

  /** A run's {@code cost}: in total, per point and per correct answer, with their texts; empty when unknown. */
  static Optional<ObjectNode> run(Run run) {
    return RunCost.of(run.result().metadata()).map(c -> {
      Summary s = run.summary();
      ObjectNode o = NODES.objectNode();
      o.put("usd", c.usd());
      c.per(s.score()).ifPresent(x -> o.put("per_point", x));
      c.per(s.correct()).ifPresent(x -> o.put("per_correct", x));
      o.put("usd_text", c.text());
      o.put("per_point_text", c.perText(s.score()));
      o.put("per_correct_text", c.perText(s.correct()));
      return o;
    });
  }

  /** A run with a cost, placed on the chart. */
  private record Point(Run run, RunCost cost) {
    double scorePct() {
      return run.summary().scorePct();
    }
  }

  /**
   * The index's {@code cost_chart}: score share against cost for the runs that have a cost, empty when none
   * has. Cost runs along a log scale (runs differ by orders of magnitude), or a linear one from $0 when a run
   * cost nothing; the score scale starts below the lowest score and the pass mark, as the score chart's does.
   */
  static Optional<ObjectNode> chart(List<Run> runs, ExamCriteria criteria) {
    List<Point> points = new ArrayList<>();
    for (Run run : runs) {
      RunCost.of(run.result().metadata()).ifPresent(c -> points.add(new Point(run, c)));
    }
    if (points.isEmpty()) {
      return Optional.empty();
    }
    double passMark = ChartScales.passMark(criteria);
    double lowestScore = points.stream().mapToDouble(Point::scorePct).min().orElseThrow();
    ScoreAxis y = ScoreAxis.of(Math.min(lowestScore, passMark));
    CostAxis x = CostAxis.of(points.stream().map(p -> p.cost().usd()).toList());

    ObjectNode o = NODES.objectNode();
    o.put("x_label", x.log() ? "cost of the run (US dollars, log scale)" : "cost of the run (US dollars)");
    ArrayNode xTicks = o.putArray("x_ticks");
    for (BigDecimal t : x.ticks()) {
      xTicks.addObject().put("at", x.at(t)).put("text", "$" + t.stripTrailingZeros().toPlainString());
    }
    ArrayNode yTicks = o.putArray("y_ticks");
    for (int pct = (int) y.startPercent(); pct <= 100; pct += y.stepPercent()) {
      yTicks.addObject().put("at", y.at(pct / 100.0)).put("text", pct + "%");
    }
    o.put("pass_line", y.at(passMark));
    o.put("pass_line_text", "pass mark " + Percent.format(passMark) + " = " + ChartScales.passMarkPoints(criteria));
    ArrayNode marks = o.putArray("runs");
    for (Point p : points) {
      Summary s = p.run().summary();
      marks.addObject()
          .put("id", p.run().id())
          .put("x", x.at(p.cost().usd()))
          .put("y", y.at(p.scorePct()))
          .put("passed", Boolean.TRUE.equals(s.passed()))
          .put("cost_text", p.cost().text())
          .put("score_text", s.score() + "/" + s.scoreMax() + " (" + Percent.format(s.scorePct()) + ")");
    }
    return Optional.of(o);
  }

  /** The score share from {@code startPercent} to 100%, ticks every 5 or 10 points. */
  private record ScoreAxis(double startPercent, int stepPercent) {
    static ScoreAxis of(double lowestShare) {
      double start = ChartScales.scoreAxisStartPercent(lowestShare);
      return new ScoreAxis(start, 100 - start > 40 ? 10 : 5);
    }

    /** 0 at the bottom of the plot, 1 at its top. */
    double at(double share) {
      return (share * 100 - startPercent) / (100 - startPercent);
    }
  }

  /**
   * The cost scale: whole decades around the costs on a log scale with ticks at 1, 2 and 5 of each, or, when
   * a run cost $0, from $0 to a round amount above the dearest with ticks at round steps.
   */
  private record CostAxis(boolean log, double low, double high, List<BigDecimal> ticks) {
    static CostAxis of(List<BigDecimal> costs) {
      BigDecimal min = costs.stream().min(BigDecimal::compareTo).orElseThrow();
      BigDecimal max = costs.stream().max(BigDecimal::compareTo).orElseThrow();
      if (min.signum() > 0) {
        int lowDecade = (int) Math.floor(Math.log10(min.doubleValue()));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(max.doubleValue())));
        List<BigDecimal> ticks = new ArrayList<>();
        for (int d = lowDecade; d <= highDecade; d++) {
          for (int m : d == highDecade ? new int[] {1} : new int[] {1, 2, 5}) {
            ticks.add(BigDecimal.valueOf(m).scaleByPowerOfTen(d));
          }
        }
        return new CostAxis(true, lowDecade, highDecade, ticks);
      }
      // A round step (1, 2 or 5 times a power of ten) that covers the dearest run in at most five steps.
      double top = Math.max(max.doubleValue(), 1e-6);
      BigDecimal step = null;
      for (int d = (int) Math.floor(Math.log10(top / 5)); step == null; d++) {
        for (int m : new int[] {1, 2, 5}) {
          BigDecimal s = BigDecimal.valueOf(m).scaleByPowerOfTen(d);
          if (step == null && s.doubleValue() * 5 >= top) {
            step = s;
          }
        }
      }
      List<BigDecimal> ticks = new ArrayList<>();
      for (BigDecimal t = BigDecimal.ZERO; ticks.isEmpty() || t.compareTo(max) < 0; t = t.add(step)) {
        ticks.add(t);
      }
      ticks.add(ticks.get(ticks.size() - 1).add(step));
      return new CostAxis(false, 0, ticks.get(ticks.size() - 1).doubleValue(), ticks);
    }

    /** 0 at the left of the plot, 1 at its right. */
    double at(BigDecimal usd) {
      return log ? (Math.log10(usd.doubleValue()) - low) / (high - low) : (usd.doubleValue() - low) / (high - low);
    }
  }
}
