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
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Message Batches: {@code POST /messages/batches} with every request's {@code custom_id} and
 * {@code params} (the Messages body), polled until {@code processing_status} is {@code ended}, then its
 * {@code results_url} read as JSONL (succeeded, errored, canceled or expired per request).
 */
public final class AnthropicBatches implements BatchApi {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  public Status submit(List<Request> requests) throws InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("requests");
    for (Request r : requests) {
      list.addObject().put("custom_id", r.customId()).set("params", r.body());
    }
    return status(http.postJson(settings.endpoint("messages/batches"), JsonHttp.bytes(body), Map.of()));
  }

  @Override
  public Status status(String batchId) throws InterruptedException {
    return status(http.get(settings.endpoint("messages/batches/" + batchId)));
  }

  private Status status(JsonHttp.Reply reply) {
    JsonNode b = http.json(reply);
    if (!b.path("id").isTextual() || !b.path("processing_status").isTextual()) {
      throw http.malformed(reply, "the batch has no id or processing_status");
    }
    if (!BatchApi.isPlainId(b.get("id").asText(), settings)) {
      throw http.malformed(reply, "the batch id is not a plain id, or repeats a credential; not followed");
    }
    JsonNode c = b.path("request_counts");
    int finished = c.path("succeeded").asInt() + c.path("errored").asInt() + c.path("canceled").asInt()
        + c.path("expired").asInt();
    // Printed in the progress line: a credential echoed into it is hidden.
    String state = settings.secrets().redact(b.get("processing_status").asText());
    return new Status(b.get("id").asText(), state, state.equals("ended"), finished,
        finished + c.path("processing").asInt(), b.path("results_url").isTextual() ? b.get("results_url").asText() : null,
        null);
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort() && a.getRawUserInfo() == null;
  }

  @Override
  public Map<String, Outcome> outcomes(Status ended) throws InterruptedException {
    Map<String, Outcome> out = new LinkedHashMap<>();
    if (ended.resultsRef() == null) {
      return out;
    }
    // The results URL is absolute at Anthropic; a path is taken on the base URL's host.
    URI url = settings.baseUrl().resolve(ended.resultsRef());
    if (!sameServer(url, settings.baseUrl())) {
      // The request carries the key: it goes to the server it was given for, never where a reply points.
      throw http.failure(ApiFailure.Kind.MALFORMED, 0, null, "batch " + ended.id()
          + ": the results are on another server than " + Secrets.publicUrl(settings.baseUrl()) + "; not fetched");
    }
    JsonHttp.Reply reply = http.get(url, BatchApi.resultsCap(settings, ended));
    if (reply.status() / 100 != 2) {
      http.json(reply);
    }
    for (String line : reply.text().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode l;
      try {
        l = JSON.readTree(line);
      } catch (IOException e) {
        continue;
      }
      String id = l.path("custom_id").asText(null);
      if (id == null) {
        continue;
      }
      JsonNode result = l.path("result");
      String type = result.path("type").asText();
      Completion c = type.equals("succeeded") ? AnthropicClient.completion(result.path("message")) : null;
      if (c != null) {
        out.put(id, new Outcome(c, null));
      } else {
        String why = type.equals("errored") ? result.path("error").path("error").path("message").asText("errored")
            : type.isEmpty() ? "no result" : type;
        out.put(id, new Outcome(null, http.failure(ApiFailure.Kind.HTTP, 0, null, "batch: " + why).getMessage()));
      }
    }
    return out;
  }
}
