package dev.jmlebench.dataset;

import java.util.List;
import java.util.Optional;

/**
 * One exam question as the dataset gives it (SPEC §1). Immutable; built and validated by
 * {@link DatasetLoader}.
 *
 * @param block {@code A}…{@code F}; which blocks are required (必修) is the exam's data ({@code score.Part})
 * @param answer gold answer: lower-case letters, or one numeric string for a calculation
 */
public record Question(
    String questionId,
    String block,
    int number,
    QuestionType type,
    String text,
    List<String> clinicalImages,
    boolean requiresImage,
    int numChoicesToSelect,
    List<String> answer,
    Optional<SerialGroup> serialGroup) {

  public Question {
    clinicalImages = List.copyOf(clinicalImages);
    answer = List.copyOf(answer);
  }

  /**
   * The letter of the last choice the text lists, each choice after an empty line as {@code a　…}, {@code b　…}
   * in order (the layout every source is converted into); empty for a text that lists none.
   */
  public Optional<Character> lastChoice() {
    char last = 0;
    for (char c = 'a'; c <= 'z' && text.contains("\n\n" + c + "\u3000"); c++) {
      last = c;
    }
    return last == 0 ? Optional.empty() : Optional.of(last);
  }

  /** The same question worded as {@code newText} (its choices reordered, or translated); all else kept. */
  public Question withText(String newText) {
    return new Question(questionId, block, number, type, newText, clinicalImages, requiresImage, numChoicesToSelect,
        answer, serialGroup);
  }
}
