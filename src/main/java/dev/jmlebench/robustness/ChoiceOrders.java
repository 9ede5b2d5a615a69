package dev.jmlebench.robustness;

import dev.jmlebench.stats.MarginalHomogeneity;
import dev.jmlebench.stats.ScoredQuestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runs in several choice orders say together (docs/ROBUSTNESS.md): on the questions every order
 * answered, how many were answered the same in every order, the score counting a question right only when it
 * is right in every order, and which shown positions the model prefers.
 *
 * @param orders the orders, as labelled on the card: the default run (the exam's order) first
 * @param questions the questions every order answered
 * @param moved of those, the questions whose choices moved (not kept in the exam's order by any run)
 * @param consistent of the moved, those answered with the same letters, in the exam's letters, in every order
 * @param everyOrderScore the points of the questions right in every order
 * @param scoreMax the points the questions every order answered are worth
 * @param defaultScore the default run's points on the same questions
 * @param meanScore the mean over the orders of each order's points on the same questions
 */
public record ChoiceOrders(List<String> orders, int questions, int moved, int consistent, int everyOrderScore,
    int scoreMax, int defaultScore, double meanScore, PositionBias positionBias) {

  public ChoiceOrders {
    orders = List.copyOf(orders);
  }

  /**
   * @param runs the default run first, then every run in another order; a run in the exam's own order
   *     ({@code cyclic:0}) is left out by the caller, as it is no other order
   */
  static ChoiceOrders of(List<CardRun> runs) {
    List<Map<String, ScoredQuestion>> byId = new ArrayList<>();
    for (CardRun r : runs) {
      Map<String, ScoredQuestion> m = new HashMap<>();
      r.scored().questions().forEach(q -> m.put(q.questionId(), q));
      byId.add(m);
    }
    int questions = 0;
    int moved = 0;
    int consistent = 0;
    int everyOrder = 0;
    int max = 0;
    int[] scores = new int[runs.size()];
    int positions = 0;
    List<MarginalHomogeneity.Observation> observations = new ArrayList<>();
    for (ScoredQuestion first : runs.get(0).scored().questions()) {
      String id = first.questionId();
      List<ScoredQuestion> answers = new ArrayList<>();
      for (Map<String, ScoredQuestion> m : byId) {
        ScoredQuestion q = m.get(id);
        if (q != null) {
          answers.add(q);
        }
      }
      if (answers.size() < runs.size()) {
        continue;
      }
      questions++;
      max += first.maxPoints();
      boolean allRight = true;
      for (int i = 0; i < answers.size(); i++) {
        scores[i] += answers.get(i).earnedPoints();
        allRight &= answers.get(i).correct();
      }
      everyOrder += allRight ? first.maxPoints() : 0;

      List<String> shape = shownShape(runs, id);
      if (shape == null) {
        continue;
      }
      moved++;
      if (answers.stream().allMatch(a -> a.predicted().equals(first.predicted()))) {
        consistent++;
      }
      if (first.gold().size() != 1) {
        continue;
      }
      for (int i = 0; i < runs.size(); i++) {
        List<String> shown = runs.get(i).shownOrders().getOrDefault(id, shape);
        List<String> predicted = answers.get(i).predicted();
        int chosen = predicted.size() == 1 ? shown.indexOf(predicted.get(0)) : -1;
        int gold = shown.indexOf(first.gold().get(0));
        if (chosen >= 0 && gold >= 0) {
          observations.add(new MarginalHomogeneity.Observation(first.unit(), chosen, gold));
          positions = Math.max(positions, shown.size());
        }
      }
    }
    double mean = 0;
    for (int s : scores) {
      mean += s;
    }
    mean /= runs.size();
    List<String> labels = runs.stream().map(CardRun::label).toList();
    return new ChoiceOrders(labels, questions, moved, consistent, everyOrder, max, scores[0], mean,
        PositionBias.of(positions, observations));
  }

  /**
   * The exam's order of a question that moved (its choices' letters a, b, … as many as it has), or null when
   * it did not: no run recorded an order for it (a calculation), or a run kept it in the exam's order.
   */
  private static List<String> shownShape(List<CardRun> runs, String id) {
    List<String> any = null;
    for (CardRun r : runs) {
      if (r.fixed().contains(id)) {
        return null;
      }
      List<String> order = r.shownOrders().get(id);
      if (order != null) {
        any = order;
      }
    }
    return any == null ? null : any.stream().sorted().toList();
  }
}
