package dev.jmlebench.viewer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.leaderboard.ChartScales;
import dev.jmlebench.leaderboard.PassCriteriaJson;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Part;
import dev.jmlebench.score.Tally;
import dev.jmlebench.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The exam's rules as the pages need them — its blocks and which are required, the maximum and the pass marks
 * as the run is judged (in {@code leaderboard.json}'s dialect, {@link PassCriteriaJson}), where the
 * charts' scales start — worked out here and sent in the index, so that the JavaScript formats but knows no
 * exam: a new exam or answer-key edition needs no change to it.
 */
record ViewerExam(String id, List<Block> blocks, ExamCriteria criteria) {
  record Block(String id, boolean required) {}

  ViewerExam {
    blocks = List.copyOf(blocks);
  }

  /** The dataset's blocks in order, each required or not by the exam's rule. */
  static ViewerExam of(Dataset dataset, ExamCriteria criteria) {
    Set<String> ids = new LinkedHashSet<>();
    dataset.questions().forEach(q -> ids.add(q.block()));
    List<Block> blocks = new ArrayList<>();
    ids.stream().sorted().forEach(b -> blocks.add(new Block(b, Part.isRequired(dataset.exam(), b))));
    return new ViewerExam(dataset.exam(), blocks, criteria);
  }

  boolean isRequired(String block) {
    return blocks.stream().anyMatch(b -> b.id().equals(block) && b.required());
  }

  /**
   * The index's {@code exam}: the chart scales start below the lowest figure the runs show (scores, text-only
   * scores, intervals, block accuracies).
   */
  ObjectNode json(List<ViewerData.Run> runs, Function<ViewerData.Run, Optional<Interval>> scorePctCi) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", id);
    o.put(ResultSchema.Summary.SCORE_MAX, criteria.scoreMax());
    ArrayNode bs = o.putArray("blocks");
    blocks.forEach(b -> bs.addObject().put("id", b.id()).put("required", b.required()));
    o.set("pass", PassCriteriaJson.of(criteria));
    double passMark = ChartScales.passMark(criteria);
    o.put("pass_line", passMark);
    o.put("pass_line_points", ChartScales.passMarkPoints(criteria));
    double lowestScore = passMark;
    double lowestAccuracy = 1;
    for (ViewerData.Run run : runs) {
      lowestScore = Math.min(lowestScore, Math.min(run.summary().scorePct(), run.summary().textOnlyScorePct()));
      Optional<Interval> ci = scorePctCi.apply(run);
      if (ci.isPresent()) {
        lowestScore = Math.min(lowestScore, ci.get().lower());
      }
      for (Tally t : run.summary().byBlock().values()) {
        if (t.total() > 0) {
          lowestAccuracy = Math.min(lowestAccuracy, t.accuracy());
        }
      }
    }
    o.put("score_axis_start", ChartScales.scoreAxisStartPercent(lowestScore) / 100);
    o.put("heat_map_start", ChartScales.heatMapStart(lowestAccuracy));
    return o;
  }
}
