package dev.jmlebench.robustness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.stats.DetectableDifference;
import dev.jmlebench.stats.MarginalHomogeneity;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.StatisticsJson;

/**
 * What {@code robustness --json} prints and the viewer reads: the card in the project's JSON conventions
 * (keys in a fixed order, shares rounded to 4 decimals, p-values to 4 significant digits, the statistics'
 * own forms from {@link StatisticsJson}), documented key by key in docs/ROBUSTNESS.md. {@link #SCHEMA} is bumped
 * whenever a key is added, removed or changes meaning.
 */
public final class CardJson {
  public static final String SCHEMA = "jmle-bench.robustness/1";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CardJson() {}

  public static ObjectNode of(RobustnessCard card) {
    ObjectNode o = NODES.objectNode();
    o.put("schema", SCHEMA);
    o.put(ResultSchema.Metadata.MODEL, card.model());
    o.put("name", card.name());
    o.put(ResultSchema.Metadata.EXAM, card.exam());
    o.put(ResultSchema.Metadata.ANSWER_KEY, card.answerKey());
    o.set("bootstrap", StatisticsJson.bootstrap(card.bootstrap()));
    ObjectNode d = o.putObject("default");
    d.put("file", card.defaultRun().run().file());
    figures(d, card.defaultRun().statistics());

    ArrayNode rows = o.putArray("variants");
    for (RobustnessCard.Row r : card.rows()) {
      ObjectNode v = rows.addObject();
      v.put("file", r.run().file());
      v.put("field", r.run().variant().field());
      v.put("value", r.run().variant().value());
      v.put("default_value", r.run().variant().defaultValue());
      v.put("label", r.run().label());
      v.put("subset", r.run().subset());
      figures(v, r.statistics());
      v.put("paired_questions", r.paired().questions());
      v.put("paired_score_max", r.paired().scoreMax());
      v.put("paired_score", r.paired().aScore());
      v.put("paired_default_score", r.paired().bScore());
      v.put("score_difference", r.paired().scoreDifference());
      v.set("score_difference_ci", NODES.arrayNode().add(r.paired().differenceCi().lower())
          .add(r.paired().differenceCi().upper()));
      v.put("right_to_wrong", r.rightToWrong());
      v.put("wrong_to_right", r.wrongToRight());
      v.put("mcnemar_p", StatisticsJson.pValue(r.paired().mcnemarP()));
      v.put("holm_p", StatisticsJson.pValue(r.holmP()));
      v.put("discordance", Ratio.round4(r.discordance()));
      v.set("detectable_difference", detectable(r.noise()));
      if (r.imageAudit() != null) {
        ImageAudit a = r.imageAudit();
        ObjectNode audit = v.putObject("image_audit");
        audit.put("image_questions", a.imageQuestions());
        audit.put("right_with_images", a.rightWithImages());
        audit.put("stay_right_without", a.stayRight());
        audit.put("right_without_images", a.rightWithout());
      } else {
        v.putNull("image_audit");
      }
    }

    ChoiceOrders c = card.choiceOrders();
    if (c == null) {
      o.putNull(ResultSchema.Metadata.CHOICE_ORDER);
    } else {
      ObjectNode co = o.putObject(ResultSchema.Metadata.CHOICE_ORDER);
      ArrayNode orders = co.putArray("orders");
      c.orders().forEach(orders::add);
      co.put("questions", c.questions());
      co.put("moved", c.moved());
      co.put("consistent", c.consistent());
      co.put("consistency", Ratio.round4(Ratio.of(c.consistent(), c.moved())));
      co.put("every_order_score", c.everyOrderScore());
      co.put(ResultSchema.Summary.SCORE_MAX, c.scoreMax());
      co.put("default_score", c.defaultScore());
      co.put("mean_score", Ratio.round4(c.meanScore()));
      PositionBias b = c.positionBias();
      ObjectNode pb = co.putObject("position_bias");
      pb.put("answers", b.answers());
      ArrayNode positions = pb.putArray("positions");
      for (int i = 0; i < b.positions(); i++) {
        ObjectNode p = positions.addObject();
        p.put("position", PositionBias.letter(i));
        p.put("chosen", b.chosen()[i]);
        p.put(ResultSchema.Result.GOLD, b.gold()[i]);
        p.put("chosen_share", Ratio.round4(b.chosenShare(i)));
        p.put("gold_share", Ratio.round4(b.goldShare(i)));
      }
      MarginalHomogeneity t = b.test();
      ObjectNode test = pb.putObject("test");
      test.put("method", "stuart-maxwell-clustered");
      test.put("statistic", Ratio.round4(t.statistic()));
      test.put("degrees_of_freedom", t.degreesOfFreedom());
      test.put("p", StatisticsJson.pValue(t.p()));
      pb.putNull("pride_prior");
    }
    if (card.noise() == null) {
      o.putNull("detectable_difference");
    } else {
      o.set("detectable_difference", detectable(card.noise()));
    }
    ArrayNode left = o.putArray("not_on_card");
    for (RobustnessCard.Left l : card.notOnCard()) {
      left.addObject().put("file", l.file()).put("reason", l.reason());
    }
    return o;
  }

  private static void figures(ObjectNode o, RunStatistics s) {
    o.put("questions", s.questions());
    o.put(ResultSchema.Summary.CORRECT, s.correct());
    o.put(ResultSchema.Summary.SCORE, s.score());
    o.put(ResultSchema.Summary.SCORE_MAX, s.scoreMax());
    o.put(ResultSchema.Summary.SCORE_PCT, Ratio.round4(Ratio.of(s.score(), s.scoreMax())));
    o.set("intervals", StatisticsJson.run(s));
  }

  private static ObjectNode detectable(DetectableDifference d) {
    ObjectNode o = NODES.objectNode();
    o.put("discordance", Ratio.round4(d.discordance()));
    o.put("questions", d.questions());
    o.put("points", Ratio.round4(d.points()));
    o.put("question_count", Ratio.round4(d.questionCount()));
    o.put(ResultSchema.Summary.ACCURACY, Ratio.round4(d.accuracyShare()));
    o.put("alpha", DetectableDifference.ALPHA);
    o.put("power", DetectableDifference.POWER);
    return o;
  }
}
