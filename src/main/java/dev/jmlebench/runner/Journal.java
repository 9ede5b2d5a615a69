package dev.jmlebench.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The crash-safe record of a run in progress: JSON lines beside the result file, one per finished
 * question (per finished sample with {@code --repeats}: the line then says which, {@code "sample": k}, left
 * out for sample 0), each written and forced to disk before the next. The first line names the model, so a journal
 * is never mixed into another model's run. A crash can tear only the last line; reading ignores it, and
 * reopening cuts it off before appending.
 */
final class Journal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] NEWLINE = {'\n'};
  static final String HEADER_FIELD = ResultSchema.Journal.HEADER;
  static final String SUFFIX = RunFiles.JOURNAL;
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
    return RunFiles.of(out).journal();
  }

  /**
   * What the first line of an earlier, interrupted run's journal says, and how long that run had taken.
   *
   * @param model the run's model; null when the journal is empty (or absent)
   * @param header the first line: model, and the data the run was made with
   * @param wallMs the run's wall time up to its last journaled answer, all segments; 0 when unknown
   * @param entries how many answers it holds
   */
  record Contents(String model, JsonNode header, long wallMs, int entries) {}

  /** Where one answer's line stands in the journal, to read it again alone ({@link #readLine}). */
  record Line(long offset, int length) {}

  /** Receives a journal's answers one at a time, as {@link #read} reads them. */
  @FunctionalInterface
  interface EntryVisitor {
    /** Sample {@code sample} (0 for a run that asks once) of its question, whole, and where its line is. */
    void entry(int sample, QuestionResult result, Line line);
  }

  /**
   * Reads a journal one line at a time, in the memory of its longest line: each answer goes to {@code each}, whole,
   * with its line; the header and the wall time are returned. A torn last line (a crash) is not read.
   */
  static Contents read(Path path, EntryVisitor each) {
    if (!Files.exists(path)) {
      return new Contents(null, JSON.createObjectNode(), 0, 0);
    }
    try (InputStream in = Files.newInputStream(path)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      JsonNode header = null;
      long wallMs = 0;
      long lineStart = 0;
      long read = 0;
      int number = 0;
      int entries = 0;
      byte[] chunk = new byte[1 << 16];
      for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] != '\n') {
            continue;
          }
          line.write(chunk, from, i - from);
          from = i + 1;
          number++;
          Line at = new Line(lineStart, line.size() + 1);
          lineStart = read + i + 1;
          if (line.size() == 0) {
            continue;
          }
          JsonNode node = parse(path, line.toByteArray(), number);
          line = line.size() > 1 << 20 ? new ByteArrayOutputStream() : line; // a long line's buffer is let go
          line.reset();
          if (header == null) {
            if (!node.has(HEADER_FIELD)) {
              throw new UserError(path + ": line 1 is not a jmle-bench journal header");
            }
            header = node;
            continue;
          }
          Entry e = entry(path, node, number);
          wallMs = Math.max(wallMs, e.wallMs());
          entries++;
          each.entry(e.sample(), e.result(), at);
        }
        line.write(chunk, from, n - from);
        read += n;
      }
      return header == null ? new Contents(null, JSON.createObjectNode(), 0, 0)
          : new Contents(header.path(ResultSchema.Journal.MODEL).asText(null), header, wallMs, entries);
    } catch (IOException e) {
      throw new UserError(path + ": cannot read the journal: " + e.getMessage());
    }
  }

  /** The model a journal's header names; null when there is none (absent, empty, or torn in its first line). */
  static String model(Path path) {
    return header(path).model();
  }

  /**
   * A journal's first line alone, without reading its answers (its {@code wallMs} and {@code entries} are 0): what
   * run it journals.
   */
  static Contents header(Path path) {
    if (!Files.exists(path)) {
      return new Contents(null, JSON.createObjectNode(), 0, 0);
    }
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
      ByteArrayOutputStream first = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          return new Contents(null, JSON.createObjectNode(), 0, 0);
        }
        first.write(b);
      }
      JsonNode header = parse(path, first.toByteArray(), 1);
      if (!header.has(HEADER_FIELD)) {
        throw new UserError(path + ": line 1 is not a jmle-bench journal header");
      }
      return new Contents(header.path(ResultSchema.Journal.MODEL).asText(null), header, 0, 0);
    } catch (IOException e) {
      throw new UserError(path + ": cannot read the journal: " + e.getMessage());
    }
  }

  /** The answer {@link #read} found at {@code line}, read again alone. */
  static QuestionResult readLine(Path path, Line line) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(line.length());
      while (buf.hasRemaining()) {
        if (ch.read(buf, line.offset() + buf.position()) < 0) {
          throw new UserError(path + ": the journal ends before byte " + (line.offset() + line.length())
              + ": it changed while the run was writing its result file");
        }
      }
      return entry(path, parse(path, buf.array(), -1), -1).result();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + path + ": " + e.getMessage(), e);
    }
  }

  /** One journaled answer and the run's wall time when it was journaled (0 when the line does not say). */
  private record Entry(int sample, QuestionResult result, long wallMs) {}

  private static Entry entry(Path path, JsonNode line, int number) {
    String where = number < 0 ? path.toString() : path + ":" + number;
    JsonNode wall = line.isObject() ? ((ObjectNode) line).remove(WALL_FIELD) : null;
    JsonNode sample = line.isObject() ? ((ObjectNode) line).remove(SAMPLE_FIELD) : null;
    if (sample != null && !(sample.isIntegralNumber() && sample.canConvertToInt() && sample.intValue() >= 0)) {
      throw new UserError(where + ": field '" + SAMPLE_FIELD + "' should be a sample number (0 or more)");
    }
    return new Entry(sample == null ? 0 : sample.intValue(), ResultFiles.resultFromJson(line, where),
        wall != null && wall.canConvertToLong() ? wall.longValue() : 0);
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
      long keep = endOfLastCompleteLine(ch);
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

  /**
   * Returns once the line is on disk, with where it is. {@code wallMs} is the run's wall time so far, earlier
   * segments included.
   */
  Line append(QuestionResult r, int sample, long wallMs) {
    ObjectNode line = ResultFiles.toJson(r);
    if (sample > 0) {
      line.put(SAMPLE_FIELD, sample);
    }
    if (wallMs > 0) {
      line.put(WALL_FIELD, wallMs);
    }
    return appendLine(line);
  }

  /**
   * Writes the line, then forces the file to disk. Forcing is the slow part, so threads share it (group
   * commit): a thread whose line another thread's force already covered returns without forcing again.
   */
  private Line appendLine(JsonNode node) {
    long mine;
    Line at;
    try {
      ByteBuffer[] line = {ByteBuffer.wrap(JSON.writeValueAsBytes(node)), ByteBuffer.wrap(NEWLINE)};
      int length = line[0].remaining() + 1;
      synchronized (this) {
        at = new Line(channel.position(), length);
        while (line[1].hasRemaining()) {
          channel.write(line);
        }
        mine = ++written;
      }
      synchronized (syncLock) {
        if (synced >= mine) {
          return at;
        }
        long upTo;
        synchronized (this) {
          upTo = written;
        }
        channel.force(false);
        synced = upTo;
      }
      return at;
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

  /** Where the last complete line ends: the file is read backwards from its end up to its last newline. */
  private static long endOfLastCompleteLine(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    for (long end = ch.size(); end > 0; ) {
      long start = Math.max(0, end - buf.capacity());
      buf.clear().limit((int) (end - start));
      while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
        // positional reads, until the chunk is full
      }
      for (int i = buf.position() - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }

  private static JsonNode parse(Path path, byte[] line, int number) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UserError(path + (number < 0 ? "" : ":" + number) + ": not a JSON line (" + e.getOriginalMessage()
          + ")");
    } catch (IOException e) {
      throw new UserError(path + ": cannot read the journal: " + e.getMessage());
    }
  }
}
