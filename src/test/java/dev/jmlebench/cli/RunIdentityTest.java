package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.runner.RunSpec;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run is, said once (issue 20): a file is never continued or relabelled as another run, a finished run
 * is not bought again, the printed continue command is short and keeps the exam, and the key's variable is
 * the one the API and server call for.
 */
class RunIdentityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private static Cli.Outcome run(MockServer server, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--model", "demo", "--base-url", server.baseUrl().toString(),
        "--dataset", DATASET, "--out", out.toString(), "--questions", "B"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aFinishedBlindFileIsNeitherRelabelledVisionNorGivenAnExtraBodyItWasNotAskedWith() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path out = dir.resolve("r.json");
      assertThat(run(server, out).exitCode()).isZero();
      byte[] before = Files.readAllBytes(out);
      int asked = server.totalRequests();

      Cli.Outcome vision = run(server, out, "--image-mode", "vision");
      assertThat(vision.exitCode()).isEqualTo(2);
      assertThat(vision.err().strip()).isEqualTo("jmle-bench: " + out + " is another run (image mode blind there, "
          + "vision here): it is continued only as that run; choose another --out for this one, or --new to start "
          + "it in a new file");
      Cli.Outcome extra = run(server, out, "--extra-body", "{\"temperature\":0}");
      assertThat(extra.exitCode()).isEqualTo(2);
      assertThat(extra.err()).contains("(extra body none there, {\"temperature\":0} here)");

      assertThat(Files.readAllBytes(out)).as("the file still says what was asked").isEqualTo(before);
      assertThat(server.totalRequests()).isEqualTo(asked);
      assertThat(JSON.readTree(out.toFile()).at("/metadata/image_mode").asText()).isEqualTo("blind");
    }
  }

  @Test
  void aQuestionSubsetOrALimitIsWhatIsAskedAndPartOfWhatTheRunIs() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path out = dir.resolve("subset.json");
      Cli.Outcome o = Cli.run("run", "--model", "demo", "--base-url", server.baseUrl().toString(), "--dataset",
          DATASET, "--out", out.toString(), "--questions", "120c-5,E,120A-1", "--image-mode", "skip");
      assertThat(o.exitCode()).as(o.err()).isZero();
      JsonNode m = JSON.readTree(out.toFile()).path("metadata");
      assertThat(m.at("/request/questions").toString()).isEqualTo("[\"E\",\"120A-1\",\"120C-5\"]");
      int textOnlyOfE = (int) SharedData.dataset().questions().stream()
          .filter(q -> q.block().equals("E") && !q.requiresImage()).count();
      assertThat(server.totalRequests()).isEqualTo(textOnlyOfE + 2);
      assertThat(m.path("total_questions").asInt()).isEqualTo(52);
      assertThat(m.path("skipped_image").asInt()).isEqualTo(52 - textOnlyOfE - 2);

      Cli.Outcome other = Cli.run("run", "--model", "demo", "--base-url", server.baseUrl().toString(), "--dataset",
          DATASET, "--out", out.toString(), "--questions", "E", "--image-mode", "skip");
      assertThat(other.exitCode()).isEqualTo(2);
      assertThat(other.err()).contains("(questions E,120A-1,120C-5 there, E here)");

      Path images = dir.resolve("images.json");
      Cli.Outcome firstImages = Cli.run("run", "--model", "demo", "--base-url", server.baseUrl().toString(),
          "--dataset", DATASET, "--out", images.toString(), "--questions", "images", "--image-mode", "vision",
          "--limit", "4");
      assertThat(firstImages.exitCode()).as(firstImages.err()).isZero();
      JsonNode results = JSON.readTree(images.toFile()).path("results");
      assertThat(results).hasSize(4).allSatisfy(r -> assertThat(SharedData.dataset()
          .question(r.path("question_id").asText()).orElseThrow().requiresImage()).isTrue());
      assertThat(server.questionsSentWithImages()).hasSize(4);
      assertThat(JSON.readTree(images.toFile()).at("/metadata/request/limit").asInt()).isEqualTo(4);
    }
  }

  @Test
  void settingsThatDoNotChangeTheAnswersMayDifferOnResume() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path out = dir.resolve("r.json");
      assertThat(run(server, out, "--limit", "3").exitCode()).isZero();
      Cli.Outcome again = run(server, out, "--limit", "3", "--parallel", "2", "--timeout", "20", "--max-retries", "1",
          "--display-name", "Demo");
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("finished: " + out + " — ").contains("nothing asked");
      assertThat(server.totalRequests()).isEqualTo(3);
    }
  }

  @Test
  void theCommandPrintedForFailedQuestionsOfA119RunNamesNoDefaultAndFinishesIt() throws Exception {
    Path out = dir.resolve("r119.json");
    String dataset119 = SharedData.root119().toString();
    int port;
    String printed;
    try (MockServer faulty = MockServer.start(0, SharedData.dataset119(), null, MockOptions.INSTANT.withFailRate(0.3))) {
      port = faulty.port();
      Cli.Outcome first = Cli.run("run", "--exam", "119", "--model", "demo", "--base-url",
          faulty.baseUrl().toString(), "--dataset", dataset119, "--out", out.toString(), "--questions", "A",
          "--max-retries", "0");
      assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
      printed = first.out();
    }
    List<String> lines = printed.lines().toList();
    String command = lines.get(lines.indexOf("Ask only those again with:") + 1).strip();
    assertThat(command).isEqualTo("./jmle-bench continue " + out + " --dataset " + dataset119);

    try (MockServer healthy = MockServer.start(port, SharedData.dataset119(), null, MockOptions.INSTANT)) {
      List<String> words = Arrays.asList(command.split(" "));
      Cli.Outcome second = Cli.run(words.subList(1, words.size()).toArray(String[]::new));
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).startsWith("Continuing " + out + ": run --model demo --base-url " + healthy.baseUrl()
          + " --exam 119 --questions A\n");
      ResultFile file = ResultFiles.read(out);
      assertThat(file.results()).hasSize(75).allSatisfy(r -> assertThat(r.error()).isNull());
      assertThat(file.metadata().extra().get("exam").asText()).isEqualTo("119");
      assertThat(healthy.totalRequests()).as("only the failed ones").isEqualTo(75 - answeredBefore(printed));
    }
  }

  /** The answers the first run got: "N question(s) without an answer" of 75. */
  private static int answeredBefore(String printed) {
    String line = printed.lines().filter(l -> l.contains("question(s) without an answer")).findFirst().orElseThrow();
    return 75 - Integer.parseInt(line.substring(0, line.indexOf(' ')));
  }

  @Test
  void theMockServersTryLineKeepsItsExamAndAReplayedRunsModel() {
    try (MockServer server = MockServer.start(0, SharedData.dataset119(), null, MockOptions.INSTANT)) {
      assertThat(MockServerCommand.tryLine(List.of(), server, SharedData.dataset119(), null)).isEqualTo(
          "./jmle-bench run --model demo --base-url " + server.baseUrl() + " --exam 119 --dataset "
              + SharedData.dataset119().directory());
    }
    ResultFile published = ResultFiles.read(SharedData.results().resolve("anthropic_claude-opus-4.6.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published, MockOptions.INSTANT)) {
      // The replaying server answers the file's model and extra body only: the line asks as the file asked.
      assertThat(MockServerCommand.tryLine(List.of(published), server, SharedData.dataset(), null)).isEqualTo(
          "./jmle-bench run --model anthropic/claude-opus-4.6 --base-url " + server.baseUrl() + " --extra-body "
              + "'{\"reasoning\":{\"enabled\":true}}' --image-mode vision --display-name 'Claude Opus 4.6' "
              + "--dataset " + SharedData.dataset().directory());
    }
  }

  @Test
  void continueRefusesWhatWouldMakeAnotherRunAndAFileItCannotRead() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path out = dir.resolve("r.json");
      assertThat(run(server, out, "--limit", "2").exitCode()).isZero();
      Cli.Outcome vision = Cli.run("continue", out.toString(), "--image-mode", "vision");
      assertThat(vision.exitCode()).isEqualTo(2);
      assertThat(vision.err().strip()).isEqualTo("jmle-bench: --image-mode: " + out + " records its image mode, and "
          + "--image-mode would make it another run; start that run with 'run' (--new keeps it apart)");
      Cli.Outcome finished = Cli.run("continue", out.toString(), "--dataset", DATASET);
      assertThat(finished.exitCode()).as(finished.err()).isZero();
      assertThat(finished.out()).contains("finished: " + out + " — ");
      Cli.Outcome missing = Cli.run("continue", dir.resolve("nothing.json").toString());
      assertThat(missing.err().strip()).isEqualTo("jmle-bench: " + dir.resolve("nothing.json")
          + ": no such result file or journal");
      assertThat(server.totalRequests()).isEqualTo(2);
    }
  }

  /**
   * In a folder of its own (the default results/ is relative to it): an unfinished run of the 119th is not
   * offered to a run of the 120th; the same command run again after its run finished asks nothing; --new
   * starts another file.
   */
  @Test
  void theSameCommandFindsOnlyItsOwnRunAndAFinishedOneIsNotBoughtAgain() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    // A killed run of the 119th exam, of the same model: its journal names the run.
    RunSpec other = RunSpec.fromWords(List.of("--model", "demo", "--exam", "119"), RunSpec.NO_ENVIRONMENT);
    JsonNode header = JSON.createObjectNode().put("jmle_bench_journal", 1).put("model", "demo")
        .set("run_spec", other.toMetadata());
    Files.writeString(results.resolve("demo_20260101_000000.journal.jsonl"), header + "\n");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      List<String> command = List.of("run", "--model", "demo", "--base-url", server.baseUrl().toString(),
          "--dataset", SharedData.root().toAbsolutePath().toString(), "--limit", "5");
      String first = runIn(command, "first.log");
      assertThat(first).doesNotContain("Continuing").contains("Wrote results/demo_");
      assertThat(server.totalRequests()).isEqualTo(5);
      Path written = Files.list(results).filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();

      String second = runIn(command, "second.log");
      assertThat(second.strip()).isEqualTo("finished: results/" + written.getFileName() + " — "
          + ResultFiles.read(written).summary().score() + "/" + ResultFiles.read(written).summary().scoreMax()
          + "; nothing asked (--new starts another run)");
      assertThat(server.totalRequests()).as("nothing asked again").isEqualTo(5);

      List<String> fresh = new ArrayList<>(command);
      fresh.add("--new");
      assertThat(runIn(fresh, "third.log")).doesNotContain("finished:");
      assertThat(server.totalRequests()).isEqualTo(10);
      try (Stream<Path> files = Files.list(results)) {
        assertThat(files.filter(p -> p.toString().endsWith(".json"))).hasSize(2);
      }
    }
  }

  private String runIn(List<String> args, String log) throws Exception {
    Process p = CliProcess.start(dir, args, dir.resolve(log));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(dir.resolve(log));
    assertThat(p.exitValue()).as(printed).isZero();
    return printed;
  }

  @Test
  void aRejectedKeyNamesTheVariableItWasReadFromForEachApi() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null,
        MockOptions.INSTANT.withRequiredKey("the-right-key"))) {
      Process p = CliProcess.start(dir, List.of("run", "--api", "anthropic", "--model", "m", "--base-url",
          server.baseUrl().toString(), "--dataset", SharedData.root().toAbsolutePath().toString(), "--out",
          dir.resolve("a.json").toString()), dir.resolve("a.log"), Map.of("ANTHROPIC_API_KEY", "a-wrong-key",
          "OPENAI_API_KEY", ""));
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String printed = Files.readString(dir.resolve("a.log"));
      assertThat(p.exitValue()).as(printed).isEqualTo(2);
      assertThat(printed).contains("HTTP 401").contains("check the key from $ANTHROPIC_API_KEY")
          .doesNotContain("OPENAI_API_KEY").doesNotContain("a-wrong-key");
    }
  }

  @Test
  void openAiBaseUrlIsTheDefaultServerAndOpenRoutersKeyIsReadForItsHost() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Process p = CliProcess.start(dir, List.of("run", "--model", "m", "--dataset",
          SharedData.root().toAbsolutePath().toString(), "--out", dir.resolve("e.json").toString(), "--limit", "2"),
          dir.resolve("e.log"), Map.of("OPENAI_BASE_URL", server.baseUrl().toString()));
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("e.log"))).isZero();
      assertThat(server.totalRequests()).isEqualTo(2);
      assertThat(JSON.readTree(dir.resolve("e.json").toFile()).at("/metadata/base_url").asText())
          .isEqualTo(server.baseUrl().toString());
    }
    Process openRouter = CliProcess.start(dir, List.of("run", "--model", "m", "--base-url",
        "https://openrouter.ai/api/v1", "--dataset", DATASET), dir.resolve("o.log"),
        Map.of("OPENROUTER_API_KEY", "", "OPENAI_API_KEY", "an-openai-key-not-for-openrouter"));
    assertThat(openRouter.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(openRouter.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("o.log")).strip()).isEqualTo("jmle-bench: no API key for "
        + "https://openrouter.ai/api/v1: $OPENROUTER_API_KEY is not set (set it, pass --api-key-env NAME to read "
        + "another variable, or --api-key KEY)");
  }
}
