package dev.jmlebench.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch a run has submitted, on disk beside the result file ({@code x.batch.json}), written the moment
 * the provider has accepted it: a run killed while the batch is being answered reattaches to it instead of
 * paying for a second one. Removed once every answer of the batch is journaled.
 *
 * @param api the API that holds the batch ({@code openai} or {@code anthropic})
 * @param customIds the requests in it
 */
public record BatchJournal(String api, String batchId, String submittedAt, List<String> customIds) {
  static final String FORMAT = "jmle-bench-batch";
  private static final ObjectMapper JSON = new ObjectMapper();

  public BatchJournal {
    customIds = List.copyOf(customIds);
  }

  /** {@code results/x.json} → {@code results/x.batch.json}. */
  public static Path pathFor(Path out) {
    return RunFiles.of(out).batchJournal();
  }

  /** The journaled batch, or null when there is none. */
  static BatchJournal read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root = JsonFiles.parse(JsonFiles.readBytes(file, "no such file"), file, "");
    if (!FORMAT.equals(root.path("format").asText()) || !root.path("batch_id").isTextual()
        || !root.path("custom_ids").isArray()) {
      throw new UserError(file + ": not a jmle-bench batch journal (format, batch_id, custom_ids)");
    }
    List<String> ids = new ArrayList<>();
    root.get("custom_ids").forEach(n -> ids.add(n.asText()));
    return new BatchJournal(root.path("api").asText(), root.get("batch_id").asText(),
        root.path("submitted_at").asText(null), ids);
  }

  void write(Path file) {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", 1).put("api", api)
        .put("batch_id", batchId).put("submitted_at", submittedAt);
    ArrayNode ids = root.putArray("custom_ids");
    customIds.forEach(ids::add);
    try {
      AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the batch journal " + file + ": " + e.getMessage(), e);
    }
  }
}
