package dev.jmlebench.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ApiFailure;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.JsonHttp;
import dev.jmlebench.client.OpenAiReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * OpenAI's Batch API: the requests as a JSONL file ({@code POST /files}, purpose {@code batch}, one line per
 * request with its {@code custom_id}), then {@code POST /batches} with a 24-hour completion window and the
 * run's own id in its {@code metadata}; the output and error files are read back when the batch has ended.
 * A batch an interrupted run created is found again in {@code GET /batches} by that id, or its input file.
 */
public final class OpenAiBatches implements BatchApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENDPOINT = "/v1/chat/completions";
  private static final Set<String> ENDED = Set.of("completed", "expired", "failed", "cancelled");
  /** The metadata key that carries the run's own id of a batch. */
  static final String INTENT_KEY = "jmle_bench_intent";
  /** The batch list is read newest first, back to batches this much older than the intent, at most so many pages. */
  private static final Duration LIST_MARGIN = Duration.ofHours(1);
  private static final int MAX_LIST_PAGES = 20;

  private final ClientSettings settings;
  private final JsonHttp http;

  public OpenAiBatches(ClientSettings settings) {
    this.settings = settings;
    this.http = new JsonHttp(settings, JsonHttp.bearer(settings.apiKey()));
  }

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Intent prepare(List<Request> requests, String tag) throws InterruptedException {
    StringBuilder jsonl = new StringBuilder();
    for (Request r : requests) {
      ObjectNode line = JSON.createObjectNode().put("custom_id", r.customId()).put("method", "POST")
          .put("url", ENDPOINT);
      line.set("body", r.body());
      jsonl.append(line).append('\n');
    }
    String boundary = "jmle-bench-" + UUID.randomUUID();
    JsonHttp.Reply uploaded = http.post(settings.endpoint("files"),
        HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, jsonl.toString())),
        "multipart/form-data; boundary=" + boundary);
    JsonNode file = http.json(uploaded);
    String id = file.path("id").isTextual() ? file.get("id").asText() : null;
    if (!BatchApi.isPlainId(id, settings)) {
      throw http.malformed(uploaded, "the uploaded file has no id, or one that is not a plain id");
    }
    return new Intent(tag, id, requests.size(), Instant.now());
  }

  @Override
  public Status create(Intent intent, List<Request> requests) throws InterruptedException {
    ObjectNode create = JSON.createObjectNode().put("input_file_id", intent.inputFileId())
        .put("endpoint", ENDPOINT).put("completion_window", "24h");
    create.putObject("metadata").put(INTENT_KEY, intent.tag());
    JsonHttp.Reply created = http.postJson(settings.endpoint("batches"), JsonHttp.bytes(create), Map.of());
    return status(created);
  }

  private static byte[] multipart(String boundary, String jsonl) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\n"
        + "Content-Type: application/jsonl\r\n\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(jsonl.getBytes(StandardCharsets.UTF_8));
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory does not fail", e);
    }
    return out.toByteArray();
  }

  @Override
  public Optional<Status> find(Intent intent) throws InterruptedException {
    long oldest = intent.at().minus(LIST_MARGIN).getEpochSecond();
    String after = null;
    for (int page = 0; page < MAX_LIST_PAGES; page++) {
      JsonHttp.Reply reply = http.get(BatchUris.withQuery(settings.endpoint("batches"),
          "limit=100" + (after == null ? "" : "&after=" + after)));
      JsonNode list = http.json(reply);
      JsonNode last = null;
      for (JsonNode b : list.path("data")) {
        last = b;
        if (intent.tag().equals(b.path("metadata").path(INTENT_KEY).asText(null))
            || intent.inputFileId() != null && intent.inputFileId().equals(b.path("input_file_id").asText(null))) {
          return Optional.of(status(reply, b));
        }
      }
      if (last == null || !list.path("has_more").asBoolean(false) || last.path("created_at").asLong(0) < oldest) {
        return Optional.empty();
      }
      after = last.path("id").asText(null);
      if (!BatchApi.isPlainId(after, settings)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public Status status(String batchId) throws InterruptedException {
    return status(http.get(settings.endpoint("batches/" + BatchUris.plain(batchId, "batch id"))));
  }

  private Status status(JsonHttp.Reply reply) {
    return status(reply, http.json(reply));
  }

  private Status status(JsonHttp.Reply reply, JsonNode b) {
    if (!b.path("id").isTextual() || !b.path("status").isTextual()) {
      throw http.malformed(reply, "the batch has no id or status");
    }
    if (!BatchApi.isPlainId(b.get("id").asText(), settings)) {
      throw http.malformed(reply, "the batch id is not a plain id, or repeats a credential; not followed");
    }
    String state = b.get("status").asText();
    JsonNode counts = b.path("request_counts");
    return new Status(b.get("id").asText(), BatchApi.printable(state, settings), ENDED.contains(state),
        counts.path("completed").asInt() + counts.path("failed").asInt(), counts.path("total").asInt(),
        text(b.get("output_file_id")), text(b.get("error_file_id")));
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  /** The output file first, then the error file: a request in both keeps its answer. */
  @Override
  public Reading outcomes(Status ended, OutcomeSink sink) throws InterruptedException {
    int unusable = 0;
    for (String[] file : new String[][] {{ended.resultsRef(), "output_file_id"}, {ended.errorsRef(), "error_file_id"}}) {
      if (file[0] == null) {
        continue;
      }
      if (!BatchApi.isPlainId(file[0], settings)) {
        throw new Refused("batch " + ended.id() + ": its " + file[1] + " is not a plain id (letters, "
            + "digits, _-.), or repeats a credential; not fetched");
      }
      unusable += BatchResults.read(http, settings, settings.endpoint("files/" + file[0] + "/content"),
          BatchApi.resultsCap(settings, ended), (id, line) -> {
            sink.outcome(id, outcome(line));
            return true;
          });
    }
    return new Reading(unusable);
  }

  /** One line of an output or error file: a 200 response's completion, else its error. */
  private Outcome outcome(JsonNode l) {
    JsonNode response = l.path("response");
    Completion c = response.path("status_code").asInt() == 200 ? OpenAiReply.completion(response.path("body")) : null;
    if (c != null) {
      return new Outcome(c, null);
    }
    JsonNode error = l.path("error").isObject() ? l.get("error") : response.path("body").path("error");
    String message = error.path("message").asText("no answer in the batch");
    return new Outcome(null, http.failure(ApiFailure.Kind.HTTP, response.path("status_code").asInt(), null,
        "batch: " + message).getMessage());
  }
}
