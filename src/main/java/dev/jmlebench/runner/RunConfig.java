package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.results.ResultSchema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Everything that defines one run except the API key, which stays in the client and so can never reach a
 * result file or a printed line through this record.
 *
 * @param blocks the blocks to ask, upper case; empty for the whole exam
 * @param extraBody merged into every request body, or null
 * @param out the result file; an existing one (or its journal) is resumed
 * @param resumeFrom another result file whose answers to keep, or null to resume only {@code out} itself
 * @param displayName the leaderboard name, or null
 * @param startedAt when the run started; its UTC timestamp names the default result file and the metadata
 * @param repeats how many times each question is asked (its samples); 1 for the published protocol
 * @param maxBodyBytes the most bytes of one reply body read; a larger reply is an error for its question
 * @param regrade whether to keep the answers of a file made with another answer key, graded by this one
 * @param ask the API, token limit, prices, re-asks, cache and batching
 * @param answerKey the answer key to grade with, as {@code --key} names it; null for the exam's default
 */
public record RunConfig(
    String model,
    URI baseUrl,
    ImageMode imageMode,
    ObjectNode extraBody,
    List<String> blocks,
    Path out,
    Path resumeFrom,
    String displayName,
    int parallel,
    Duration timeout,
    RetrySettings retry,
    Instant startedAt,
    int repeats,
    long maxBodyBytes,
    boolean regrade,
    AskOptions ask,
    String answerKey) {

  public RunConfig {
    blocks = List.copyOf(blocks);
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel should be at least 1, not " + parallel);
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats should be at least 1, not " + repeats);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body size cap should be positive, not " + maxBodyBytes);
    }
  }

  /**
   * A run with the default cap on reply bodies and the default way of asking (OpenAI-compatible, one by one),
   * graded with the exam's default answer key.
   */
  public RunConfig(String model, URI baseUrl, ImageMode imageMode, ObjectNode extraBody, List<String> blocks, Path out,
      Path resumeFrom, String displayName, int parallel, Duration timeout, RetrySettings retry, Instant startedAt,
      int repeats) {
    this(model, baseUrl, imageMode, extraBody, blocks, out, resumeFrom, displayName, parallel, timeout, retry,
        startedAt, repeats, ClientSettings.DEFAULT_MAX_BODY_BYTES, false, AskOptions.DEFAULT, null);
  }

  /** A run that asks each question once, as the published benchmark does. */
  public RunConfig(String model, URI baseUrl, ImageMode imageMode, ObjectNode extraBody, List<String> blocks, Path out,
      Path resumeFrom, String displayName, int parallel, Duration timeout, RetrySettings retry, Instant startedAt) {
    this(model, baseUrl, imageMode, extraBody, blocks, out, resumeFrom, displayName, parallel, timeout, retry,
        startedAt, 1);
  }

  /** The same run, written to {@code newOut}. */
  public RunConfig withOut(Path newOut) {
    return new RunConfig(model, baseUrl, imageMode, extraBody, blocks, newOut, resumeFrom, displayName, parallel,
        timeout, retry, startedAt, repeats, maxBodyBytes, regrade, ask, answerKey);
  }

  /** The defaults of {@code run}; a printed command leaves out what equals them. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final int DEFAULT_PARALLEL = 8;
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;
  public static final int DEFAULT_MAX_RETRIES = 5;
  public static final int DEFAULT_RETRY_BUDGET_MINUTES = 10;
  public static final int DEFAULT_MAX_BODY_MB = (int) (ClientSettings.DEFAULT_MAX_BODY_BYTES >> 20);

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
      .withZone(ZoneOffset.UTC);

  /** {@code YYYYmmdd_HHMMSS} in UTC (SPEC §5). */
  public static String timestamp(Instant at) {
    return TIMESTAMP.format(at);
  }

  /** {@code results/{model, / → _}_{UTC timestamp}.json}. */
  public static Path defaultOut(String model, Instant at) {
    return Path.of(ResultSchema.FOLDER, model.replace('/', '_') + "_" + timestamp(at) + ".json");
  }
}
