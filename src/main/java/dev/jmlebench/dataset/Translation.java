package dev.jmlebench.dataset;

import java.util.Map;

/**
 * An exam's questions in another language, as its source publishes them: each question with the same id,
 * type, gold answer and images, its text translated.
 *
 * @param questions the translated questions by id, one for every question of the exam
 * @param sha256 SHA-256 of the translation files as read, in the order read; a result file records it
 */
public record Translation(Language language, Map<String, Question> questions, String sha256) {
  public Translation {
    questions = Map.copyOf(questions);
  }
}
