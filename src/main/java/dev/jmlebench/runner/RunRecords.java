package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.AdaptiveLimiter;
import dev.jmlebench.client.Answer;
import dev.jmlebench.common.HarnessVersion;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.cost.Cost;
import dev.jmlebench.cost.Prices;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.prompt.Prompt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultSchema.Concurrency;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.ResultSchema.Result;
import dev.jmlebench.results.ResultSchema.Totals;
import dev.jmlebench.results.ResultSchema.Usage;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.results.RunUsage;
import dev.jmlebench.results.Samples;
import dev.jmlebench.variant.ShownQuestion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields this project adds to the published format: per question how it was asked (latency, attempts,
 * token usage, finish reason), per run the harness, the data, the request parameters, the totals and how
 * concurrency moved. Never the API key: it is not in {@link RunSpec}.
 */
final class RunRecords {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RunRecords() {}

  /**
   * @param prices what tokens cost when the provider reports no cost, or null
   * @param imageMissing the question needs an image its source lacks, and this vision run asked it as text
   * @param shown how the run showed the question: under a choice order, the order shown, or why it kept the
   *     exam's
   */
  static Map<String, JsonNode> questionExtra(Answer a, Prices prices, boolean imageMissing, ShownQuestion shown) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    if (imageMissing) {
      extra.put(Result.IMAGE_MISSING, NODES.booleanNode(true));
    }
    if (!shown.order().isEmpty()) {
      ArrayNode order = NODES.arrayNode();
      shown.order().forEach(order::add);
      extra.put(Result.SHOWN_ORDER, order);
    }
    if (shown.fixed() != null) {
      extra.put(Result.ORDER_FIXED, NODES.textNode(shown.fixed().wireName()));
    }
    extra.put(Result.LATENCY_MS, NODES.numberNode(a.latency().toMillis()));
    extra.put(Result.ATTEMPTS, NODES.numberNode(a.attempts()));
    if (a.ok()) {
      if (a.attempts() == 0) {
        extra.put(Result.CACHED, NODES.booleanNode(true));
      }
      dev.jmlebench.client.Usage u = a.completion().usage();
      ObjectNode usage = NODES.objectNode();
      putIfReported(usage, Usage.PROMPT_TOKENS, u.promptTokens());
      putIfReported(usage, Usage.COMPLETION_TOKENS, u.completionTokens());
      putIfReported(usage, Usage.REASONING_TOKENS, u.reasoningTokens());
      Cost.of(u, prices).ifPresent(c -> {
        usage.put(Usage.COST, c.usd());
        usage.put(Usage.COST_SOURCE, c.source().wireName());
      });
      if (!usage.isEmpty()) {
        extra.put(Result.USAGE, usage);
      }
      if (a.completion().finishReason() != null) {
        extra.put(Result.FINISH_REASON, NODES.textNode(a.completion().finishReason()));
      }
    }
    return extra;
  }

  private static void putIfReported(ObjectNode o, String field, Integer value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  /**
   * The metadata of the file a run writes: the run as {@link RunSpec#toMetadata()} records it, and what this run
   * did. {@code earlier} is the metadata of the file it resumes, or null: fields this project does not know are
   * carried over (resume is lossless), as is the display name when none is given now.
   *
   * @param data the data the run is made with ({@link #data}: hashing every question's text once a run is enough)
   * @param translationSha256 SHA-256 of the translation asked, for a run in another language; else null
   * @param wall the run's wall time, earlier segments included
   */
  static RunMetadata metadata(RunSpec spec, String out, String timestamp, Selection selection, EarlierResults.Data data,
      String translationSha256, List<QuestionResult> results, Duration wall, AdaptiveLimiter.Report concurrency,
      RunMetadata earlier) {
    ObjectNode run = spec.toMetadata();
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    if (earlier != null) {
      extra.putAll(earlier.extra());
    }
    // What the spec records is this run's alone: an earlier value it leaves out (a default) must not stay.
    RunField.ALL.stream().filter(RunField::recorded).map(f -> f.metadataPath().get(0))
        .filter(name -> !RunMetadata.isPublished(name)).forEach(extra::remove);
    extra.put(Metadata.SCHEMA_VERSION, NODES.numberNode(ResultSchema.VERSION));
    extra.put(Metadata.HARNESS_VERSION, NODES.textNode(HarnessVersion.get()));
    extra.put(Metadata.DATASET_SHA256, NODES.textNode(data.datasetSha256()));
    extra.put(Metadata.QUESTIONS_SHA256, NODES.textNode(data.questionsSha256()));
    extra.remove(Metadata.TRANSLATION_SHA256);
    if (translationSha256 != null) {
      extra.put(Metadata.TRANSLATION_SHA256, NODES.textNode(translationSha256));
    }
    run.fields().forEachRemaining(e -> {
      if (!RunMetadata.isPublished(e.getKey()) && !e.getKey().equals(Metadata.REQUEST)) {
        extra.put(e.getKey(), e.getValue());
      }
    });
    extra.put(Metadata.REQUEST, run.get(Metadata.REQUEST));
    extra.put(Metadata.TOTALS, totals(results.stream().flatMap(r -> Samples.of(r, out).stream())
        .filter(Objects::nonNull).toList()));
    extra.put(Metadata.WALL_TIME_MS, NODES.numberNode(wall.toMillis()));
    extra.put(Metadata.CONCURRENCY, concurrency(concurrency));
    return new RunMetadata(spec.model(), run.get(Metadata.BASE_URL).asText(), timestamp, spec.imageMode().wireName(),
        spec.extraBody(), selection.total(), results.size(), selection.skippedImage(),
        spec.displayName() != null || earlier == null ? spec.displayName() : earlier.displayName(), extra);
  }

  /** The data a run is made with, for its journal's header and for checking a resumed file. */
  static EarlierResults.Data data(Dataset dataset) {
    return new EarlierResults.Data(dataset.sha256(), questionsSha256(dataset));
  }

  /**
   * SHA-256 of every question's id and the text it is asked with, without the gold answers: equal for two
   * editions of a dataset that differ only in their answer key.
   */
  static String questionsSha256(Dataset dataset) {
    MessageDigest d = Hashing.sha256();
    for (Question q : dataset.questions()) {
      d.update((q.questionId() + "\u0000" + Prompt.userText(q) + "\u0000").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * Sums over every answer in the file (every sample when the run repeats), kept ones included, so a resumed
   * run's totals stay whole.
   */
  private static ObjectNode totals(List<QuestionResult> results) {
    long requests = 0;
    long retries = 0;
    for (QuestionResult r : results) {
      JsonNode attempts = r.extra().get(Result.ATTEMPTS);
      int sent = attempts != null && attempts.canConvertToInt() ? Math.max(0, attempts.intValue()) : 0;
      requests += sent;
      // Every request after a question's first; an answer from the cache or a batch sent none here.
      retries += Math.max(0, sent - 1);
    }
    RunUsage usage = RunUsage.ofSamples(results);
    ObjectNode o = NODES.objectNode();
    o.put(Totals.REQUESTS, requests);
    o.put(Totals.RETRIES, retries);
    o.put(Usage.PROMPT_TOKENS, usage.promptTokens());
    o.put(Usage.COMPLETION_TOKENS, usage.completionTokens());
    o.put(Usage.REASONING_TOKENS, usage.reasoningTokens());
    o.put(Totals.TRUNCATED, usage.truncated());
    if (usage.hasCost()) {
      // Absent, not 0, when no answer was priced: an unknown cost is not free.
      o.put(Totals.COST_USD, usage.cost());
    }
    return o;
  }

  private static ObjectNode concurrency(AdaptiveLimiter.Report r) {
    ObjectNode o = NODES.objectNode();
    o.put(Concurrency.CEILING, r.ceiling());
    o.put(Concurrency.LOWEST, r.lowest());
    o.put(Concurrency.FINAL, r.last());
    o.put(Concurrency.DECREASES, r.decreases());
    ArrayNode changes = o.putArray(Concurrency.CHANGES);
    r.changes().forEach(ch -> changes.addArray().add(ch.atMillis()).add(ch.limit()));
    return o;
  }
}
