package dev.jmlebench.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.batch.BatchApi;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.TerminalText;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The batch a run is submitting or has submitted, on disk beside the result file ({@code x.batch.json}). It is
 * written twice: with the run's intent (its own tag for the batch, the uploaded input file) <em>before</em>
 * the provider is asked to create the batch, then with the batch's id the moment the provider has accepted
 * it. A run killed at any instant therefore never pays for a second batch: with an id it reattaches, with only
 * an intent it first looks for the batch the intent made. Removed once every answer of the batch is
 * journaled. Read as hostile input: every field is checked before it is used (one line naming the file and
 * the field).
 *
 * @param api the API that holds the batch ({@code openai} or {@code anthropic})
 * @param batchId the provider's id of the batch, or null while only the intent is recorded
 * @param submittedAt when the intent was recorded
 * @param customIds the requests in it
 * @param tag the run's own id of the batch (null in a journal written before intents were recorded)
 * @param inputFileId the uploaded requests (OpenAI), or null
 */
public record BatchJournal(String api, String batchId, String submittedAt, List<String> customIds, String tag,
    String inputFileId) {
  static final String FORMAT = "jmle-bench-batch";
  /** 2: the intent (tag, input file) is recorded before the batch is created; 1 recorded the id only. */
  static final int VERSION = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> APIS = Set.of("openai", "anthropic");
  /** What a custom id and a tag may be: Anthropic's rule for a custom_id. */
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public BatchJournal {
    customIds = List.copyOf(customIds);
  }

  /** The intent of a batch about to be created. */
  static BatchJournal intent(String api, BatchApi.Intent intent, List<String> customIds) {
    return new BatchJournal(api, null, intent.at().toString(), customIds, intent.tag(), intent.inputFileId());
  }

  BatchJournal withBatchId(String id) {
    return new BatchJournal(api, id, submittedAt, customIds, tag, inputFileId);
  }

  /** The intent as the API takes it to look for the batch it made. */
  BatchApi.Intent asIntent() {
    return new BatchApi.Intent(tag, inputFileId, customIds.size(), Instant.parse(submittedAt));
  }

  /** {@code results/x.json} → {@code results/x.batch.json}. */
  public static Path pathFor(Path out) {
    return RunFiles.of(out).batchJournal();
  }

  /** The journaled batch, or null when there is none; a journal that is not one of ours is one line. */
  static BatchJournal read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root = JsonFiles.parse(JsonFiles.readBytes(file, "no such file"), file, "");
    if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new UserError(file + ": not a jmle-bench batch journal (its format is not " + FORMAT + ")");
    }
    String api = text(root, "api", file);
    if (!APIS.contains(api)) {
      throw fault(file, "api", "is not openai or anthropic", root.get("api"));
    }
    String batchId = optional(root, "batch_id", file);
    if (batchId != null && !BatchApi.isPlainId(batchId)) {
      throw fault(file, "batch_id", "is not a batch id (letters, digits, _-.)", root.get("batch_id"));
    }
    String tag = optional(root, "intent", file);
    if (tag != null && !REQUEST_ID.matcher(tag).matches()) {
      throw fault(file, "intent", "is not an intent id (letters, digits, _-)", root.get("intent"));
    }
    if (batchId == null && tag == null) {
      throw new UserError(file + ": neither batch_id nor intent: nothing to reattach to");
    }
    String inputFile = optional(root, "input_file_id", file);
    if (inputFile != null && !BatchApi.isPlainId(inputFile)) {
      throw fault(file, "input_file_id", "is not a file id (letters, digits, _-.)", root.get("input_file_id"));
    }
    String submitted = text(root, "submitted_at", file);
    try {
      Instant.parse(submitted);
    } catch (DateTimeParseException e) {
      throw fault(file, "submitted_at", "is not a time such as 2026-03-01T12:00:00Z", root.get("submitted_at"));
    }
    JsonNode ids = root.get("custom_ids");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw fault(file, "custom_ids", "should be a list of the batch's request ids", ids);
    }
    List<String> customIds = new ArrayList<>();
    for (JsonNode n : ids) {
      if (!n.isTextual() || !REQUEST_ID.matcher(n.textValue()).matches()) {
        throw fault(file, "custom_ids", "holds something that is not a request id", n);
      }
      customIds.add(n.textValue());
    }
    return new BatchJournal(api, batchId, submitted, customIds, tag, inputFile);
  }

  private static String text(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw fault(file, field, "is missing or not text", n);
    }
    return n.textValue();
  }

  private static String optional(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : text(root, field, file);
  }

  /** One line naming the file and the field; the value is shown cut short and escaped. */
  private static UserError fault(Path file, String field, String what, JsonNode value) {
    String shown = value == null ? "absent" : value.toString();
    shown = shown.length() <= 40 ? shown : shown.substring(0, 40) + "…";
    return new UserError(file + ": field '" + field + "' " + what + ": " + TerminalText.oneLine(shown)
        + " — remove the file to forget the batch (its answers then are asked again)");
  }

  void write(Path file) {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION).put("api", api)
        .put("batch_id", batchId).put("intent", tag).put("input_file_id", inputFileId)
        .put("submitted_at", submittedAt);
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
