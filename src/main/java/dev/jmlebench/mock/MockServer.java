package dev.jmlebench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.ResultFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on loopback that plays a model: it recognises the question
 * from the request text and answers it (see {@link MockAnswers}), with faults on demand (latency, 500s,
 * dropped connections, truncated bodies, 429 above a rate limit). It counts requests per question and
 * checks that image parts are exactly the question's images, in order, so tests can assert what was sent.
 */
public final class MockServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every endpoint is under {@code /v1/}, as OpenAI's and Anthropic's are: the base URL is {@link #baseUrl()}. */
  private static final String API_PREFIX = "/v1/";
  private static final String PATH_SUFFIX = "/chat/completions";
  private static final String MESSAGES_SUFFIX = "/messages";

  /** What a request got when the mock failed it on purpose. */
  enum Fault { SERVER_ERROR, DROPPED, TRUNCATED }

  private final HttpServer server;
  private final ExecutorService executor;
  private final MockOptions options;
  private final MockAnswers answers;
  private final MockRecognizer recognizer;
  private final Map<String, List<String>> expectedImages = new ConcurrentHashMap<>();
  private final Dataset dataset;
  private final TokenBucket bucket;
  private final Random random;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
  private final Set<String> sentImages = ConcurrentHashMap.newKeySet();
  private final AtomicInteger imageMismatches = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger faults = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();
  private final MockBatches batches = new MockBatches(this);
  private volatile boolean echoKey;

  private MockServer(HttpServer server, ExecutorService executor, Dataset dataset, Translation english,
      List<ResultFile> replays, MockOptions options, Function<Question, List<String>> gold) {
    this.server = server;
    this.executor = executor;
    this.dataset = dataset;
    this.options = options;
    this.answers = new MockAnswers(replays, options.vary(), gold, options.bias(), options.seed());
    this.bucket = options.rateLimit() > 0 ? new TokenBucket(options.rateLimit(), System::nanoTime) : null;
    this.random = new Random(options.seed());
    this.recognizer = new MockRecognizer(dataset, english);
  }

  static {
    // The JDK server writes headers and body apart; with Nagle's algorithm on, each reply then waits for
    // a delayed ACK (~40 ms), which would swamp every latency this server is meant to show.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Starts serving on 127.0.0.1; port 0 picks a free port (see {@link #port()}). */
  public static MockServer start(int port, Dataset dataset, ResultFile replay, MockOptions options) {
    return start(port, dataset, replay, options, Question::answer);
  }

  /**
   * Starts serving; without a replay, deterministic answers follow {@code gold} (an answer key's gold), so
   * a run graded under that key scores as the answer pattern intends.
   */
  public static MockServer start(int port, Dataset dataset, ResultFile replay, MockOptions options,
      Function<Question, List<String>> gold) {
    return startReplaying(port, dataset, replay == null ? List.of() : List.of(replay), options, gold);
  }

  /** Starts serving on 127.0.0.1 as every run of {@code replays}, told apart by model and extra body. */
  public static MockServer startReplaying(int port, Dataset dataset, List<ResultFile> replays,
      MockOptions options) {
    return startReplaying(port, dataset, replays, options, Question::answer);
  }

  /** As above, deterministic answers following {@code gold} when no replay answers. */
  public static MockServer startReplaying(int port, Dataset dataset, List<ResultFile> replays,
      MockOptions options, Function<Question, List<String>> gold) {
    return startReplaying(port, dataset, null, replays, options, gold);
  }

  /**
   * As above, recognising questions asked in English too ({@code run --language en}) when {@code english}, the
   * exam's translation, is given.
   */
  public static MockServer startReplaying(int port, Dataset dataset, Translation english, List<ResultFile> replays,
      MockOptions options, Function<Question, List<String>> gold) {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
      AtomicInteger n = new AtomicInteger();
      ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mock-server-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      MockServer mock = new MockServer(http, executor, dataset, english, List.copyOf(replays), options, gold);
      http.createContext("/", mock::handle);
      http.setExecutor(executor);
      http.start();
      return mock;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL to give {@code run --base-url}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port() + API_PREFIX.substring(0, API_PREFIX.length() - 1));
  }

