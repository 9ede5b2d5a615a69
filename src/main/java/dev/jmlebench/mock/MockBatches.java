package dev.jmlebench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch endpoints of the mock: OpenAI's Batch API ({@code POST /files} with a JSONL of requests,
 * {@code POST /batches}, {@code GET /batches/ID}, {@code GET /files/ID/content}) and Anthropic's Message
 * Batches ({@code POST /messages/batches}, {@code GET /messages/batches/ID}, {@code GET .../results}).
 * Every request of a batch is answered as the mock answers it directly; the batch reveals its results only
 * after {@link #slow} status polls, can fail every n-th request ({@link #failEvery}) and can expire with half
 * of its requests done ({@link #expire}); under {@link MockServer#echoKey} its answers and error messages
 * repeat the key the batch was submitted with.
 */
final class MockBatches {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE_CONTENT = Pattern.compile(".*/files/([^/]+)/content");
  private static final Pattern OPENAI_BATCH = Pattern.compile(".*/batches/([^/]+)");
  private static final Pattern ANTHROPIC_BATCH = Pattern.compile(".*/messages/batches/([^/]+)");
  private static final Pattern ANTHROPIC_RESULTS = Pattern.compile(".*/messages/batches/([^/]+)/results");

  private final MockServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Batch> batches = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private volatile int pollsUntilDone = 1;
  private volatile int failEvery;
  private volatile boolean expire;
  private volatile boolean keyInIds;
  private volatile java.time.Duration createReplyDelay = java.time.Duration.ZERO;

  MockBatches(MockServer server) {
    this.server = server;
  }

  /** A batch is done only at its {@code polls}-th status request. */
  void slow(int polls) {
    pollsUntilDone = polls;
  }

  /** Every n-th request of a batch fails (0: none). */
  void failEvery(int n) {
    failEvery = n;
  }

  /** Batches expire with only their first half answered. */
  void expire(boolean on) {
    expire = on;
  }

  /** Batch ids repeat the key the batch was submitted with, as a hostile server's might. */
  void keyInIds(boolean on) {
    keyInIds = on;
  }

  int created() {
    return created.get();
  }

  /** The reply to a batch's creation comes this long after the batch exists (a client killed meanwhile). */
  void delayCreateReply(java.time.Duration d) {
    createReplyDelay = d;
  }

  private void sleepAfterCreate() {
    try {
      Thread.sleep(createReplyDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request's outcome in a batch: an answer (HTTP 200 body), a failure message, or expired. */
  private record Item(String customId, JsonNode body, String failure, boolean expired) {}

  private static final class Batch {
    final String id;
    final boolean anthropic;
    final List<Item> items;
    final AtomicInteger polls = new AtomicInteger();
    final java.time.Instant createdAt = java.time.Instant.now();
    final JsonNode metadata;
    final String inputFile;
    String outputFile;
    String errorFile;

    Batch(String id, boolean anthropic, List<Item> items, JsonNode metadata, String inputFile) {
      this.id = id;
      this.anthropic = anthropic;
      this.items = items;
      this.metadata = metadata;
      this.inputFile = inputFile;
    }
  }

  /** The reply to a batch request, or null when the path is not a batch endpoint. */
  MockServer.Reply handle(String method, String path, byte[] body, String key) throws IOException {
    Matcher m;
    if ("POST".equals(method) && path.endsWith("/messages/batches")) {
      return anthropicCreate(JSON.readTree(body), key);
    }
    if ("GET".equals(method) && path.endsWith("/messages/batches")) {
      return list(true);
    }
    if ("GET".equals(method) && (m = ANTHROPIC_RESULTS.matcher(path)).matches()) {
      return anthropicResults(m.group(1));
    }
    if ("GET".equals(method) && (m = ANTHROPIC_BATCH.matcher(path)).matches()) {
      return status(m.group(1), true);
    }
    if ("POST".equals(method) && path.endsWith("/files")) {
      return upload(body);
    }
    if ("GET".equals(method) && (m = FILE_CONTENT.matcher(path)).matches()) {
      byte[] content = files.get(m.group(1));
      return content == null ? notFound("file " + m.group(1)) : new MockServer.Reply(200, content);
    }
    if ("POST".equals(method) && path.endsWith("/batches")) {
      return openAiCreate(JSON.readTree(body), key);
    }
    if ("GET".equals(method) && path.endsWith("/batches")) {
      return list(false);
    }
    if ("GET".equals(method) && (m = OPENAI_BATCH.matcher(path)).matches()) {
      return status(m.group(1), false);
    }
    return null;
  }

  /** {@code multipart/form-data} with a {@code purpose} and a {@code file} part: the file's bytes are kept. */
  private MockServer.Reply upload(byte[] body) throws IOException {
    String text = new String(body, StandardCharsets.UTF_8);
    int name = text.indexOf("name=\"file\"");
    if (name < 0 || !text.contains("name=\"purpose\"")) {
      return new MockServer.Reply(400, error("expected multipart form data with 'purpose' and 'file'"));
    }
    String boundary = text.substring(0, text.indexOf("\r\n"));
    int start = text.indexOf("\r\n\r\n", name) + 4;
    int end = text.indexOf("\r\n" + boundary, start);
    String id = "file-mock-" + ids.incrementAndGet();
    files.put(id, text.substring(start, end).getBytes(StandardCharsets.UTF_8));
    ObjectNode o = JSON.createObjectNode().put("id", id).put("object", "file").put("purpose", "batch")
        .put("bytes", end - start);
    return ok(o);
  }

  private MockServer.Reply openAiCreate(JsonNode request, String key) throws IOException {
    byte[] input = files.get(request.path("input_file_id").asText());
    if (input == null) {
      return notFound("file " + request.path("input_file_id").asText());
    }
    if (!"24h".equals(request.path("completion_window").asText())
        || !"/v1/chat/completions".equals(request.path("endpoint").asText())) {
      return new MockServer.Reply(400, error("expected endpoint /v1/chat/completions and completion_window 24h"));
    }
    List<Item> items = new ArrayList<>();
    for (String line : new String(input, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode l = JSON.readTree(line);
        items.add(item(items.size(), l.path("custom_id").asText(), l.path("body"), MockServer.Protocol.CHAT, key));
      }
    }
    Batch b = register(new Batch(batchId("batch_mock_", key), false, items, request.get("metadata"),
        request.path("input_file_id").asText()));
    sleepAfterCreate();
    return ok(openAiBatch(b, false));
  }

  private MockServer.Reply anthropicCreate(JsonNode request, String key) throws IOException {
    List<Item> items = new ArrayList<>();
    for (JsonNode r : request.path("requests")) {
      items.add(item(items.size(), r.path("custom_id").asText(), r.path("params"), MockServer.Protocol.MESSAGES,
          key));
    }
    Batch b = register(new Batch(batchId("msgbatch_mock_", key), true, items, null, null));
    sleepAfterCreate();
    return ok(anthropicBatch(b, false));
  }

  private String batchId(String prefix, String key) {
    return prefix + (keyInIds ? key + "_" : "") + ids.incrementAndGet();
  }

  private Batch register(Batch b) {
    batches.put(b.id, b);
    created.incrementAndGet();
    return b;
  }

  /** Answers request {@code index} now (as the mock answers it directly), or fails or expires it. */
  private Item item(int index, String customId, JsonNode params, MockServer.Protocol protocol, String key)
      throws IOException {
    if (expire && index >= 0 && index % 2 == 1) {
      return new Item(customId, null, null, true);
    }
    if (failEvery > 0 && (index + 1) % failEvery == 0) {
      return new Item(customId, null, "injected batch item failure"
          + (server.echoesKey() ? " of the request sent with the key " + key : ""), false);
    }
    MockServer.Reply r = server.answer(params, protocol, true, key);
    return r.status() == 200 ? new Item(customId, JSON.readTree(r.body()), null, false)
        : new Item(customId, null, new String(r.body(), StandardCharsets.UTF_8), false);
  }

  /** Every batch of one API, newest first, on one page (the mock holds few). */
  private MockServer.Reply list(boolean anthropic) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode data = o.putArray("data");
    batches.values().stream().filter(b -> b.anthropic == anthropic)
        .sorted((x, y) -> y.createdAt.compareTo(x.createdAt))
        .forEach(b -> data.add(anthropic ? anthropicBatch(b, b.polls.get() >= pollsUntilDone)
            : openAiBatchQuietly(b)));
    o.put("has_more", false);
    if (!anthropic) {
      o.put("object", "list");
    }
    return ok(o);
  }

  private ObjectNode openAiBatchQuietly(Batch b) {
    try {
      return openAiBatch(b, b.polls.get() >= pollsUntilDone);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private MockServer.Reply status(String id, boolean anthropic) throws IOException {
    Batch b = batches.get(id);
    if (b == null || b.anthropic != anthropic) {
      return notFound("batch " + id);
    }
    boolean done = b.polls.incrementAndGet() >= pollsUntilDone;
    return ok(anthropic ? anthropicBatch(b, done) : openAiBatch(b, done));
  }

  private ObjectNode openAiBatch(Batch b, boolean done) throws IOException {
    ObjectNode o = JSON.createObjectNode().put("id", b.id).put("object", "batch")
        .put("endpoint", "/v1/chat/completions").put("completion_window", "24h").put("input_file_id", b.inputFile)
        .put("created_at", b.createdAt.getEpochSecond());
    o.set("metadata", b.metadata == null ? null : b.metadata.deepCopy());
    boolean expired = b.items.stream().anyMatch(Item::expired);
    o.put("status", !done ? "in_progress" : expired ? "expired" : "completed");
    int completed = (int) b.items.stream().filter(i -> i.body() != null).count();
    ObjectNode counts = o.putObject("request_counts").put("total", b.items.size());
    counts.put("completed", done ? completed : 0).put("failed", done ? b.items.size() - completed : 0);
    if (done && b.outputFile == null) {
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      for (Item i : b.items) {
        ObjectNode line = JSON.createObjectNode().put("id", "batch_req_" + i.customId()).put("custom_id", i.customId());
        if (i.body() != null) {
          line.putObject("response").put("status_code", 200).put("request_id", "req_" + i.customId())
              .set("body", i.body());
          line.putNull("error");
          out.append(line).append('\n');
        } else {
          line.putNull("response");
          line.putObject("error").put("code", i.expired() ? "batch_expired" : "server_error")
              .put("message", i.expired() ? "This request could not be executed before the completion window expired."
                  : i.failure());
          err.append(line).append('\n');
        }
      }
      b.outputFile = file(out.toString());
      b.errorFile = err.isEmpty() ? null : file(err.toString());
    }
    if (done) {
      o.put("output_file_id", b.outputFile);
      o.put("error_file_id", b.errorFile);
    } else {
      o.putNull("output_file_id");
      o.putNull("error_file_id");
    }
    return o;
  }

  private String file(String content) {
    String id = "file-mock-" + ids.incrementAndGet();
    files.put(id, content.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  private ObjectNode anthropicBatch(Batch b, boolean done) {
    ObjectNode o = JSON.createObjectNode().put("id", b.id).put("type", "message_batch")
        .put("processing_status", done ? "ended" : "in_progress").put("created_at", b.createdAt.toString());
    ObjectNode counts = o.putObject("request_counts");
    counts.put("processing", done ? 0 : b.items.size());
    counts.put("succeeded", done ? b.items.stream().filter(i -> i.body() != null).count() : 0);
    counts.put("errored", done ? b.items.stream().filter(i -> i.failure() != null).count() : 0);
    counts.put("canceled", 0);
    counts.put("expired", done ? b.items.stream().filter(Item::expired).count() : 0);
    if (done) {
      o.put("results_url", "/v1/messages/batches/" + b.id + "/results");
    } else {
      o.putNull("results_url");
    }
    return o;
  }

  private MockServer.Reply anthropicResults(String id) {
    Batch b = batches.get(id);
    if (b == null || !b.anthropic || b.polls.get() < pollsUntilDone) {
      return notFound("results of batch " + id);
    }
    StringBuilder out = new StringBuilder();
    for (Item i : b.items) {
      ObjectNode line = JSON.createObjectNode().put("custom_id", i.customId());
      ObjectNode result = line.putObject("result");
      if (i.body() != null) {
        result.put("type", "succeeded").set("message", i.body());
      } else if (i.expired()) {
        result.put("type", "expired");
      } else {
        result.put("type", "errored").putObject("error").put("type", "error").putObject("error")
            .put("type", "api_error").put("message", i.failure());
      }
      out.append(line).append('\n');
    }
    return new MockServer.Reply(200, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static MockServer.Reply ok(JsonNode o) throws IOException {
    return new MockServer.Reply(200, JSON.writeValueAsBytes(o));
  }

  private static MockServer.Reply notFound(String what) {
    return new MockServer.Reply(404, error("no such " + what));
  }

  private static byte[] error(String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
