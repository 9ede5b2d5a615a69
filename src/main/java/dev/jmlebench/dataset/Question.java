package dev.jmlebench.dataset;

import java.util.List;
import java.util.Optional;

/**
 * One exam question as the dataset gives it (SPEC §1). Immutable; built and validated by
 * {@link DatasetLoader}.
 *
 * @param block {@code A}…{@code F}; B and E are the required (必修) blocks
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

  /** The required (必修) blocks are B and E. */
  public boolean isRequired() {
    return isRequiredBlock(block);
  }

  public static boolean isRequiredBlock(String block) {
    return "B".equals(block) || "E".equals(block);
  }
}
