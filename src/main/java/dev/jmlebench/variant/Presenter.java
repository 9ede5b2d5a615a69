package dev.jmlebench.variant;

import dev.jmlebench.dataset.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one run shows each question of its exam: in the exam's language or translated, with the choices in the
 * exam's order or reordered by a {@link ChoiceOrder}. A run without a variant shows every question exactly as
 * the exam words it ({@link ShownQuestion#asIs}), so its requests are the published protocol's, byte for byte.
 */
public final class Presenter {
  private final List<Question> questions;
  private final ChoiceOrder choiceOrder;
  private final Map<String, Question> translated;
  private final Movability movability;

  /**
   * @param questions the exam's questions, as the exam words them
   * @param choiceOrder the order to show choices in; null for the exam's own
   * @param translated each question in another language, by id; null to ask the exam's own words
   */
  public Presenter(List<Question> questions, ChoiceOrder choiceOrder, Map<String, Question> translated) {
    this.questions = List.copyOf(questions);
    this.choiceOrder = choiceOrder;
    this.translated = translated == null ? null : Map.copyOf(translated);
    this.movability = choiceOrder == null ? null : Movability.of(questions);
  }

  /** Shows every question as the exam words it. */
  public static Presenter asIs() {
    return new Presenter(List.of(), null, null);
  }

  public ShownQuestion show(Question q) {
    Question base = q;
    if (translated != null) {
      base = translated.get(q.questionId());
      if (base == null) {
        throw new IllegalArgumentException("no translation of " + q.questionId());
      }
    }
    if (choiceOrder == null) {
      return ShownQuestion.asIs(base);
    }
    Optional<Fixed> fixed = movability.fixed(q.questionId());
    Optional<ChoiceList> exam = movability.choices(q.questionId());
    Optional<ChoiceList> shown = base == q ? exam : ChoiceList.find(base.text());
    if (fixed.isEmpty() && (shown.isEmpty() || shown.get().size() != exam.get().size())) {
      // A translation that lost the choices' layout: asked as translated, in the exam's order.
      fixed = Optional.of(Fixed.CHOICES_NOT_FOUND);
    } else if (fixed.isEmpty() && !Movability.distinct(shown.get())) {
      fixed = Optional.of(Fixed.CHOICES_NOT_DISTINCT);
    }
    if (fixed.isPresent()) {
      return new ShownQuestion(base, exam.map(c -> lettersOf(c.size())).orElse(List.of()), fixed.get());
    }
    int[] order = choiceOrder.order(q.questionId(), exam.get().size());
    return new ShownQuestion(base.withText(shown.get().reordered(order)), letters(order), null);
  }

  /** Which questions keep the exam's order, and why, in exam order; empty without a choice order. */
  public Map<String, Fixed> fixedQuestions() {
    Map<String, Fixed> out = new java.util.LinkedHashMap<>();
    if (choiceOrder != null) {
      questions.forEach(q -> {
        Fixed f = show(q).fixed();
        if (f != null) {
          out.put(q.questionId(), f);
        }
      });
    }
    return out;
  }

  /** The first {@code n} letters, a, b, c, …: the exam's own order. */
  static List<String> lettersOf(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(String.valueOf((char) ('a' + i)));
    }
    return out;
  }

  private static List<String> letters(int[] order) {
    List<String> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(String.valueOf((char) ('a' + i)));
    }
    return out;
  }
}
