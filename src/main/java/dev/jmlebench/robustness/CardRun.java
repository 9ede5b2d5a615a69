package dev.jmlebench.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.stats.ScoredRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run on the card: its answers as graded (in the exam's letters), how each question was shown, and what
 * sets it apart from the default run.
 *
 * @param file the result file, as the user named it
 * @param scored the answers graded under the card's answer key
 * @param shownOrders per question, the exam's letters in the order shown ({@code shown_order}); a question the
 *     run recorded none for (every question of a run without a choice order) is absent
 * @param fixed the questions the run kept in the exam's order ({@code order_fixed})
 * @param subset whether the run asked only part of the exam ({@code --questions}, {@code --limit})
 * @param variant what differs from the default run; null for the default run itself
 */
public record CardRun(String file, ScoredRun scored, Map<String, List<String>> shownOrders, Set<String> fixed,
    boolean subset, Variant variant) {

  public CardRun {
    shownOrders = Map.copyOf(shownOrders);
    fixed = Set.copyOf(fixed);
  }

  /** Reads how each question was shown from the result file beside its graded answers. */
  public static CardRun of(String file, ResultFile result, ScoredRun scored, boolean subset, Variant variant) {
    Map<String, List<String>> orders = new HashMap<>();
    Set<String> fixed = new HashSet<>();
    for (QuestionResult r : result.results()) {
      JsonNode order = r.extra().get(ResultSchema.Result.SHOWN_ORDER);
      if (order != null && order.isArray()) {
        List<String> letters = new ArrayList<>();
        order.forEach(n -> letters.add(n.asText()));
        orders.put(r.questionId(), List.copyOf(letters));
      }
      if (r.extra().get(ResultSchema.Result.ORDER_FIXED) != null) {
        fixed.add(r.questionId());
      }
    }
    return new CardRun(file, scored, orders, fixed, subset, variant);
  }

  public boolean isChoiceOrder() {
    return variant != null && variant.kind() == Variant.Kind.CHOICE_ORDER;
  }

  /** The row's name: the variant ("choice order cyclic:1"), or "default". */
  public String label() {
    return variant == null ? "default" : variant.label();
  }
}
