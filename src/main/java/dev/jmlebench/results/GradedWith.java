package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jmlebench.exam.Edition;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.score.AnswerKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which answer-key edition a result file was graded with: the {@code answer_key} its metadata records (files
 * of this project), or else the edition whose gold answers the file carries (every published file: those
 * before 2026-03-16 carry the author's, later ones the official). The one place that tells them apart.
 */
public final class GradedWith {
  private static final String FIELD = ResultSchema.Metadata.ANSWER_KEY;

  private GradedWith() {}

  /** The edition's name; empty when the file records none and its gold cannot tell (no disputed question). */
  public static Optional<String> edition(ResultFile file, ExamSpec exam) {
    JsonNode recorded = file.metadata().extra().get(FIELD);
    if (recorded != null && recorded.isTextual()) {
      return Optional.of(recorded.asText());
    }
    Map<String, java.util.List<String>> gold = new LinkedHashMap<>();
    for (QuestionResult r : file.results()) {
      gold.put(r.questionId(), r.gold());
    }
    return AnswerKey.recognise(exam, gold).map(Edition::name);
  }

  /** Whether the file's grading is known to belong to an edition other than {@code key}. */
  public static boolean differs(ResultFile file, AnswerKey key) {
    return edition(file, key.exam()).filter(e -> !e.equals(key.name())).isPresent();
  }

  /**
   * The metadata of {@code before} once re-graded under {@code key}: the edition is recorded when the file
   * recorded one, or when its gold alone would no longer say it — so a published file re-graded under the
   * edition it was published with stays byte-identical.
   */
  static RunMetadata recording(ResultFile before, AnswerKey key) {
    RunMetadata m = before.metadata();
    if (!m.extra().containsKey(FIELD) && !differs(before, key)) {
      return m;
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>(m.extra());
    extra.put(FIELD, TextNode.valueOf(key.name()));
    return m.withExtra(extra);
  }
}
