package dev.jmlebench.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.FileTexts;
import dev.jmlebench.testing.HostileServer;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run --batch} against batch servers that attack it (raw sockets, {@link HostileServer}): output files
 * that answer 500 or redirect, ids and URLs that are not ids or URLs or that carry the key, results on another
 * host, a state that forges a line, a batch that never ends, a hostile journal, a results file that names a
 * request twice. Each ends in an answer or in one line with exit code 2, the batch still recorded, no key
 * written or shown; none waits longer than its bound.
 */
class HostileBatchTest {
  private static final String KEY = "sk-hostile-batch-K3y-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  /**
   * A scripted OpenAI batch provider: the uploaded requests are kept, the batch ends at the first poll with
   * {@code status} and the output file id {@code outputId}; {@code content} answers the file's download given
   * the uploaded JSONL; direct requests are answered "【回答】a".
   */
  private record OpenAiScript(String status, String outputId, ContentReply content) {}

  @FunctionalInterface
  private interface ContentReply {
    void reply(HostileServer.Request r, OutputStream out, String uploaded) throws IOException;
  }

  private static HostileServer.Behaviour openAi(OpenAiScript script) {
    StringBuilder uploaded = new StringBuilder();
    return (r, out) -> {
      String path = r.path().replaceFirst("\\?.*", "");
      if (r.method().equals("POST") && path.endsWith("/files")) {
        String body = r.body();
        int start = body.indexOf("\r\n\r\n", body.indexOf("name=\"file\"")) + 4;
        uploaded.setLength(0);
        uploaded.append(body, start, body.indexOf("\r\n--", start));
        HostileServer.json(out, 200, Map.of(), "{\"id\":\"file-in\"}");
      } else if (r.method().equals("POST") && path.endsWith("/batches")) {
        HostileServer.json(out, 200, Map.of(), batch("validating", null));
      } else if (r.method().equals("GET") && path.endsWith("/batches/batch_1")) {
        HostileServer.json(out, 200, Map.of(), batch(script.status(), script.outputId()));
      } else if (r.method().equals("GET") && path.endsWith("/content")) {
        script.content().reply(r, out, uploaded.toString());
      } else if (path.endsWith("/chat/completions")) {
        HostileServer.json(out, 200, Map.of(), HostileServer.completion("【回答】a", null, "stop"));
      } else {
        HostileServer.json(out, 404, Map.of(), "{\"error\":{\"message\":\"no " + path + "\"}}");
      }
    };
  }

  private static String batch(String status, String outputId) {
    return "{\"id\":\"batch_1\",\"status\":" + HostileServer.quote(status) + ",\"output_file_id\":"
        + HostileServer.quote(outputId) + ",\"error_file_id\":null,\"request_counts\":{\"total\":50,"
        + "\"completed\":50,\"failed\":0}}";
  }

  /** Every uploaded request answered "【回答】" plus {@code answer.apply(customId)}, one line each. */
  private static ContentReply answering(Function<String, List<String>> answers) {
    return (r, out, uploaded) -> {
      StringBuilder jsonl = new StringBuilder();
      for (String line : uploaded.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String id = JSON.readTree(line).get("custom_id").asText();
        for (String a : answers.apply(id)) {
          jsonl.append("{\"custom_id\":").append(HostileServer.quote(id)).append(",\"response\":{\"status_code\":200,"
              + "\"body\":").append(HostileServer.completion("【回答】" + a, null, "stop")).append("}}\n");
        }
      }
      HostileServer.json(out, 200, Map.of(), jsonl.toString());
    };
  }

  private Path out() {
    return dir.resolve("results/b.json");
  }

  private Path batchJournal() {
    return dir.resolve("results/b.batch.json");
  }

