package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.ExamCriteria;

/**
 * The pass criteria in JSON, in the one dialect every document speaks: {@code leaderboard.json}'s
 * {@code pass_criteria} and the viewer's {@code index.exam.pass}. Each maximum and mark is the one the run is
 * judged by, excluded questions taken out (the 112th's general part: {@code 208} of {@code 299}).
 */
public final class PassCriteriaJson {
  private PassCriteriaJson() {}

  public static ObjectNode of(ExamCriteria criteria) {
    ObjectNode pass = JsonNodeFactory.instance.objectNode();
    pass.put("required_min_score", criteria.requiredMin());
    pass.put("required_max", criteria.requiredMax());
    pass.put("general_min_score", criteria.generalMin());
    pass.put("general_max", criteria.generalMax());
    if (criteria.marks().prohibitedMax() != null) {
      pass.put("prohibited_max", criteria.marks().prohibitedMax());
      pass.put("prohibited_annotated_by", criteria.prohibitedAnnotatedBy());
    }
    return pass;
  }
}
