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
 * so it is neither in a name nor in a file. Files are written atomically; a damaged entry is a miss, and so is
 * an entry that does not record the very request it is looked up for (a file copied or swapped under another
 * name answers nothing). A stored reply names its fields as a result file does
 * ({@link dev.jmlebench.results.ResultSchema}). The folder is the cache's own ({@link CacheLayout}).
 */
public final class ResponseCache {
  static final String FORMAT = "jmle-bench-response";
  /** 2: each entry records the SHA-256 of its request ({@link #REQUEST}); an entry of version 1 is a miss. */
  static final int VERSION = 2;
  static final String REQUEST = "request_sha256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private ResponseCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The cache in {@code dir}, checked before anything is asked: made and marked as a cache when new or empty,
   * refused when it holds anything else or cannot be written ({@code option} names it in the one line).
   */
  public static ResponseCache open(Path dir, String option) {
    CacheLayout.claim(dir, option);
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
    return CacheLayout.fileOf(dir, key);
  }

  /**
   * The stored reply, or empty when there is none, it cannot be read, or it was stored for another request.
   */
  public Optional<Completion> get(String key) {
    try {
      JsonNode root = JSON.readTree(Files.readAllBytes(fileOf(key)));
      if (root == null || !FORMAT.equals(root.path("format").asText()) || !key.equals(root.path(REQUEST).asText())
          || !root.path("completion").isObject()) {
        return Optional.empty();
      }
      return Optional.of(completion(root.get("completion")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Stores a successful reply under its request's key, replacing an older one.
   *
   * @throws java.io.UncheckedIOException when it cannot be written (the caller's answer is not lost by it)
   */
  public void put(String key, Completion c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put(REQUEST, key);
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
