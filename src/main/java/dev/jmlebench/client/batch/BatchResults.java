package dev.jmlebench.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.JsonHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A batch's results file (JSONL, one request's outcome a line), downloaded to a temporary file and read back
 * line by line: memory holds one line at a time however large the file (a 780 MB output of 400 long answers
 * used to be split in memory as one string). A line longer than one reply may be, or that is not a JSON
 * object with a {@code custom_id}, is counted and skipped.
 */
final class BatchResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Room around a reply in its line: the line's own fields and the escaping of the reply's text. */
  private static final long LINE_SLACK = 1 << 20;

  /** What to do with one line's JSON; false when the line holds nothing usable. */
  interface LineReader {
    boolean read(String customId, JsonNode line);
  }

  private BatchResults() {}

  /** Downloads {@code url} (at most {@code cap} bytes) and reads it; returns how many lines were unusable. */
  static int read(JsonHttp http, ClientSettings settings, URI url, long cap, LineReader reader)
      throws InterruptedException {
    Path file;
    try {
      file = Files.createTempFile("jmle-bench-batch-", ".jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a batch's results on disk: " + e.getMessage(), e);
    }
    try {
      http.download(url, cap, file);
      return lines(file, Math.min(Integer.MAX_VALUE - 16, settings.maxBodyBytes() * 2 + LINE_SLACK), reader);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file: the system's cleaning removes it
      }
    }
  }

  private static int lines(Path file, long maxLine, LineReader reader) {
    int unusable = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[1 << 16];
      byte[] line = new byte[8192];
      int length = 0;
      boolean tooLong = false;
      for (int n = in.read(chunk); ; n = in.read(chunk)) {
        int from = 0;
        for (int i = 0; i < Math.max(n, 0); i++) {
          if (chunk[i] != '\n') {
            continue;
          }
          if (!tooLong) {
            line = append(line, length, chunk, from, i - from, maxLine);
            tooLong = line == null;
            length += i - from;
          }
          unusable += tooLong ? 1 : used(line, length, reader);
          line = line == null || line.length > 1 << 20 ? new byte[8192] : line;
          length = 0;
          tooLong = false;
          from = i + 1;
        }
        if (n < 0) {
          unusable += tooLong ? 1 : used(line, length, reader);
          return unusable;
        }
        if (!tooLong && n > from) {
          line = append(line, length, chunk, from, n - from, maxLine);
          tooLong = line == null;
          length += n - from;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a batch's results back from " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@code line} with the bytes added (grown as needed), or null when it would pass {@code maxLine}. */
  private static byte[] append(byte[] line, int length, byte[] from, int at, int count, long maxLine) {
    if (length + (long) count > maxLine) {
      return null;
    }
    byte[] into = line;
    if (length + count > line.length) {
      into = Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(length + (long) count, (long) line.length * 2)));
    }
    System.arraycopy(from, at, into, length, count);
    return into;
  }

  /** 0 when the line was used or is blank, 1 when it holds nothing usable. */
  private static int used(byte[] line, int length, LineReader reader) {
    if (length == 0 || isBlank(line, length)) {
      return 0;
    }
    return use(new String(line, 0, length, StandardCharsets.UTF_8), reader) ? 0 : 1;
  }

  private static boolean use(String text, LineReader reader) {
    JsonNode l;
    try {
      l = JSON.readTree(text);
    } catch (IOException e) {
      return false;
    }
    JsonNode id = l == null ? null : l.get("custom_id");
    return id != null && id.isTextual() && reader.read(id.textValue(), l);
  }

  private static boolean isBlank(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
