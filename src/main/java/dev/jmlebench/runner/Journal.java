package dev.jmlebench.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash-safe record of a run in progress: JSON lines beside the result file, one per finished
 * question (per finished sample with {@code --repeats}: the line then says which, {@code "sample": k}, left
 * out for sample 0), each written and forced to disk before the next. The first line names the model, so a journal
 * is never mixed into another model's run. A crash can tear only the last line; reading ignores it, and
 * reopening cuts it off before appending.
 */
final class Journal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String HEADER_FIELD = ResultSchema.Journal.HEADER;
  static final String SUFFIX = ResultSchema.Journal.SUFFIX;
  static final String SAMPLE_FIELD = ResultSchema.Journal.SAMPLE;
  static final String WALL_FIELD = ResultSchema.Journal.WALL_MS;

  private final Path path;
  private final FileChannel channel;
  private final Object syncLock = new Object();
  /** Lines written, and lines known to be on disk; guarded by {@code this} and {@code syncLock}. */
  private long written;
  private long synced;

  private Journal(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** {@code results/x.json} → {@code results/x.journal.jsonl}. */
  static Path pathFor(Path out) {
    String name = out.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    return out.resolveSibling(stem + SUFFIX);
  }

  /** What an earlier, interrupted run recorded: its model (null when the journal is empty) and answers. */
  /**
   * @param header the first line: model, and the data the run was made with
   * @param wallMs the run's wall time up to its last journaled answer, all segments; 0 when unknown
   */
  record Contents(String model, List<Entry> entries, long wallMs, JsonNode header) {
    List<QuestionResult> results() {
      return entries.stream().map(Entry::result).toList();
    }
  }

  /** One journaled answer: sample {@code sample} (0 for a run that asks once) of its question. */
  record Entry(int sample, QuestionResult result) {}

  static Contents read(Path path) {
    if (!Files.exists(path)) {
      return new Contents(null, List.of(), 0, JSON.createObjectNode());
    }
    List<String> lines = completeLines(path);
    if (lines.isEmpty()) {
      return new Contents(null, List.of(), 0, JSON.createObjectNode());
    }
    JsonNode header = parse(path, lines.get(0), 1);
    if (!header.has(HEADER_FIELD)) {
      throw new UserError(path + ": line 1 is not a jmle-bench journal header");
    }
    List<Entry> entries = new ArrayList<>();
    long wallMs = 0;
    for (int i = 1; i < lines.size(); i++) {
      JsonNode line = parse(path, lines.get(i), i + 1);
      String where = path + ":" + (i + 1);
      JsonNode wall = line.isObject() ? ((ObjectNode) line).remove(WALL_FIELD) : null;
      if (wall != null && wall.canConvertToLong()) {
        wallMs = Math.max(wallMs, wall.longValue());
      }
      JsonNode sample = line.isObject() ? ((ObjectNode) line).remove(SAMPLE_FIELD) : null;
      if (sample != null && !(sample.isIntegralNumber() && sample.canConvertToInt() && sample.intValue() >= 0)) {
        throw new UserError(where + ": field '" + SAMPLE_FIELD + "' should be a sample number (0 or more)");
      }
      entries.add(new Entry(sample == null ? 0 : sample.intValue(), ResultFiles.resultFromJson(line, where)));
    }
    return new Contents(header.path(ResultSchema.Journal.MODEL).asText(null), entries, wallMs, header);
  }

  /** Opens the journal to append to, cutting off a torn last line and writing the header if new. */
  static Journal open(Path path, String model) {
    return open(path, JSON.createObjectNode().put(ResultSchema.Journal.MODEL, model));
  }

  /** As {@link #open(Path, String)}, with more fields for a new header (the data the run is made with). */
  static Journal open(Path path, ObjectNode headerFields) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      long keep = endOfLastCompleteLine(path);
      ch.truncate(keep);
      ch.position(keep);
      Journal j = new Journal(path, ch);
      if (keep == 0) {
        ObjectNode header = JSON.createObjectNode().put(HEADER_FIELD, 1);
        header.setAll(headerFields);
        j.appendLine(header);
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + path + ": " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  /** Returns once the line is on disk. {@code wallMs} is the run's wall time so far, earlier segments included. */
  void append(QuestionResult r, int sample, long wallMs) {
    ObjectNode line = ResultFiles.toJson(r);
    if (sample > 0) {
      line.put(SAMPLE_FIELD, sample);
    }
    if (wallMs > 0) {
      line.put(WALL_FIELD, wallMs);
    }
    appendLine(line);
  }

  /**
   * Writes the line, then forces the file to disk. Forcing is the slow part, so threads share it (group
   * commit): a thread whose line another thread's force already covered returns without forcing again.
   */
  private void appendLine(JsonNode node) {
    byte[] line = (node.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    long mine;
    try {
      synchronized (this) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
        mine = ++written;
      }
      synchronized (syncLock) {
        if (synced >= mine) {
          return;
        }
        long upTo;
        synchronized (this) {
          upTo = written;
        }
        channel.force(false);
        synced = upTo;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal " + path + ": " + e.getMessage(), e);
    }
  }

  private static List<String> completeLines(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      int end = lastNewline(bytes) + 1;
      String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UserError(path + ": cannot read the journal: " + e.getMessage());
    }
  }

  private static long endOfLastCompleteLine(Path path) throws IOException {
    return lastNewline(Files.readAllBytes(path)) + 1;
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode parse(Path path, String line, int number) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UserError(path + ":" + number + ": not a JSON line (" + e.getOriginalMessage() + ")");
    }
  }
}
