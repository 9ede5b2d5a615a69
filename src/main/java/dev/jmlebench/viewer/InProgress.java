package dev.jmlebench.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs under way in a results folder, from the journal each writes beside its result file
 * ({@code x.journal.jsonl} beside {@code x.json}: a header line, then one line per answer as it comes) and the
 * lock it holds ({@code x.lock}, holding its process id). A journal whose run's process is alive is running;
 * one without is a run that stopped before it finished (its answers are kept; {@code run} continues it).
 * Journals are read incrementally: each look reads only the lines added since the last.
 */
final class InProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One run under way, as its journal shows it. */
  record Run(String file, String model, String exam, int answered, int correct, int errors, Integer total,
      boolean running, long wallMs, long updatedMillis) {
    ObjectNode json() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("file", file);
      o.put(ResultSchema.Metadata.MODEL, model);
      o.put(ResultSchema.Metadata.EXAM, exam);
      o.put("answered", answered);
      o.put(ResultSchema.Summary.CORRECT, correct);
      o.put(ResultSchema.Summary.ERRORS, errors);
      o.put(ResultSchema.Journal.TOTAL, total);
      o.put("running", running);
      o.put(ResultSchema.Journal.WALL_MS, wallMs);
      o.put("updated_ms", updatedMillis);
      return o;
    }
  }

  /** What was read of one journal so far. */
  private static final class Tail {
    Object fileKey;
    long offset;
    String model;
    Integer total;
    String exam;
    int answered;
    int correct;
    int errors;
    long wallMs;
  }

  private final Map<Path, Tail> tails = new HashMap<>();

  /** The runs under way in {@code dir}, by journal name. */
  synchronized List<Run> scan(Path dir) {
    List<Run> runs = new ArrayList<>();
    Map<Path, Tail> seen = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path journal : files.filter(f -> f.getFileName().toString().endsWith(RunFiles.JOURNAL)).sorted().toList()) {
        Optional<Stamp> stamp = Stamp.of(journal);
        if (stamp.isEmpty() || !Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Tail tail = tails.get(journal);
        if (tail == null || !java.util.Objects.equals(tail.fileKey, stamp.get().fileKey()) || stamp.get().size() < tail.offset) {
          tail = new Tail();
          tail.fileKey = stamp.get().fileKey();
        }
        readOn(journal, tail);
        seen.put(journal, tail);
        String name = journal.getFileName().toString();
        String stem = name.substring(0, name.length() - RunFiles.JOURNAL.length());
        runs.add(new Run(stem + ".json", tail.model, tail.exam, tail.answered, tail.correct, tail.errors, tail.total,
            alive(journal.resolveSibling(stem + RunFiles.LOCK)), tail.wallMs,
            stamp.get().modifiedNanos() / 1_000_000));
      }
    } catch (IOException e) {
      return List.of(); // the folder is gone or unreadable: nothing is shown as under way
    }
    tails.keySet().retainAll(seen.keySet());
    tails.putAll(seen);
    return runs;
  }

  /** Reads the complete lines after {@code tail.offset}; a torn last line waits for the next look. */
  private static void readOn(Path journal, Tail tail) {
    try (SeekableByteChannel ch = Files.newByteChannel(journal)) {
      ch.position(tail.offset);
      byte[] added;
      try (InputStream in = Channels.newInputStream(ch)) {
        added = in.readAllBytes();
      }
      int end = lastNewline(added) + 1;
      int start = 0;
      for (int i = 0; i < end; i++) {
        if (added[i] == '\n') {
          line(new String(added, start, i - start, StandardCharsets.UTF_8), tail);
          start = i + 1;
        }
      }
      tail.offset += end;
    } catch (IOException e) {
      // Being replaced or removed as the run ends: the next look sees what is there.
    }
  }

  private static void line(String text, Tail tail) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (IOException e) {
      return; // not a journal line: counted as nothing
    }
    if (line == null || !line.isObject()) {
      return;
    }
    if (line.has(ResultSchema.Journal.HEADER)) {
      tail.model = line.path(ResultSchema.Journal.MODEL).asText(null);
      JsonNode total = line.get(ResultSchema.Journal.TOTAL);
      tail.total = total != null && total.canConvertToInt() ? total.intValue() : null;
      return;
    }
    tail.answered++;
    if (line.path(ResultSchema.Result.CORRECT).asBoolean(false)) {
      tail.correct++;
    }
    JsonNode error = line.get(ResultSchema.Result.ERROR);
    if (error != null && !error.isNull()) {
      tail.errors++;
    }
    tail.wallMs = Math.max(tail.wallMs, line.path(ResultSchema.Journal.WALL_MS).asLong(0));
    if (tail.exam == null) {
      tail.exam = QuestionId.parse(line.path(ResultSchema.Result.QUESTION_ID).asText("")).map(QuestionId::exam)
          .orElse(null);
    }
  }

  /** Whether the process whose id the lock file holds is alive; never takes the lock (a run may be taking it). */
  private static boolean alive(Path lock) {
    try {
      String pid = Files.readString(lock, StandardCharsets.UTF_8).strip();
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  static ArrayNode json(List<Run> runs) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    runs.forEach(r -> a.add(r.json()));
    return a;
  }
}