  /** Requests that named this question, failed ones included. */
  public int requests(String questionId) {
    AtomicInteger c = requests.get(questionId);
    return c == null ? 0 : c.get();
  }

  /** Completions sent for this question. */
  public int answered(String questionId) {
    AtomicInteger c = answered.get(questionId);
    return c == null ? 0 : c.get();
  }

  /** Questions whose requests carried image parts (all of them checked against the dataset). */
  public Set<String> questionsSentWithImages() {
    return Set.copyOf(sentImages);
  }

  /** Requests whose image parts were not exactly the question's images in order (answered with 400). */
  public int imageMismatches() {
    return imageMismatches.get();
  }

  public int totalRequests() {
    return total.get();
  }

  public int rateLimitedRequests() {
    return rateLimited.get();
  }

  public int injectedFaults() {
    return faults.get();
  }

  /** Batches created (OpenAI and Anthropic). */
  public int batchesCreated() {
    return batches.created();
  }

  /** A batch finishes at its {@code polls}-th status request (1 by default). */
  public MockServer slowBatches(int polls) {
    batches.slow(polls);
    return this;
  }

  /** Every n-th request of a batch fails; 0 for none. */
  public MockServer failBatchItemsEvery(int n) {
    batches.failEvery(n);
    return this;
  }

  /** Batches expire with every second request unanswered. */
  public MockServer expireBatches(boolean on) {
    batches.expire(on);
    return this;
  }

  /**
   * Every answer — asked directly or in a batch — and every failed batch request's error message repeat the
   * API key the request came with, as a hostile or careless server might: the client must write and show
   * none of it.
   */
  public MockServer echoKey(boolean on) {
    echoKey = on;
    return this;
  }

  /**
   * The reply to a batch's creation is sent this long after the batch exists, as a slow provider's might: a
   * client killed meanwhile has paid for a batch it never heard of.
   */
  public MockServer delayBatchCreateReply(java.time.Duration d) {
    batches.delayCreateReply(d);
    return this;
  }

  /** Batch ids repeat the key the batch was submitted with ({@code batch_mock_KEY_1}). */
  public MockServer keyInBatchIds(boolean on) {
    batches.keyInIds(on);
    return this;
  }

  /** The opening of an answer that echoes the key ({@link #echoKey}); before the answer, not to change it. */
  static String echoOf(String key) {
    return "You asked with the key " + key + ".\n";
  }

