package dev.jmlebench.variant;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which questions of an exam may have their choices moved, decided once from the exam's own (Japanese)
 * text: a question is {@link Fixed} when it has no choices to move (a calculation; none found), when its
 * choices are not in its text (blank or bare letters: the options are drawn in an image, or are rows of a
 * table in the stem), when two of them read the same, or when something names a choice by its letter — its stem or a choice ("a と b"), or
 * for a serial question the case text or a partner question — since moving the choices would leave that
 * letter pointing at another choice.
 */
public final class Movability {
  private final Map<String, Optional<Fixed>> verdicts;
  private final Map<String, Optional<ChoiceList>> choices;

  private Movability(Map<String, Optional<Fixed>> verdicts, Map<String, Optional<ChoiceList>> choices) {
    this.verdicts = verdicts;
    this.choices = choices;
  }

  /** The verdict on every question of an exam (serial partners are looked up among {@code questions}). */
  public static Movability of(Collection<Question> questions) {
    Map<String, Question> byId = new LinkedHashMap<>();
    questions.forEach(q -> byId.put(q.questionId(), q));
    Map<String, Optional<ChoiceList>> choices = new java.util.HashMap<>();
    questions.forEach(q -> choices.put(q.questionId(), ChoiceList.find(q.text())));
    Map<String, Boolean> naming = new java.util.HashMap<>();
    questions.forEach(q -> naming.put(q.questionId(), namesALetter(q, choices.get(q.questionId()))));
    Map<String, Optional<Fixed>> verdicts = new LinkedHashMap<>();
    for (Question q : questions) {
      verdicts.put(q.questionId(), Optional.ofNullable(fixed(q, byId, choices.get(q.questionId()), naming)));
    }
    return new Movability(verdicts, choices);
  }

  /** Why the question keeps the exam's order; empty when its choices may move. */
  public Optional<Fixed> fixed(String questionId) {
    Optional<Fixed> v = verdicts.get(questionId);
    if (v == null) {
      throw new IllegalArgumentException("not a question of this exam: " + questionId);
    }
    return v;
  }

  /** The choices of a question of this exam as its own text lists them. */
  Optional<ChoiceList> choices(String questionId) {
    fixed(questionId);
    return choices.get(questionId);
  }

  /** Every question that keeps the exam's order, with the reason, in exam order. */
  public Map<String, Fixed> fixedQuestions() {
    Map<String, Fixed> out = new LinkedHashMap<>();
    verdicts.forEach((id, v) -> v.ifPresent(f -> out.put(id, f)));
    return out;
  }

  private static Fixed fixed(Question q, Map<String, Question> byId, Optional<ChoiceList> choices,
      Map<String, Boolean> naming) {
    if (q.type() == QuestionType.CALCULATION) {
      return Fixed.CALCULATION;
    }
    if (choices.isEmpty()) {
      return Fixed.CHOICES_NOT_FOUND;
    }
    if (choices.get().bodies().stream().anyMatch(Movability::blankOrBareLetter)) {
      return Fixed.CHOICES_NOT_IN_TEXT;
    }
    if (!distinct(choices.get())) {
      return Fixed.CHOICES_NOT_DISTINCT;
    }
    if (naming.get(q.questionId())) {
      return Fixed.NAMES_A_LETTER;
    }
    if (q.serialGroup().isPresent()) {
      var group = q.serialGroup().get();
      if (LetterReference.in(group.contextText(), lastLetter(choices))) {
        return Fixed.PARTNER_NAMES_A_LETTER;
      }
      for (String partner : group.questions()) {
        if (!partner.equals(q.questionId()) && byId.containsKey(partner) && naming.get(partner)) {
          return Fixed.PARTNER_NAMES_A_LETTER;
        }
      }
    }
    return null;
  }

  /** Whether the stem or a choice of {@code q} names a choice by its letter. */
  private static boolean namesALetter(Question q, Optional<ChoiceList> choices) {
    char last = lastLetter(choices);
    if (choices.isEmpty()) {
      return LetterReference.in(q.text(), last);
    }
    return LetterReference.in(choices.get().stem(), last)
        || choices.get().bodies().stream().anyMatch(b -> LetterReference.in(b, last));
  }

  /** The letter of the last choice; e when the question lists none. */
  private static char lastLetter(Optional<ChoiceList> choices) {
    return choices.map(c -> (char) ('a' + c.size() - 1)).orElse('e');
  }

  /** Whether no two choices read the same. */
  static boolean distinct(ChoiceList choices) {
    return choices.bodies().stream().distinct().count() == choices.size();
  }

  private static boolean blankOrBareLetter(String body) {
    String s = Normalizer.normalize(body, Normalizer.Form.NFKC).strip();
    return s.isEmpty() || s.length() == 1 && Character.isLetter(s.charAt(0)) && s.charAt(0) < 128;
  }

  /** For a message: how many questions keep their order, by reason. */
  public Map<Fixed, List<String>> byReason() {
    Map<Fixed, List<String>> out = new java.util.EnumMap<>(Fixed.class);
    fixedQuestions().forEach((id, f) -> out.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(id));
    return out;
  }
}