  private Cli.Outcome run(String baseUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--batch", "--model", "m", "--base-url", baseUrl, "--api-key",
        KEY, "--dataset", DATASET, "--out", out().toString(), "--blocks", "B", "--parallel", "4"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** One line on standard error, exit code 2, no stack trace, no key anywhere; the batch still recorded. */
  private void assertOneLineAndBatchKept(Cli.Outcome o, String... parts) {
    assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(2);
    assertThat(o.err().strip()).as(o.err()).doesNotContain("\n").doesNotContain("internal error")
        .doesNotContain("Exception").contains(parts);
    assertThat(o.out() + o.err()).doesNotContain(KEY);
    assertThat(batchJournal()).as("the batch stays recorded").exists();
    assertThat(FileTexts.below(dir)).allSatisfy(t -> assertThat(t).doesNotContain(KEY));
  }

  @Test
  void anOutputFileThatRedirectsIsOneLineAndTheBatchIsKept() throws Exception {
    ContentReply redirect = (r, out, up) -> HostileServer.head(out, 302, Map.of("Location", "http://127.0.0.1:9/x",
        "Content-Length", "0"));
    try (HostileServer server = HostileServer.start(openAi(new OpenAiScript("completed", "file-out", redirect)))) {
      Cli.Outcome o = run(server.baseUrl().toString());
      assertOneLineAndBatchKept(o, "cannot fetch the answers of batch batch_1: HTTP 302",
          "it stays recorded in " + batchJournal());
    }
  }

  @Test
  void anOutputFileThatAnswers500OnceIsFetchedAgain() throws Exception {
    AtomicInteger downloads = new AtomicInteger();
    ContentReply good = answering(id -> List.of("a"));
    ContentReply flaky = (r, out, up) -> {
      if (downloads.incrementAndGet() == 1) {
        HostileServer.json(out, 500, Map.of(), "{\"error\":{\"message\":\"storage hiccup\"}}");
      } else {
        good.reply(r, out, up);
      }
    };
    try (HostileServer server = HostileServer.start(openAi(new OpenAiScript("completed", "file-out", flaky)))) {
      Cli.Outcome o = run(server.baseUrl().toString());
      assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
      assertThat(o.out()).contains("fetching the answers of batch batch_1 failed (HTTP 500: storage hiccup); trying "
          + "again in 2 s").contains("Batch batch_1 completed: 50 answered.");
      assertThat(downloads.get()).isEqualTo(2);
    }
    assertThat(ResultFiles.read(out()).results()).hasSize(50);
    assertThat(batchJournal()).doesNotExist();
  }

  /**
   * Output file ids a URI refuses, or that carry the key; and the key given in the base URL's query, which
   * every URL of the run carries: none reaches a URL unchecked, an error message or the terminal.
   */
  @ParameterizedTest
  @ValueSource(strings = {"file x y", "f " + KEY, "f/../../v1/chat", "file-" + KEY})
  void anOutputFileIdThatIsNotAnIdIsNotFollowedAndShowsNoKey(String outputId) throws Exception {
    try (HostileServer server = HostileServer.start(openAi(new OpenAiScript("completed", outputId,
        answering(id -> List.of("a")))))) {
      Cli.Outcome o = run(server.baseUrl() + "?api-key=" + KEY);
      assertOneLineAndBatchKept(o, "cannot fetch the answers of batch batch_1: batch batch_1: its output_file_id is "
          + "not a plain id");
    }
  }

  @Test
  void anAnthropicResultsUrlOnAnotherHostOrNotAUrlIsOneLine() throws Exception {
    AtomicInteger elsewhereAsked = new AtomicInteger();
    try (HostileServer elsewhere = HostileServer.start((r, out) -> {
      elsewhereAsked.incrementAndGet();
      HostileServer.json(out, 200, Map.of(), "");
    })) {
      for (String url : List.of("http://localhost:" + elsewhere.baseUrl().getPort() + "/steal",
          "http://127.0.0.1/r s/" + KEY, "::not a url " + KEY)) {
        HostileServer.Behaviour anthropic = (r, out) -> {
          if (r.method().equals("POST")) {
            HostileServer.json(out, 200, Map.of(), "{\"id\":\"msgbatch_1\",\"processing_status\":\"in_progress\","
                + "\"request_counts\":{\"processing\":50}}");
          } else {
            HostileServer.json(out, 200, Map.of(), "{\"id\":\"msgbatch_1\",\"processing_status\":\"ended\","
                + "\"request_counts\":{\"succeeded\":50},\"results_url\":" + HostileServer.quote(url) + "}");
          }
        };
        try (HostileServer server = HostileServer.start(anthropic)) {
          // Each URL is tried by a run of its own against its own server: what the last left is not this run's.
          Files.deleteIfExists(batchJournal());
          Files.deleteIfExists(dir.resolve("results/b.journal.jsonl"));
          Files.deleteIfExists(out());
          Cli.Outcome o = run(server.baseUrl().toString(), "--api", "anthropic");
          assertOneLineAndBatchKept(o, "cannot fetch the answers of batch msgbatch_1: batch msgbatch_1: ");
        }
      }
      assertThat(elsewhereAsked.get()).as("nothing sent to another host").isZero();
    }
  }

  @Test
  void aStateWithALineBreakCannotForgeALine() throws Exception {
    String forged = "in_progress\n  batch FORGED: completed, 400/400 done";
    AtomicInteger polls = new AtomicInteger();
    HostileServer.Behaviour base = openAi(new OpenAiScript("completed", "file-out", answering(id -> List.of("a"))));
    HostileServer.Behaviour forging = (r, out) -> {
      if (r.method().equals("GET") && r.path().endsWith("/batches/batch_1") && polls.incrementAndGet() == 1) {
        HostileServer.json(out, 200, Map.of(), batch(forged, null));
      } else {
        base.reply(r, out);
      }
    };
    try (HostileServer server = HostileServer.start(forging)) {
      Cli.Outcome o = run(server.baseUrl().toString());
      assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
      assertThat(o.out().lines()).noneMatch(l -> l.startsWith("  batch FORGED"));
      assertThat(o.out()).contains("  batch batch_1: in_progress\\u000A  batch FORGED: completed");
    }
  }

  @Test
  void aBatchThatNeverEndsIsWaitedForOnlyAsLongAsAllowed() throws Exception {
    try (HostileServer server = HostileServer.start(openAi(new OpenAiScript("in_progress", null,
        answering(id -> List.of("a")))))) {
      long start = System.nanoTime();
      Cli.Outcome o = run(server.baseUrl().toString(), "--batch-wait", "3s");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertOneLineAndBatchKept(o, "batch batch_1 has not ended after 0:03 of waiting (in_progress, 50/50 done; "
          + "--batch-wait): it stays recorded in " + batchJournal(), "reattaches to it later");
      assertThat(o.out()).contains("  batch batch_1: in_progress, 50/50 done (0:00 waited, at most 0:03)");
      assertThat(seconds).as("bounded by --batch-wait, not by the poll interval").isLessThan(60);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"format\":\"jmle-bench-batch\",\"version\":1,\"api\":\"openai\",\"batch_id\":\"a b/../x\","
      + "\"submitted_at\":\"2026-03-01T00:00:00Z\",\"custom_ids\":[\"120B-1_0\"]}",
      "{\"format\":\"jmle-bench-batch\",\"version\":2,\"api\":\"openai\",\"batch_id\":\"batch_1\","
          + "\"submitted_at\":\"2026-03-01T00:00:00Z\",\"custom_ids\":[\"../../etc\"]}",
      "{\"format\":\"jmle-bench-batch\",\"version\":2,\"api\":\"openai\",\"batch_id\":null,\"intent\":\"x y\","
          + "\"submitted_at\":\"2026-03-01T00:00:00Z\",\"custom_ids\":[\"120B-1_0\"]}",
      "{\"format\":\"jmle-bench-batch\",\"version\":2,\"api\":\"openai\",\"batch_id\":\"batch_1\","
          + "\"submitted_at\":\"yesterday\",\"custom_ids\":[\"120B-1_0\"]}"})
  void aHostileBatchJournalIsOneLineNamingTheFileAndField(String journal) throws Exception {
    Files.createDirectories(batchJournal().getParent());
    Files.writeString(batchJournal(), journal);
    AtomicInteger asked = new AtomicInteger();
    try (HostileServer server = HostileServer.start((r, out) -> {
      asked.incrementAndGet();
      HostileServer.json(out, 404, Map.of(), "{}");
    })) {
      Cli.Outcome o = run(server.baseUrl().toString());
      String field = JSON.readTree(journal).path("batch_id").asText("").equals("a b/../x") ? "batch_id"
          : journal.contains("../../etc") ? "custom_ids" : journal.contains("x y") ? "intent" : "submitted_at";
      assertOneLineAndBatchKept(o, "jmle-bench: " + batchJournal() + ": field '" + field + "' ");
      assertThat(asked.get()).as("nothing asked").isZero();
    }
    assertThat(batchJournal()).hasContent(journal);
  }

  @Test
  void twoLinesForOneRequestKeepTheFirstAndSaySo() throws Exception {
    ContentReply twice = answering(id -> id.equals("120B-1_0") ? List.of("b", "c") : List.of("a"));
    try (HostileServer server = HostileServer.start(openAi(new OpenAiScript("completed", "file-out", twice)))) {
      Cli.Outcome o = run(server.baseUrl().toString());
      assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
      assertThat(o.out()).contains("Batch batch_1 completed: 50 answered.")
          .contains("  1 line(s) of its results named a request already read: the first answer of each was kept.");
    }
    QuestionResult first = ResultFiles.read(out()).results().stream().filter(r -> r.questionId().equals("120B-1"))
        .findFirst().orElseThrow();
    assertThat(first.predicted()).containsExactly("b");
  }

  /** A few lines of a results file, for reading what it holds. */
  static String text(Path f) throws IOException {
    return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
  }

  static JsonNode json(Path f) throws IOException {
    return JSON.readTree(f.toFile());
  }
}
