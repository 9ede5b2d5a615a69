package dev.jmlebench.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.Completion;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserCache;
import dev.jmlebench.results.ResultSchema.Result;
import dev.jmlebench.results.ResultSchema.Usage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Replies already paid for, on disk: one JSON file per request under {@code DIR/ab/abcd….json}, named by the
 * SHA-256 of the exact request — endpoint URL, body bytes and sample number (so the N asks of a question
 * under {@code --repeats} stay N independent answers). The API key is sent in a header, never in the body,
 * so it is neither in a name nor in a file. Files are written atomically; a damaged entry is a miss. A stored
 * reply names its fields as a result file does ({@link dev.jmlebench.results.ResultSchema}).
 */
public final class ResponseCache {
  static final String FORMAT = "jmle-bench-response";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private ResponseCache(Path dir) {
    this.dir = dir;
  }

  public static ResponseCache at(Path dir) {
    return new ResponseCache(dir);
  }

  public Path directory() {
    return dir;
  }

  /** {@code $XDG_CACHE_HOME/jmle-bench/responses}, else {@code $HOME/.cache/jmle-bench/responses}. */
  public static Path defaultDirectory() {
    return UserCache.root().resolve("responses");
  }

  /** The hex SHA-256 of the request: endpoint, a newline, the body bytes, a newline, the sample number. */
  public static String key(URI endpoint, ObjectNode body, int sample) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((endpoint.toString() + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(JSON.writeValueAsBytes(body));
      sha.update(("\n" + sample).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("SHA-256 and JSON trees are always available", e);
    }
  }

  Path fileOf(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  /** The stored reply, or empty when there is none (or it cannot be read). */
  public Optional<Completion> get(String key) {
    try {
      JsonNode root = JSON.readTree(Files.readAllBytes(fileOf(key)));
      if (!FORMAT.equals(root.path("format").asText()) || !root.path("completion").isObject()) {
        return Optional.empty();
      }
      return Optional.of(completion(root.get("completion")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stores a successful reply under its request's key, replacing an older one. */
  public void put(String key, Completion c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ObjectNode o = root.putObject("completion");
    o.put("content", c.content());
    if (c.reasoning() != null) {
      o.put(Result.REASONING, c.reasoning());
    }
    if (c.finishReason() != null) {
      o.put(Result.FINISH_REASON, c.finishReason());
    }
    ObjectNode u = o.putObject(Result.USAGE);
    putIfKnown(u, Usage.PROMPT_TOKENS, c.usage().promptTokens());
    putIfKnown(u, Usage.COMPLETION_TOKENS, c.usage().completionTokens());
    putIfKnown(u, Usage.REASONING_TOKENS, c.usage().reasoningTokens());
    if (c.usage().cost() != null) {
      u.put(Usage.COST, c.usage().cost());
    }
    try {
      AtomicFiles.write(fileOf(key), JSON.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static void putIfKnown(ObjectNode o, String field, Integer value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static Completion completion(JsonNode o) {
    JsonNode u = o.path(Result.USAGE);
    return new Completion(text(o, "content"), text(o, Result.REASONING),
        new dev.jmlebench.client.Usage(integer(u, Usage.PROMPT_TOKENS), integer(u, Usage.COMPLETION_TOKENS),
            integer(u, Usage.REASONING_TOKENS), u.path(Usage.COST).isNumber() ? u.get(Usage.COST).doubleValue() : null),
        text(o, Result.FINISH_REASON));
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  private static Integer integer(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n != null && n.canConvertToInt() && n.isIntegralNumber() ? n.intValue() : null;
  }
}
