package dev.jmlebench.mock;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.variant.ChoiceList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which question a request's text asks, however the run showed it: as the exam words it, with its choices in
 * another order ({@code run --choice-order}), or in English ({@code --language en}, when the exam's translation
 * is in its folder). A text in another order is found by its frame — the text without the choices' texts, the
 * same in every order — and its order by matching each shown choice's text to the exam's.
 */
final class MockRecognizer {
  /**
   * A question as a request showed it.
   *
   * @param order the exam's choice (0-based) at each shown position; empty for a question without choices
   */
  record Shown(Question question, int[] order, boolean english) {
    /** The shown position of the exam's choice {@code examIndex}; the index itself when it is not shown. */
    int positionOf(int examIndex) {
      for (int i = 0; i < order.length; i++) {
        if (order[i] == examIndex) {
          return i;
        }
      }
      return examIndex;
    }
  }

  /** A question as worded in one language, its choices in the exam's order. */
  private record Worded(Question question, List<String> bodies, boolean english) {}

  private final Map<String, Shown> exact = new HashMap<>();
  private final Map<String, List<Worded>> byFrame = new HashMap<>();

  /** @param english the exam in English, or null when the mock knows no translation */
  MockRecognizer(Dataset dataset, Translation english) {
    for (Question q : dataset.questions()) {
      add(q, q, false);
      if (english != null) {
        add(q, english.questions().get(q.questionId()), true);
      }
    }
  }

  private void add(Question exam, Question worded, boolean english) {
    String text = Prompt.userText(worded);
    Optional<ChoiceList> choices = ChoiceList.find(text);
    int n = choices.map(ChoiceList::size).orElse(0);
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    exact.putIfAbsent(text, new Shown(exam, identity, english));
    choices.ifPresent(c -> byFrame.computeIfAbsent(c.frame(), k -> new ArrayList<>())
        .add(new Worded(exam, c.bodies(), english)));
  }

  /** The question a user text asks, and how; null when it is none of the exam's. */
  Shown recognise(String userText) {
    if (userText == null) {
      return null;
    }
    Shown same = exact.get(userText);
    if (same != null) {
      return same;
    }
    Optional<ChoiceList> choices = ChoiceList.find(userText);
    if (choices.isEmpty()) {
      return null;
    }
    List<String> shown = choices.get().bodies();
    for (Worded w : byFrame.getOrDefault(choices.get().frame(), List.of())) {
      int[] order = orderOf(shown, w.bodies());
      if (order != null) {
        return new Shown(w.question(), order, w.english());
      }
    }
    return null;
  }

  /** The exam index of each shown choice, or null when the shown choices are not the exam's. */
  private static int[] orderOf(List<String> shown, List<String> exam) {
    if (shown.size() != exam.size()) {
      return null;
    }
    int[] order = new int[shown.size()];
    boolean[] used = new boolean[exam.size()];
    for (int i = 0; i < shown.size(); i++) {
      int found = -1;
      for (int j = 0; j < exam.size() && found < 0; j++) {
        if (!used[j] && exam.get(j).equals(shown.get(i))) {
          found = j;
        }
      }
      if (found < 0) {
        return null;
      }
      used[found] = true;
      order[i] = found;
    }
    return order;
  }
}
