package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.AdaptiveLimiter;
import dev.jmlebench.client.Answer;
import dev.jmlebench.client.Usage;
import dev.jmlebench.common.HarnessVersion;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.results.Samples;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields this project adds to the published format: per question how it was asked (latency, attempts,
 * token usage, finish reason), per run the harness, the data, the request parameters, the totals and how
 * concurrency moved. Never the API key: it is not in {@link RunConfig}.
 */
final class RunRecords {
  static final String USAGE_PROMPT = "prompt_tokens";
  static final String USAGE_COMPLETION = "completion_tokens";
  static final String USAGE_REASONING = "reasoning_tokens";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RunRecords() {}

  static Map<String, JsonNode> questionExtra(Answer a) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    extra.put(QuestionResult.LATENCY_MS, NODES.numberNode(a.latency().toMillis()));
    extra.put(QuestionResult.ATTEMPTS, NODES.numberNode(a.attempts()));
    if (a.ok()) {
      Usage u = a.completion().usage();
      ObjectNode usage = NODES.objectNode();
      putIfReported(usage, USAGE_PROMPT, u.promptTokens());
      putIfReported(usage, USAGE_COMPLETION, u.completionTokens());
      putIfReported(usage, USAGE_REASONING, u.reasoningTokens());
      if (!usage.isEmpty()) {
        extra.put(QuestionResult.USAGE, usage);
      }
      if (a.completion().finishReason() != null) {
        extra.put(QuestionResult.FINISH_REASON, NODES.textNode(a.completion().finishReason()));
      }
    }
    return extra;
  }

  private static void putIfReported(ObjectNode o, String field, Integer value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  static RunMetadata metadata(RunConfig config, String timestamp, Selection selection, Dataset dataset,
      List<QuestionResult> results, Duration wall, AdaptiveLimiter.Report concurrency) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    extra.put(RunMetadata.HARNESS_VERSION, NODES.textNode(HarnessVersion.get()));
    extra.put(RunMetadata.DATASET_SHA256, NODES.textNode(dataset.sha256()));
    if (config.repeats() > 1) {
      extra.put(Samples.REPEATS, NODES.numberNode(config.repeats()));
    }
    extra.put("request", request(config));
    extra.put("totals", totals(results.stream().flatMap(r -> Samples.of(r, config.out().toString()).stream())
        .filter(Objects::nonNull).toList()));
    extra.put("wall_time_ms", NODES.numberNode(wall.toMillis()));
    extra.put("concurrency", concurrency(concurrency));
    return new RunMetadata(config.model(), config.baseUrl().toString(), timestamp, config.imageMode().wireName(),
        config.extraBody(), selection.total(), results.size(), selection.skippedImage(), config.displayName(), extra);
  }

  private static ObjectNode request(RunConfig c) {
    ObjectNode o = NODES.objectNode();
    o.put("parallel", c.parallel());
    o.put("timeout_s", c.timeout().toSeconds());
    o.put("max_retries", c.retry().maxRetries());
    o.put("retry_budget_s", c.retry().budget().toSeconds());
    if (c.blocks().isEmpty()) {
      o.putNull("blocks");
    } else {
      ArrayNode blocks = o.putArray("blocks");
      c.blocks().forEach(blocks::add);
    }
    return o;
  }

  /**
   * Sums over every answer in the file (every sample when the run repeats), kept ones included, so a resumed
   * run's totals stay whole.
   */
  private static ObjectNode totals(List<QuestionResult> results) {
    long requests = 0;
    long[] tokens = new long[3];
    String[] fields = {USAGE_PROMPT, USAGE_COMPLETION, USAGE_REASONING};
    for (QuestionResult r : results) {
      JsonNode attempts = r.extra().get(QuestionResult.ATTEMPTS);
      requests += attempts != null && attempts.canConvertToInt() ? attempts.intValue() : 0;
      JsonNode usage = r.extra().get(QuestionResult.USAGE);
      for (int i = 0; i < fields.length; i++) {
        JsonNode n = usage == null ? null : usage.get(fields[i]);
        tokens[i] += n != null && n.canConvertToLong() ? n.longValue() : 0;
      }
    }
    ObjectNode o = NODES.objectNode();
    o.put("requests", requests);
    o.put("retries", requests - results.stream().filter(r -> r.extra().containsKey(QuestionResult.ATTEMPTS)).count());
    for (int i = 0; i < fields.length; i++) {
      o.put(fields[i], tokens[i]);
    }
    return o;
  }

  private static ObjectNode concurrency(AdaptiveLimiter.Report r) {
    ObjectNode o = NODES.objectNode();
    o.put("ceiling", r.ceiling());
    o.put("lowest", r.lowest());
    o.put("final", r.last());
    o.put("decreases", r.decreases());
    ArrayNode changes = o.putArray("changes");
    r.changes().forEach(ch -> changes.addArray().add(ch.atMillis()).add(ch.limit()));
    return o;
  }
}
