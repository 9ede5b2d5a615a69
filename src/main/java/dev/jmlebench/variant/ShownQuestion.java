package dev.jmlebench.variant;

import dev.jmlebench.dataset.Question;
import java.util.List;

/**
 * A question as one run shows it, and how to read an answer to it back in the exam's letters.
 *
 * @param question what is sent: the exam's question, translated and/or with its choices reordered; its id,
 *     gold answer and images are the exam's
 * @param order the exam's letters in the order shown (position i is lettered a + i), e.g. {@code [c, d, e, a,
 *     b]}; the exam's own order for a question that keeps it; empty when the run has no choice order, or the
 *     question has no choices
 * @param fixed why the question keeps the exam's order under a choice order; null when it was moved, or the
 *     run has no choice order
 */
public record ShownQuestion(Question question, List<String> order, Fixed fixed) {
  public ShownQuestion {
    order = List.copyOf(order);
  }

  /** A question shown as the exam words it. */
  public static ShownQuestion asIs(Question q) {
    return new ShownQuestion(q, List.of(), null);
  }

  /**
   * An answer given in the letters shown, in the exam's letters, sorted and without repeats as an answer is
   * parsed (SPEC §3); a letter beyond the choices, or a number, stays as it is.
   */
  public List<String> toExamLetters(List<String> shown) {
    if (order.isEmpty()) {
      return shown;
    }
    return shown.stream().map(this::examLetter).distinct().sorted().toList();
  }

  private String examLetter(String shownLetter) {
    int i = shownLetter.length() == 1 ? shownLetter.charAt(0) - 'a' : -1;
    return i >= 0 && i < order.size() ? order.get(i) : shownLetter;
  }
}
