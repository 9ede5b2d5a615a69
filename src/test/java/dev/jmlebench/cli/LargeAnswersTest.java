package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.HostileServer;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's memory is bounded by its requests in flight, not by the length of all its answers: answers of 1 MB
 * each, 75 of them (75 MB of text), asked, written, resumed and written again by a JVM of 64 MB — issue 21's
 * 75 answers of 12 MB under a 16 MB cap, scaled down. The old run held every answer, and then the whole file as one
 * string, and ran out of memory at the write; the same command again ran out of memory reading them back.
 */
@Timeout(300)
class LargeAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ANSWER_BYTES = 1 << 20;
  /**
   * A small heap, on the compiler and collector the launcher runs {@code run} with. On G1 a 64 MB heap holds a 1 MB
   * string in a region of its own, and four answers in flight ran out of regions now and then (CI's second pass,
   * 2026-12-08) although their live data fitted.
   */
  private static final List<String> SMALL_HEAP =
      List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

  @TempDir Path dir;

  /** The end of the question's text begins each answer, so an answer written under another question shows. */
  private static String answerTo(String userText) {
    String head = "【回答】a\n" + userText.substring(Math.max(0, userText.length() - 40)) + "\n";
    return head + "x".repeat(ANSWER_BYTES - head.length());
  }

  private static String questionText(String requestBody) throws Exception {
    JsonNode body = JSON.readTree(requestBody);
    return body.at("/messages/1/content/0/text").asText();
  }

  @Test
  void answersLongerInAllThanTheHeapAreWrittenReadBackAndResumedWhole() throws Exception {
    AtomicInteger answeredBeforeTheOutage = new AtomicInteger();
    HostileServer.Behaviour server = (r, out) -> {
      if (answeredBeforeTheOutage.getAndIncrement() >= 60) {
        HostileServer.json(out, 503, Map.of(), "{\"error\":{\"message\":\"overloaded\"}}");
        return;
      }
      try {
        HostileServer.json(out, 200, Map.of(), HostileServer.completion(answerTo(questionText(r.body())), null, "stop"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    try (HostileServer s = HostileServer.start(server)) {
      Path out = dir.resolve("big.json");
      List<String> command = List.of("run", "--model", "m", "--base-url", s.baseUrl().toString(), "--dataset",
          SharedData.root().toAbsolutePath().toString(), "--blocks", "A", "--out", out.toString(), "--parallel", "4",
          "--max-retries", "0");

      // 60 answers, then the server breaks down: the run stops and writes what it has from its journal.
      Process first = CliProcess.start(dir, SMALL_HEAP, command, dir.resolve("first.log"));
      assertThat(first.waitFor(240, TimeUnit.SECONDS)).isTrue();
      String firstLog = Files.readString(dir.resolve("first.log"));
      assertThat(firstLog).contains("60 answers saved to " + out).doesNotContain("OutOfMemoryError");
      assertThat(first.exitValue()).as(firstLog).isEqualTo(2);

      // The same command again reads the file and the journal back, asks the rest and writes all 75.
      answeredBeforeTheOutage.set(Integer.MIN_VALUE);
      Process second = CliProcess.start(dir, SMALL_HEAP, command, dir.resolve("second.log"));
      assertThat(second.waitFor(240, TimeUnit.SECONDS)).isTrue();
      String secondLog = Files.readString(dir.resolve("second.log"));
      assertThat(second.exitValue()).as(secondLog).isZero();
      assertThat(secondLog).contains("Asking 15 of 75 questions (60 kept from earlier).");
    }

    Map<String, String> texts = new HashMap<>();
    for (Question q : SharedData.dataset().questions()) {
      texts.put(q.questionId(), Prompt.userText(q));
    }
    AtomicInteger whole = new AtomicInteger();
    ResultFiles.scan(dir.resolve("big.json"), (QuestionResult r, ResultFiles.Span span) -> {
      assertThat(r.error()).as(r.questionId()).isNull();
      String raw = r.rawResponse();
      assertThat(raw).as(r.questionId()).hasSize(ANSWER_BYTES);
      String expected = answerTo(texts.get(r.questionId()));
      assertThat(raw.substring(0, 80)).as(r.questionId()).isEqualTo(expected.substring(0, 80));
      whole.incrementAndGet();
    });
    assertThat(whole.get()).isEqualTo(75);
  }
}
