package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.score.Outcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One entry of {@code results} (SPEC §5). {@code extra} keeps, in order, every field this project does not
 * model (other tools' fields, and this project's own additions such as latency and token usage), so that a
 * file read and written back loses nothing.
 *
 * @param error the failure of the request, or null when the model answered
 * @param reasoning the reasoning text the API returned, or null when it gave none (then not written)
 */
public record QuestionResult(
    String questionId,
    List<String> predicted,
    List<String> gold,
    boolean correct,
    String rawResponse,
    boolean parseSuccess,
    String error,
    String reasoning,
    Map<String, JsonNode> extra) {

  public QuestionResult {
    predicted = List.copyOf(predicted);
    gold = List.copyOf(gold);
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** Whether the answer includes a prohibited choice (禁忌肢) of the annotation; a failed request chose nothing. */
  public boolean choosesProhibited(dev.jmlebench.dataset.Annotation annotation) {
    return error == null && annotation.isProhibited(predicted);
  }

  /** A request that failed: no answer, recorded with its error (SPEC §3). */
  public static QuestionResult failed(String questionId, List<String> gold, String error, Map<String, JsonNode> extra) {
    return new QuestionResult(questionId, List.of(), gold, false, "", false, error, null, extra);
  }

  /** How the question went: the one classification progress, viewer, statistics and the summary use. */
  public Outcome outcome() {
    return Outcome.of(error != null, parseSuccess, correct);
  }

  /**
   * The tokens the answer cost as its {@code usage} records them (prompt plus completion; reasoning tokens are
   * part of the completion), or empty when the file records no usage for it.
   */
  public OptionalLong tokens() {
    JsonNode usage = extra.get(ResultSchema.Result.USAGE);
    if (usage == null || !usage.isObject()) {
      return OptionalLong.empty();
    }
    JsonNode prompt = usage.get(ResultSchema.Usage.PROMPT_TOKENS);
    JsonNode completion = usage.get(ResultSchema.Usage.COMPLETION_TOKENS);
    boolean hasPrompt = prompt != null && prompt.canConvertToLong();
    boolean hasCompletion = completion != null && completion.canConvertToLong();
    if (!hasPrompt && !hasCompletion) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((hasPrompt ? prompt.longValue() : 0) + (hasCompletion ? completion.longValue() : 0));
  }

  /**
   * Whether the model's reply was cut off ({@code finish_reason: "length"}) or empty: graded as it is, but
   * counted apart so that it is not taken for a plain wrong answer.
   */
  public boolean isTruncated() {
    if (error != null) {
      return false;
    }
    JsonNode finish = extra.get(ResultSchema.Result.FINISH_REASON);
    return rawResponse.isEmpty() || finish != null && ResultSchema.Result.FINISH_LENGTH.equals(finish.asText());
  }

  /** What a result held without its texts has in place of a text that is there. */
  public static final String TEXT_ELSEWHERE = "…";

  /**
   * The result without its texts (the raw response and the reasoning, megabytes each at worst): what a run holds
   * of every answer while the texts stay on disk. It keeps whether each text is there, so everything but the texts
   * — grading, {@link #isTruncated}, counts — reads as it would; {@link #withTexts} puts them back to write it.
   */
  public QuestionResult withoutTexts() {
    return new QuestionResult(questionId, predicted, gold, correct, rawResponse.isEmpty() ? "" : TEXT_ELSEWHERE,
        parseSuccess, error, reasoning == null ? null : TEXT_ELSEWHERE, extra);
  }

  /** This result with the texts of {@code full}, a reading of the same answer that has them. */
  public QuestionResult withTexts(QuestionResult full) {
    return new QuestionResult(questionId, predicted, gold, correct, full.rawResponse, parseSuccess, error,
        full.reasoning, extra);
  }

  public QuestionResult withExtra(Map<String, JsonNode> newExtra) {
    return new QuestionResult(questionId, predicted, gold, correct, rawResponse, parseSuccess, error, reasoning, newExtra);
  }
}
