package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metadata} of a result file (SPEC §5). Never holds an API key. {@code extra} keeps fields this
 * project does not model, and this project's own additions (harness version, dataset SHA-256, timings).
 *
 * @param timestamp {@code YYYYmmdd_HHMMSS} in UTC for runs of this project; published files have {@code YYYYmmdd}
 * @param extraBody the {@code --extra-body} object, or null
 * @param displayName the name shown on leaderboards, or null (then not written)
 */
public record RunMetadata(
    String model,
    String baseUrl,
    String timestamp,
    String imageMode,
    JsonNode extraBody,
    int totalQuestions,
    int attempted,
    int skippedImage,
    String displayName,
    Map<String, JsonNode> extra) {

  public RunMetadata {
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** Whether a metadata field is one of the published format's own (SPEC §5), which this record holds typed. */
  public static boolean isPublished(String field) {
    return ResultSchema.Metadata.PUBLISHED.contains(field);
  }

  /**
   * The name leaderboards show: {@code display_name}, else the model id — and for a variant run, which no
   * leaderboard ranks, with its variant beside it ({@link RunVariant#labelled}): "GPT-5.2 [choices cyclic:2]".
   */
  public String name() {
    return RunVariant.of(this).labelled(displayName != null && !displayName.isEmpty() ? displayName : model);
  }

  public RunMetadata withCounts(int total, int attemptedCount, int skipped) {
    return new RunMetadata(model, baseUrl, timestamp, imageMode, extraBody, total, attemptedCount, skipped,
        displayName, extra);
  }

  public RunMetadata withExtra(Map<String, JsonNode> newExtra) {
    return new RunMetadata(model, baseUrl, timestamp, imageMode, extraBody, totalQuestions, attempted, skippedImage,
        displayName, newExtra);
  }
}
