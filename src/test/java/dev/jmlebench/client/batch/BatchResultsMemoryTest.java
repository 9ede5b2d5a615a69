package dev.jmlebench.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jmlebench.client.ApiKey;
import dev.jmlebench.client.ClientSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's output file far larger than the heap is read line by line: a JVM of 64 MB reads an output of
 * 192 answers of 1 MB each (the 780 MB output of 400 long answers, scaled down with the heap) and
 * hands over every answer. Reading the file into one string, as before, runs that JVM out of memory.
 */
class BatchResultsMemoryTest {
  static final int ANSWERS = 192;
  static final int ANSWER_BYTES = 1 << 20;

  @TempDir Path dir;

  @Test
  void anOutputFileLargerThanTheHeapIsReadLineByLine() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = dir.resolve("probe.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + dir, "-cp", cp, Probe.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = p.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    String printed = Files.readString(log);
    assertThat(ended).as("the probe ended in time: " + printed).isTrue();
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).contains("answered " + ANSWERS + " of " + ANSWERS + ", " + (long) ANSWERS * ANSWER_BYTES
        + " bytes");
    try (var left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).as("the download is removed").containsOnly("probe.log");
    }
  }

  /**
   * Runs in the small JVM: a loopback server streams the output file (generated as it is sent, never held),
   * and the OpenAI batch client reads it.
   */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
      server.createContext("/v1/files/file-out/content", ex -> {
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
          byte[] text = new byte[ANSWER_BYTES - "【回答】a".getBytes(StandardCharsets.UTF_8).length];
          Arrays.fill(text, (byte) 'x');
          for (int i = 0; i < ANSWERS; i++) {
            out.write(("{\"custom_id\":\"q" + i + "\",\"response\":{\"status_code\":200,\"body\":{\"choices\":[{"
                + "\"message\":{\"content\":\"【回答】a").getBytes(StandardCharsets.UTF_8));
            out.write(text);
            out.write("\"},\"finish_reason\":\"stop\"}]}}}\n".getBytes(StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          // the client hung up
        }
      });
      server.start();
      try {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        OpenAiBatches api = new OpenAiBatches(new ClientSettings(base, "m", ApiKey.ofNullable("k"),
            Duration.ofMinutes(2), null));
        BatchApi.Status ended = new BatchApi.Status("batch_1", "completed", true, ANSWERS, ANSWERS, "file-out", null);
        AtomicInteger answered = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        api.outcomes(ended, (id, o) -> {
          if (o.completion() != null) {
            answered.incrementAndGet();
            bytes.addAndGet(o.completion().content().getBytes(StandardCharsets.UTF_8).length);
          }
        });
        System.out.println("answered " + answered.get() + " of " + ANSWERS + ", " + bytes.get() + " bytes");
      } finally {
        server.stop(0);
      }
      System.exit(0);
    }
  }
}
