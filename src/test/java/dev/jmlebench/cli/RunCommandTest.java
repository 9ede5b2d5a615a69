package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.FileTexts;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final String KEY = "sk-test-5ecret-K3y-never-shown";
  private final String dataset = SharedData.root().toString();

  @TempDir Path dir;

  private static void assertOneClearLine(Cli.Outcome o, String expected) {
    assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
    assertThat(o.err().lines().toList()).as(o.err()).hasSize(1);
    assertThat(o.err()).startsWith("jmle-bench: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aBlindRunThroughTheCliReproducesThePublishedSummary() {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published, MockOptions.INSTANT)) {
      Path out = dir.resolve("results/qwen.json");
      Cli.Outcome o = Cli.run("run", "--model", "Qwen/Qwen3-32B", "--base-url", server.baseUrl().toString(),
          "--dataset", dataset, "--out", out.toString(), "--parallel", "16", "--display-name", "Qwen3-32B",
          "--key", "author");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile written = ResultFiles.read(out);
      assertThat(written.summary()).isEqualTo(published.summary());
      assertThat(written.metadata().displayName()).isEqualTo("Qwen3-32B");
      assertThat(written.metadata().imageMode()).isEqualTo("blind");
      assertThat(written.metadata().timestamp()).matches("\\d{8}_\\d{6}");
      assertThat(o.out()).contains("o 120A-1 ").contains("  400/400 · accuracy 88.8% (355/400)")
          .contains("Score      451/500 (90.2%)   PASS").contains("Wrote " + out);
    }
  }

  @Test
  void aVisionRunThroughTheCliReproducesThePublishedSummary() {
    ResultFile published = ResultFiles.read(SharedData.results().resolve("anthropic_claude-opus-4.6.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published, MockOptions.INSTANT)) {
      Path out = dir.resolve("opus.json");
      Cli.Outcome o = Cli.run("run", "--model", "anthropic/claude-opus-4.6", "--base-url",
          server.baseUrl().toString(), "--dataset", dataset, "--out", out.toString(), "--image-mode", "vision",
          "--extra-body", "{\"reasoning\": {\"enabled\": true}}", "--parallel", "16", "--key", "author");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile written = ResultFiles.read(out);
      assertThat(written.summary()).isEqualTo(published.summary());
      assertThat(written.metadata().extraBody()).isEqualTo(published.metadata().extraBody());
      assertThat(server.imageMismatches()).isZero();
      assertThat(server.questionsSentWithImages()).hasSize(98);
    }
  }

  @Test
  void theApiKeyAppearsInNoFileWrittenAndNoLinePrinted() {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withRequiredKey(KEY))) {
      Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", server.baseUrl().toString(), "--api-key", KEY,
          "--dataset", dataset, "--out", dir.resolve("m.json").toString(), "--blocks", "B");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(server.answered("120B-1")).isEqualTo(1);
      assertThat(o.out() + o.err()).doesNotContain(KEY);
      assertThat(FileTexts.below(dir)).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
    }
  }

  @Test
  void aRejectedKeyStopsTheRunWithOneLineThatDoesNotShowTheKey() {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withRequiredKey("the-right-key"))) {
      Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", server.baseUrl().toString(), "--api-key", KEY,
          "--dataset", dataset, "--out", dir.resolve("m.json").toString());
      assertOneClearLine(o, "HTTP 401: Incorrect API key provided: ***");
      assertThat(o.err()).as("the key's own source, where to look").contains("check the key from --api-key");
      assertThat(o.out() + o.err()).doesNotContain(KEY);
      assertThat(server.totalRequests()).as("stopped early, not 400 requests").isLessThan(50);
      assertThat(FileTexts.below(dir)).allSatisfy(text -> assertThat(text).doesNotContain(KEY));
      assertThat(dir.resolve("m.json")).doesNotExist();
    }
  }

  @Test
  void anUnreachableServerGivesOneLine() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "http://127.0.0.1:" + closedPort + "/v1",
        "--dataset", dataset, "--out", dir.resolve("m.json").toString());
    assertOneClearLine(o, "cannot reach http://127.0.0.1:" + closedPort + "/v1");
    assertThat(o.err()).contains("check --base-url and that the server is running");
  }

  @Test
  void invalidExtraBodyGivesOneLine() {
    Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset", dataset,
        "--extra-body", "{\"temperature\": 0,", "--out", dir.resolve("m.json").toString());
    assertOneClearLine(o, "--extra-body: not valid JSON");
    Cli.Outcome array = Cli.run("run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset", dataset,
        "--extra-body", "[1]", "--out", dir.resolve("m.json").toString());
    assertOneClearLine(array, "--extra-body: should be a JSON object");
  }

  @Test
  void anUnknownBlockGivesOneLine() {
    Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset", dataset,
        "--blocks", "A,G", "--out", dir.resolve("m.json").toString());
    assertOneClearLine(o, "--questions: the 120th exam has no block 'G' (its blocks: A, B, C, D, E, F)");
  }

  @Test
  void aRemoteServerWithoutAKeyGivesOneLineNamingTheVariableConsulted() {
    Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "https://api.example.invalid/v1", "--dataset",
        dataset, "--api-key-env", "JMLE_TEST_UNSET_KEY", "--out", dir.resolve("m.json").toString());
    assertOneClearLine(o, "no API key for https://api.example.invalid/v1: $JMLE_TEST_UNSET_KEY is not set");
  }

  @Test
  void anApiKeyGivenEmptyIsSaidSoNotTakenForNone() {
    // --api-key "$OPENROUTER_API_KEY" with the variable unset: the flag is there, empty.
    Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "https://openrouter.ai/api/v1", "--dataset",
        dataset, "--api-key", "", "--out", dir.resolve("m.json").toString());
    assertOneClearLine(o, "--api-key was given but is empty (was a variable expanded into it, such as "
        + "\"$OPENROUTER_API_KEY\", unset?)");
    assertThat(dir.resolve("m.json")).doesNotExist();
  }

  @Test
  void resumingIntoANewOutKeepsEveryAnswerAndLeavesTheOldFileUntouched() throws IOException {
    Path old = dir.resolve("old.json");
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published, MockOptions.INSTANT)) {
      // The published run, as if it had asked this server: its base URL is part of what the run is.
      var m = published.metadata();
      ResultFiles.write(old, new ResultFile(new dev.jmlebench.results.RunMetadata(m.model(),
          server.baseUrl().toString(), m.timestamp(), m.imageMode(), m.extraBody(), m.totalQuestions(), m.attempted(),
          m.skippedImage(), m.displayName(), m.extra()), published.summary(), published.results()));
      byte[] before = Files.readAllBytes(old);
      String[] args = {"run", "--model", "Qwen/Qwen3-32B", "--base-url", server.baseUrl().toString(), "--dataset",
          dataset, "--resume", old.toString(), "--out", dir.resolve("new.json").toString(), "--key", "author"};
      Cli.Outcome o = Cli.run(args);
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(server.totalRequests()).as("every published answer is kept").isZero();
      assertThat(ResultFiles.read(dir.resolve("new.json")).summary()).isEqualTo(published.summary());
      assertThat(Files.readAllBytes(old)).isEqualTo(before);

      assertOneClearLine(Cli.run(args), "--out " + dir.resolve("new.json") + " already exists");
    }
  }

  @Test
  void resumingAnotherModelsFileIsRefusedAndLeavesItUntouched() throws IOException {
    Path out = dir.resolve("q.json");
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), out);
    byte[] before = Files.readAllBytes(out);
    Cli.Outcome o = Cli.run("run", "--model", "other/model", "--base-url", "http://127.0.0.1:9/v1",
        "--dataset", dataset, "--resume", out.toString());
    assertOneClearLine(o, out + " is another run (model Qwen/Qwen3-32B there, other/model here; base URL "
        + "http://localhost:8000/v1 there, http://127.0.0.1:9/v1 here)");
    assertThat(Files.readAllBytes(out)).isEqualTo(before);
  }
}
