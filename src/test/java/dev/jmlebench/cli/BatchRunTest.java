package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.FileTexts;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code run --batch} against the mock's OpenAI Batch API and Anthropic Message Batches. */
class BatchRunTest {
  private static final String KEY = "sk-batch-5ecret-K3y-never-written";
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private final ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));

  @TempDir Path dir;

  private List<String> args(MockServer server, Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("run", "--model", "Qwen/Qwen3-32B", "--base-url",
        server.baseUrl().toString(), "--api-key", KEY, "--dataset", SharedData.root().toString(), "--out",
        out.toString(), "--parallel", "16", "--key", "author")); // the published files' key
    a.addAll(List.of(more));
    return a;
  }

  private Process start(List<String> args, Path log) throws IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", cp, Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The published fields of every answer, which a run with and without --batch must agree on. */
  private static List<String> answers(ResultFile f) {
    return f.results().stream().map(r -> r.questionId() + " " + r.predicted() + " " + r.correct() + " "
        + r.parseSuccess() + " " + r.error() + " " + r.rawResponse().hashCode() + " " + r.reasoning()).toList();
  }

  @Test
  void aBatchRunKilledAfterSubmissionReattachesOnResumeAndEndsWithTheAnswersOfARunWithoutBatch() throws Exception {
    Path plain = dir.resolve("plain.json");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published,
        MockOptions.INSTANT.withRequiredKey(KEY))) {
      Cli.Outcome o = Cli.run(args(server, plain).toArray(String[]::new));
      assertThat(o.exitCode()).as(o.err()).isZero();
    }
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published,
        MockOptions.INSTANT.withRequiredKey(KEY)).slowBatches(1_000_000)) {
      Path out = dir.resolve("batched.json");
      Path batchJournal = dir.resolve("batched.batch.json");
      Process first = start(args(server, out, "--batch"), dir.resolve("first.log"));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!Files.exists(batchJournal) || server.batchesCreated() == 0) {
        assertThat(first.isAlive()).as("the run is waiting for its batch").isTrue();
        assertThat(System.nanoTime()).as("batch submitted in time").isLessThan(deadline);
        Thread.sleep(20);
      }
      Thread.sleep(1500);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(dir.resolve("first.log"))).contains("Submitted batch ").contains(" in_progress, ");
      assertThat(out).as("killed while waiting: no result file").doesNotExist();

      server.slowBatches(1);
      Cli.Outcome resumed = Cli.run(args(server, out, "--batch").toArray(String[]::new));
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(resumed.out()).contains("Reattaching to batch ").contains("instead of submitting again")
          .contains(" completed: 400 answered.");
      assertThat(server.batchesCreated()).as("no second batch").isEqualTo(1);
      for (Question q : SharedData.dataset().questions()) {
        assertThat(server.requests(q.questionId())).as(q.questionId()).isEqualTo(1);
      }
      ResultFile batched = ResultFiles.read(out);
      assertThat(batched.results()).hasSize(400);
      assertThat(answers(batched)).isEqualTo(answers(ResultFiles.read(plain)));
      assertThat(batched.summary()).isEqualTo(published.summary());
      assertThat(batchJournal).as("forgotten once every answer is journaled").doesNotExist();

      assertThat(FileTexts.below(dir)).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
      assertThat(resumed.out() + resumed.err()).doesNotContain(KEY);
    }
  }

  @Test
  void failedAndExpiredBatchRequestsAreAskedOneByOne() {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published,
        MockOptions.INSTANT.withRequiredKey(KEY)).failBatchItemsEvery(7).slowBatches(3)) {
      Path out = dir.resolve("partial.json");
      Cli.Outcome o = Cli.run(args(server, out, "--batch").toArray(String[]::new));
      assertThat(o.exitCode()).as(o.err()).isZero();
      // 400 requests, every 7th failed: 57 asked again one by one.
      assertThat(o.out()).contains(" completed: 343 answered, 57 without an answer (failed or expired), asked one by one.")
          .contains("batch_mock_").contains(" in_progress, 0/400 done");
      assertThat(ResultFiles.read(out).summary()).isEqualTo(published.summary());
      for (Question q : SharedData.dataset().questions()) {
        assertThat(server.requests(q.questionId())).as(q.questionId()).isEqualTo(1);
      }
    }
    ResultFile opus = ResultFiles.read(SharedData.results().resolve("anthropic_claude-opus-4.6.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), opus,
        MockOptions.INSTANT.withRequiredKey(KEY)).expireBatches(true)) {
      Path out = dir.resolve("expired.json");
      Cli.Outcome o = Cli.run("run", "--api", "anthropic", "--batch", "--model", "claude-opus-4-6", "--base-url",
          server.baseUrl().toString(), "--api-key", KEY, "--dataset", SharedData.root().toString(), "--out",
          out.toString(), "--image-mode", "vision", "--parallel", "16", "--key", "author");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).contains("Submitted batch msgbatch_mock_")
          .contains(" ended: 200 answered, 200 without an answer (failed or expired), asked one by one.");
      ResultFile written = ResultFiles.read(out);
      assertThat(written.summary()).isEqualTo(opus.summary());
      assertThat(written.results().stream().filter(r -> r.reasoning() != null).count())
          .isEqualTo(opus.results().stream().filter(r -> r.reasoning() != null).count());
      assertThat(server.imageMismatches()).isZero();
    }
  }

  /**
   * A server that repeats the key in its batch answers (content and reasoning) and in the error messages of
   * the requests it fails: the run is stopped while it asks the failed ones one by one, so that its journal
   * holds the batch's answers, then resumed against a server without delay. Nothing written or printed holds
   * the key; the echoes are there, hidden.
   */
  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic"})
  void aKeyEchoedInABatchsAnswersAndErrorsReachesNoFileAndNoLine(String api) throws Exception {
    Path out = dir.resolve("results/echo.json");
    Path journal = dir.resolve("results/echo.journal.jsonl");
    Path cache = dir.resolve("cache");
    List<String> run = new ArrayList<>(List.of("run", "--api", api, "--batch", "--model", "m", "--base-url", "URL",
        "--api-key", KEY, "--dataset", SharedData.root().toString(), "--out", out.toString(), "--parallel", "4",
        "--cache", cache.toString()));
    String journalText;
    int port;
    Path log = dir.resolve("first.log");
    // Direct requests (the failed seventh of the batch, asked one by one) wait long enough to stop the run.
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withRequiredKey(KEY).withLatency(Duration.ofMinutes(10))).failBatchItemsEvery(7)
        .echoKey(true)) {
      run.set(run.indexOf("URL"), server.baseUrl().toString());
      port = server.port();
      Process first = start(run, log);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      // 400 requests, every 7th failed: 343 answers from the batch, journaled before any direct request.
      // The line that counts them is printed once all 343 are journaled: wait for both, then stop the run.
      while (!Files.exists(journal) || lines(journal) < 1 + 343 || !text(log).contains(" 343 answered, 57 without")) {
        assertThat(first.isAlive()).as("the run is still going").isTrue();
        assertThat(System.nanoTime()).as("the batch's answers journaled in time").isLessThan(deadline);
        Thread.sleep(50);
      }
      journalText = Files.readString(journal);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(journalText).contains(echo("***")).doesNotContain(KEY);
    assertThat(Files.readString(log)).contains(" 343 answered, 57 without an answer").doesNotContain(KEY);

    // Resumed without --batch: the 57 left are asked one by one, through the response cache, of a server without
    // delay at the same address (the base URL is part of what the run is).
    run.remove("--batch");
    try (MockServer server = MockServer.start(port, SharedData.dataset(), null,
        MockOptions.INSTANT.withRequiredKey(KEY)).echoKey(true)) {
      Cli.Outcome resumed = Cli.run(run.toArray(String[]::new));
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(resumed.out() + resumed.err()).doesNotContain(KEY);
      assertThat(server.totalRequests()).isEqualTo(57);
    }
    ResultFile file = ResultFiles.read(out);
    assertThat(file.results()).hasSize(400).allSatisfy(r -> assertThat(r.rawResponse()).startsWith(echo("***")));
    assertThat(FileTexts.cacheEntries(cache)).as("the 57 direct answers cached").hasSize(57)
        .allSatisfy(text -> assertThat(text).contains(echo("***")));
    assertThat(FileTexts.below(dir)).allSatisfy(text -> assertThat(text).doesNotContain(KEY));
  }

  /** Complete lines of a file another process is writing (a line being written may end mid-character). */
  private static long lines(Path f) throws IOException {
    return text(f).chars().filter(c -> c == '\n').count();
  }

  /** A file another process is writing, read leniently: a character cut in half reads as U+FFFD. */
  private static String text(Path f) throws IOException {
    return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
  }

  /**
   * A server whose batch id repeats the key: the id would be journaled (to reattach) and printed, so the run
   * follows no such batch — it says so in one line and asks one by one — and writes and prints no key.
   */
  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic"})
  void aBatchIdThatRepeatsTheKeyIsNeitherFollowedNorWritten(String api) throws Exception {
    Path out = dir.resolve("results/id.json");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withRequiredKey(KEY)).keyInBatchIds(true)) {
      Cli.Outcome o = Cli.run("run", "--api", api, "--batch", "--model", "m", "--base-url",
          server.baseUrl().toString(), "--api-key", KEY, "--dataset", SharedData.root().toString(), "--out",
          out.toString(), "--parallel", "16");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(server.batchesCreated()).isEqualTo(1);
      assertThat(o.out()).contains("Batch not submitted (the batch id is not a plain id, or repeats a credential; "
          + "not followed").contains(": asking one by one.").doesNotContain("Submitted batch");
      assertThat(o.out() + o.err()).doesNotContain(KEY);
    }
    assertThat(ResultFiles.read(out).results()).hasSize(400);
    assertThat(dir.resolve("results/id.batch.json")).doesNotExist();
    assertThat(FileTexts.below(dir)).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
  }

  /** What the mock's echoing answers open with (MockServer.echoOf), for a key. */
  private static String echo(String key) {
    return "You asked with the key " + key + ".";
  }
}
