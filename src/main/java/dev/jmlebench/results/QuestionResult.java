package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** Extension fields this project writes; readers of the published format ignore them. */
  public static final String LATENCY_MS = "latency_ms";
  public static final String ATTEMPTS = "attempts";
  public static final String USAGE = "usage";
  public static final String FINISH_REASON = "finish_reason";

  public QuestionResult {
    predicted = List.copyOf(predicted);
    gold = List.copyOf(gold);
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** A request that failed: no answer, recorded with its error (SPEC §3). */
  public static QuestionResult failed(String questionId, List<String> gold, String error, Map<String, JsonNode> extra) {
    return new QuestionResult(questionId, List.of(), gold, false, "", false, error, null, extra);
  }

  /** Whether resume may keep this result instead of asking again (SPEC §5). */
  public boolean isKeptOnResume() {
    return error == null && parseSuccess;
  }

  public QuestionResult withExtra(Map<String, JsonNode> newExtra) {
    return new QuestionResult(questionId, predicted, gold, correct, rawResponse, parseSuccess, error, reasoning, newExtra);
  }
}