  boolean echoesKey() {
    return echoKey;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The two wire protocols the mock speaks: their paths, and how a reply to a request looks. */
  enum Protocol { CHAT, MESSAGES }

  /** A reply to one model request: its HTTP status and body. */
  record Reply(int status, byte[] body) {}

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      total.incrementAndGet();
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (options.requiredKey() != null && !authorized(ex)) {
        // Like real providers, echo the rejected key: the client must keep it out of what it shows.
        String given = given(ex);
        send(ex, 401, error("Incorrect API key provided: " + given));
        return;
      }
      if (!path.startsWith(API_PREFIX)) {
        // A wrong base URL (no /v1, or /v2) is the mistake this demo server exists to catch: name the right one.
        send(ex, 404, error("no such endpoint: " + method + " " + path + "; this server's API is under "
            + baseUrl() + " (--base-url " + baseUrl() + ")"));
        return;
      }
      Protocol protocol = "POST".equals(method) && path.endsWith(PATH_SUFFIX) ? Protocol.CHAT
          : "POST".equals(method) && path.endsWith(MESSAGES_SUFFIX) ? Protocol.MESSAGES : null;
      if (protocol == null) {
        Reply batch = batches.handle(method, path, body, given(ex));
        if (batch == null) {
          send(ex, 404, error("no such endpoint: " + method + " " + path
              + " (POST .../chat/completions, POST .../messages, or a batch endpoint)"));
        } else {
          send(ex, batch.status(), batch.body());
        }
        return;
      }
      if (protocol == Protocol.MESSAGES && ex.getRequestHeaders().getFirst("anthropic-version") == null) {
        send(ex, 400, error("anthropic-version header is required"));
        return;
      }
      if (bucket != null) {
        long waitMs = bucket.tryTake();
        if (waitMs > 0) {
          rateLimited.incrementAndGet();
          ex.getResponseHeaders().set("Retry-After", String.valueOf((waitMs + 999) / 1000));
          ex.getResponseHeaders().set("retry-after-ms", String.valueOf(waitMs));
          send(ex, 429, error("rate limit of " + options.rateLimit() + " requests per second exceeded"));
          return;
        }
      }
      JsonNode request;
      try {
        request = JSON.readTree(body);
      } catch (IOException e) {
        send(ex, 400, error("request body is not JSON"));
        return;
      }
      sleep(options.latency().toMillis());
      Fault fault = nextFault();
      Reply r = answer(request, protocol, fault == null, given(ex));
      if (fault != null && r.status() == 200) {
        faults.incrementAndGet();
        fail(ex, fault, r.body());
        return;
      }
      send(ex, r.status(), r.body());
    }
  }

  private boolean authorized(HttpExchange ex) {
    return ("Bearer " + options.requiredKey()).equals(ex.getRequestHeaders().getFirst("Authorization"))
        || options.requiredKey().equals(ex.getRequestHeaders().getFirst("x-api-key"));
  }

  private static String given(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String xKey = ex.getRequestHeaders().getFirst("x-api-key");
    return auth != null ? auth.replaceFirst("^Bearer ", "") : xKey != null ? xKey : "(none)";
  }

  /**
   * The reply to one model request, counted per question; {@code taken} false peeks at the reply a fault
   * then spoils, without taking an answer. Also used for every request of a batch.
   */
  Reply answer(JsonNode request, Protocol protocol, boolean taken, String key) throws IOException {
    if (!answers.answers(request)) {
      return new Reply(404, error("no replayed run of model '" + request.path("model").asText()
          + "' with these request fields"));
    }
    String text = userText(request);
    MockRecognizer.Shown shown = recognizer.recognise(text);
    if (shown == null) {
      return new Reply(400, error("not a question of the dataset (the user text matches none)"));
    }
    Question q = shown.question();
    requests.computeIfAbsent(q.questionId(), k -> new AtomicInteger()).incrementAndGet();
    List<String> images = imageUrls(request);
    if (!images.isEmpty()) {
      sentImages.add(q.questionId());
      if (!images.equals(expectedImages(q))) {
        imageMismatches.incrementAndGet();
        return new Reply(400, error("image parts of " + q.questionId() + " are not its clinical images in order"));
      }
    }
    AtomicInteger sent = answered.computeIfAbsent(q.questionId(), k -> new AtomicInteger());
    // Counted as it is taken, so that concurrent asks of one question get different answers under --vary.
    int before = taken ? sent.getAndIncrement() : sent.get();
    String model = request.path("model").asText("mock");
    MockAnswers.Reply r = echoed(replyTo(shown, request, before, !images.isEmpty()), echoKey ? echoOf(key) : "");
    return new Reply(200, protocol == Protocol.CHAT ? completion(model, q, r, text.length())
        : message(model, q, r, text.length()));
  }

  private List<String> expectedImages(Question q) {
    return expectedImages.computeIfAbsent(q.questionId(), k -> q.clinicalImages().stream()
        .map(name -> Prompt.dataUrl(dataset.imagesDirectory().resolve(name))).toList());
  }

  private Fault nextFault() {
    synchronized (random) {
      if (options.failRate() <= 0 || random.nextDouble() >= options.failRate()) {
        return null;
      }
      return Fault.values()[random.nextInt(Fault.values().length)];
    }
  }

  private static void fail(HttpExchange ex, Fault fault, byte[] reply) throws IOException {
    switch (fault) {
      case SERVER_ERROR -> send(ex, 500, error("injected server error"));
      case DROPPED -> {
        // Promise a body, send none, close: the client sees the connection end mid-response.
        ex.sendResponseHeaders(200, reply.length);
        ex.getResponseBody().flush();
        throw new IOException("connection dropped on purpose");
      }
      case TRUNCATED -> {
        byte[] half = java.util.Arrays.copyOf(reply, reply.length / 2);
        send(ex, 200, half);
      }
    }
  }

  private static String userText(JsonNode request) {
    for (JsonNode m : request.path("messages")) {
      if ("user".equals(m.path("role").asText())) {
        JsonNode content = m.get("content");
        if (content != null && content.isTextual()) {
          return content.textValue();
        }
        for (JsonNode part : m.path("content")) {
          if ("text".equals(part.path("type").asText())) {
            return part.path("text").asText();
          }
        }
      }
    }
    return null;
  }

  private static List<String> imageUrls(JsonNode request) {
    List<String> urls = new ArrayList<>();
    for (JsonNode m : request.path("messages")) {
      for (JsonNode part : m.path("content")) {
        if ("image_url".equals(part.path("type").asText())) {
          urls.add(part.path("image_url").path("url").asText());
        } else if ("image".equals(part.path("type").asText())) {
          JsonNode source = part.path("source");
          urls.add("data:" + source.path("media_type").asText() + ";base64," + source.path("data").asText());
        }
      }
    }
    return urls;
  }

  /** What the mock charges per token when it reports a cost, as OpenRouter's {@code usage.cost} does. */
  public static final double COST_PER_PROMPT_TOKEN = 0.000_001;
  public static final double COST_PER_COMPLETION_TOKEN = 0.000_004;

  /** The k-th answer to the question, cut in half when the question is one the mock truncates. */
  private MockAnswers.Reply replyTo(MockRecognizer.Shown shown, JsonNode request, int answeredBefore,
      boolean imagesSent) {
    MockAnswers.Reply r = answers.reply(shown, request, answeredBefore, imagesSent);
    if (!truncates(shown.question(), answeredBefore)) {
      return r;
    }
    String cut = r.content().substring(0, r.content().length() / 2);
    return new MockAnswers.Reply(cut, null, true);
  }

  /** The reply with {@code echo} opening its content and its reasoning (when it has one). */
  private static MockAnswers.Reply echoed(MockAnswers.Reply r, String echo) {
    return echo.isEmpty() ? r : new MockAnswers.Reply(echo + r.content(),
        r.reasoning() == null ? null : echo + r.reasoning(), r.cut());
  }

  /** The first answers of a fixed share of the questions, chosen by the seed: a retry gets a whole one. */
  boolean truncates(Question q, int answeredBefore) {
    if (answeredBefore > 0 || options.truncateRate() <= 0) {
      return false;
    }
    // SplittableRandom mixes its seed well: java.util.Random's first draws of nearby seeds are alike.
    return new java.util.SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + q.questionId().hashCode()).nextDouble()
        < options.truncateRate();
  }

  /** @param promptChars the length of the question's text as sent, standing in for its prompt tokens */
  private byte[] completion(String model, Question q, MockAnswers.Reply r, int promptChars) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-mock-" + q.questionId());
    root.put("object", "chat.completion");
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", r.content());
    if (r.reasoning() != null) {
      message.put("reasoning", r.reasoning());
    }
    choice.put("finish_reason", r.cut() ? "length" : "stop");
    // Characters stand in for tokens: enough to show that usage is recorded and summed.
    int reasoning = r.reasoning() == null ? 0 : r.reasoning().length();
    int prompt = promptChars;
    int completion = r.content().length() + reasoning;
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
    if (options.reportCost()) {
      usage.put("cost", prompt * COST_PER_PROMPT_TOKEN + completion * COST_PER_COMPLETION_TOKEN);
    }
    return JSON.writeValueAsBytes(root);
  }

  /** The same answer as an Anthropic Messages reply: reasoning as a thinking block before the text. */
  private byte[] message(String model, Question q, MockAnswers.Reply r, int promptChars) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "msg_mock_" + q.questionId());
    root.put("type", "message");
    root.put("role", "assistant");
    root.put("model", model);
    var content = root.putArray("content");
    if (r.reasoning() != null) {
      content.addObject().put("type", "thinking").put("thinking", r.reasoning()).put("signature", "mock");
    }
    content.addObject().put("type", "text").put("text", r.content());
    root.put("stop_reason", r.cut() ? "max_tokens" : "end_turn");
    int reasoning = r.reasoning() == null ? 0 : r.reasoning().length();
    root.putObject("usage").put("input_tokens", promptChars)
        .put("output_tokens", r.content().length() + reasoning);
    return JSON.writeValueAsBytes(root);
  }

  private static byte[] error(String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
