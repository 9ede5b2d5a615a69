package dev.jmlebench.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.JsonHttp;
import dev.jmlebench.client.OpenAiReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * OpenAI's Batch API: the requests as a JSONL file ({@code POST /files}, purpose {@code batch}, one line per
 * request with its {@code custom_id}), then {@code POST /batches} with a 24-hour completion window; the
 * output and error files are read back when the batch has ended.
 */
public final class OpenAiBatches implements BatchApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENDPOINT = "/v1/chat/completions";
  private static final Set<String> ENDED = Set.of("completed", "expired", "failed", "cancelled");

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
  public Status submit(List<Request> requests) throws InterruptedException {
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
    if (!file.path("id").isTextual()) {
      throw http.malformed(uploaded, "the uploaded file has no id");
    }
    ObjectNode create = JSON.createObjectNode().put("input_file_id", file.get("id").asText())
        .put("endpoint", ENDPOINT).put("completion_window", "24h");
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
  public Status status(String batchId) throws InterruptedException {
    return status(http.get(settings.endpoint("batches/" + batchId)));
  }

  private Status status(JsonHttp.Reply reply) {
    JsonNode b = http.json(reply);
    if (!b.path("id").isTextual() || !b.path("status").isTextual()) {
      throw http.malformed(reply, "the batch has no id or status");
    }
    if (!BatchApi.isPlainId(b.get("id").asText(), settings)) {
      throw http.malformed(reply, "the batch id is not a plain id, or repeats a credential; not followed");
    }
    // Printed in the progress line: a credential echoed into it is hidden.
    String state = settings.secrets().redact(b.get("status").asText());
    JsonNode counts = b.path("request_counts");
    return new Status(b.get("id").asText(), state, ENDED.contains(state),
        counts.path("completed").asInt() + counts.path("failed").asInt(), counts.path("total").asInt(),
        text(b.get("output_file_id")), text(b.get("error_file_id")));
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  @Override
  public Map<String, Outcome> outcomes(Status ended) throws InterruptedException {
    Map<String, Outcome> out = new LinkedHashMap<>();
    for (String file : new String[] {ended.errorsRef(), ended.resultsRef()}) {
      if (file == null) {
        continue;
      }
      JsonHttp.Reply content = http.get(settings.endpoint("files/" + file + "/content"),
          BatchApi.resultsCap(settings, ended));
      if (content.status() / 100 != 2) {
        http.json(content);
      }
      for (String line : content.text().split("\n")) {
        if (!line.isBlank()) {
          read(line, out);
        }
      }
    }
    return out;
  }

  /** One line of an output or error file: a 200 response's completion, else its error. */
  private void read(String line, Map<String, Outcome> out) {
    JsonNode l;
    try {
      l = JSON.readTree(line);
    } catch (IOException e) {
      return;
    }
    String id = text(l.get("custom_id"));
    if (id == null) {
      return;
    }
    JsonNode response = l.path("response");
    Completion c = response.path("status_code").asInt() == 200 ? OpenAiReply.completion(response.path("body")) : null;
    if (c != null) {
      out.put(id, new Outcome(c, null));
    } else {
      JsonNode error = l.path("error").isObject() ? l.get("error") : response.path("body").path("error");
      String message = error.path("message").asText("no answer in the batch");
      out.put(id, new Outcome(null, http.failure(dev.jmlebench.client.ApiFailure.Kind.HTTP,
          response.path("status_code").asInt(), null, "batch: " + message).getMessage()));
    }
  }
}
