package dev.jmlebench.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ApiFailure;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.JsonHttp;
import dev.jmlebench.client.Secrets;
import dev.jmlebench.client.anthropic.AnthropicClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anthropic's Message Batches: {@code POST /messages/batches} with every request's {@code custom_id} and
 * {@code params} (the Messages body), polled until {@code processing_status} is {@code ended}, then its
 * {@code results_url} read as JSONL (succeeded, errored, canceled or expired per request). The API keeps no
 * metadata of the client's: a batch an interrupted run created is found again in {@code GET /messages/batches}
 * as the one created since the run's intent with as many requests.
 */
public final class AnthropicBatches implements BatchApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A batch created this long before the intent was recorded still counts (clocks differ). */
  private static final Duration CLOCK_MARGIN = Duration.ofMinutes(10);
  private static final int MAX_LIST_PAGES = 20;

  private final ClientSettings settings;
  private final JsonHttp http;

  public AnthropicBatches(ClientSettings settings) {
    this.settings = settings;
    this.http = new JsonHttp(settings, AnthropicClient.headers(settings));
  }

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public Intent prepare(List<Request> requests, String tag) {
    return new Intent(tag, null, requests.size(), Instant.now());
  }

  @Override
  public Status create(Intent intent, List<Request> requests) throws InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("requests");
    for (Request r : requests) {
      list.addObject().put("custom_id", r.customId()).set("params", r.body());
    }
    JsonHttp.Reply reply = http.postJson(settings.endpoint("messages/batches"), JsonHttp.bytes(body), Map.of());
    return status(reply, http.json(reply));
  }

  @Override
  public Optional<Status> find(Intent intent) throws InterruptedException {
    Instant since = intent.at().minus(CLOCK_MARGIN);
    List<Status> candidates = new ArrayList<>();
    String after = null;
    for (int page = 0; page < MAX_LIST_PAGES; page++) {
      JsonHttp.Reply reply = http.get(BatchUris.withQuery(settings.endpoint("messages/batches"),
          "limit=100" + (after == null ? "" : "&after_id=" + after)));
      JsonNode list = http.json(reply);
      boolean older = false;
      JsonNode last = null;
      for (JsonNode b : list.path("data")) {
        last = b;
        Instant created = instant(b.path("created_at").asText(""));
        if (created == null || created.isBefore(since)) {
          older = created != null;
          continue;
        }
        Status s;
        try {
          s = status(reply, b);
        } catch (ApiFailure malformed) {
          continue; // a batch whose id this tool would not follow is none of its own
        }
        if (s.total() == intent.requests()) {
          candidates.add(s);
        }
      }
      if (last == null || older || !list.path("has_more").asBoolean(false)) {
        break;
      }
      after = last.path("id").asText(null);
      if (!BatchApi.isPlainId(after, settings)) {
        break;
      }
    }
    if (candidates.size() > 1) {
      throw new AmbiguousBatch(candidates.size() + " batches of " + intent.requests() + " requests were created "
          + "since " + intent.at() + " (" + String.join(", ", candidates.stream().map(Status::id).toList())
          + "); which one the interrupted run submitted cannot be told");
    }
    return candidates.stream().findFirst();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public Status status(String batchId) throws InterruptedException {
    JsonHttp.Reply reply = http.get(settings.endpoint("messages/batches/" + BatchUris.plain(batchId, "batch id")));
    return status(reply, http.json(reply));
  }

  private Status status(JsonHttp.Reply reply, JsonNode b) {
    if (!b.path("id").isTextual() || !b.path("processing_status").isTextual()) {
      throw http.malformed(reply, "the batch has no id or processing_status");
    }
    if (!BatchApi.isPlainId(b.get("id").asText(), settings)) {
      throw http.malformed(reply, "the batch id is not a plain id, or repeats a credential; not followed");
    }
    JsonNode c = b.path("request_counts");
    int finished = c.path("succeeded").asInt() + c.path("errored").asInt() + c.path("canceled").asInt()
        + c.path("expired").asInt();
    String state = b.get("processing_status").asText();
    return new Status(b.get("id").asText(), BatchApi.printable(state, settings), state.equals("ended"), finished,
        finished + c.path("processing").asInt(), b.path("results_url").isTextual() ? b.get("results_url").asText()
            : null, null);
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort() && a.getRawUserInfo() == null;
  }

  @Override
  public Reading outcomes(Status ended, OutcomeSink sink) throws InterruptedException {
    if (ended.resultsRef() == null) {
      return new Reading(0);
    }
    URI url;
    try {
      // The results URL is absolute at Anthropic; a path is taken on the base URL's host.
      url = settings.baseUrl().resolve(new URI(ended.resultsRef()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not quoted: it may hold what it should not (the key); it is not a URL in any case.
      throw new Refused("batch " + ended.id() + ": its results_url is not a URL; not fetched");
    }
    if (!sameServer(url, settings.baseUrl())) {
      // The request carries the key: it goes to the server it was given for, never where a reply points.
      throw new Refused("batch " + ended.id() + ": the results are on another server than "
          + Secrets.publicUrl(settings.baseUrl()) + "; not fetched");
    }
    if (!settings.secrets().redact(url.toString()).equals(url.toString())) {
      throw new Refused("batch " + ended.id() + ": its results_url repeats a credential; not fetched");
    }
    int unusable = BatchResults.read(http, settings, url, BatchApi.resultsCap(settings, ended), (id, l) -> {
      JsonNode result = l.path("result");
      String type = result.path("type").asText();
      Completion c = type.equals("succeeded") ? AnthropicClient.completion(result.path("message")) : null;
      if (c != null) {
        sink.outcome(id, new Outcome(c, null));
      } else {
        String why = type.equals("errored") ? result.path("error").path("error").path("message").asText("errored")
            : type.isEmpty() ? "no result" : type;
        sink.outcome(id, new Outcome(null, http.failure(ApiFailure.Kind.HTTP, 0, null, "batch: " + why)
            .getMessage()));
      }
      return true;
    });
    return new Reading(unusable);
  }
}
