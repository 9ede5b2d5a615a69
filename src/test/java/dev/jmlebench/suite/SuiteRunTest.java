package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code suite run} against mock servers that replay published runs: runs N at a time, one failing entry
 * stops alone, each finished entry equals a single {@code run} of it, and a suite killed or interrupted
 * mid-way and run again asks no answered question twice (the mock servers count the asks per question).
 */
class SuiteRunTest {
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private static ResultFile published(String name) {
    return ResultFiles.read(SharedData.results().resolve(name + ".json"));
  }

  private static MockServer replaying(ResultFile file, Duration latency) {
    return MockServer.start(0, SharedData.dataset(), file, MockOptions.INSTANT.withLatency(latency));
  }

  /** A port nothing listens on: the socket is closed again at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String entry(String name, ResultFile file, String baseUrl) {
    var m = file.metadata();
    return "- name: " + name + "\n  model: " + m.model() + "\n  display_name: \"" + m.displayName() + "\"\n"
        + "  base_url: " + baseUrl + "\n  image_mode: " + m.imageMode() + "\n  parallel: 4\n";
  }

  private static final String EMPTY_TABLES = "# Ours\n\n<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n\n"
      + "<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n";

  /**
   * A suite of these entries whose results go to DIR/results, and whose README is DIR/README.md. Its runs
   * grade with the author key, the key of the published files they replay (run's own default is official),
   * so a run that equals its published file also shows that the suite's key reached it.
   */
  private Path suite(String... entries) throws IOException {
    Path file = dir.resolve("suite.yaml");
    Files.writeString(dir.resolve("README.md"), EMPTY_TABLES);
    Files.writeString(file, "results_dir: " + dir.resolve("results") + "\nreadme: " + dir.resolve("README.md")
        + "\ndefaults:\n  key: author\nruns:\n" + String.join("", entries));
    return file;
  }

  private static void assertAnsweredOnceEach(MockServer server) {
    for (Question q : SharedData.dataset().questions()) {
      assertThat(server.answered(q.questionId())).as(q.questionId()).isEqualTo(1);
    }
  }

  /** The same answers, graded the same, under the same settings (timings and timestamps aside). */
  private static void assertSameRun(ResultFile a, ResultFile b) {
    assertThat(a.summary()).isEqualTo(b.summary());
    assertThat(a.metadata().model()).isEqualTo(b.metadata().model());
    assertThat(a.metadata().displayName()).isEqualTo(b.metadata().displayName());
    assertThat(a.metadata().imageMode()).isEqualTo(b.metadata().imageMode());
    assertThat(a.metadata().extraBody()).isEqualTo(b.metadata().extraBody());
    assertThat(a.metadata().extra().get("request")).isEqualTo(b.metadata().extra().get("request"));
    assertThat(a.results()).hasSameSizeAs(b.results());
    for (int i = 0; i < a.results().size(); i++) {
      QuestionResult x = a.results().get(i);
      QuestionResult y = b.results().get(i);
      assertThat(List.of(x.questionId(), x.predicted(), x.correct(), x.rawResponse()))
          .isEqualTo(List.of(y.questionId(), y.predicted(), y.correct(), y.rawResponse()));
    }
  }

  @Test
  void twoGoodRunsFinishBesideAFailingOneAndEqualTheirSingleRuns() throws IOException {
    ResultFile qwen = published("Qwen_Qwen3-32B");
    ResultFile medrect = published("pfnet_Preferred-MedRECT-32B");
    try (MockServer a = replaying(qwen, Duration.ZERO); MockServer b = replaying(medrect, Duration.ZERO)) {
      Path file = suite(entry("qwen", qwen, a.baseUrl().toString()),
          entry("gone", qwen, "http://127.0.0.1:" + closedPort() + "/v1"),
          entry("medrect", medrect, b.baseUrl().toString()));

      Cli.Outcome r = Cli.run("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET);

      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
      assertThat(r.out()).contains("Running 3 of 3 runs, 2 at a time.")
          .contains(file + ": 2 of 3 runs complete, 1 failed")
          .contains("✗ gone: stopped before asking the rest")
          .contains("✓ qwen: score " + qwen.summary().score() + "/500")
          .contains("✓ medrect: score " + medrect.summary().score() + "/500")
          .contains("Fix what is said above, then continue with:\n  ./jmle-bench suite run " + file
              + " --jobs 2 --dataset " + DATASET)
          .contains("wrote " + dir.resolve("results/leaderboard.json"))
          .contains(dir.resolve("README.md") + ": leaderboard tables not updated, the suite is not complete");
      assertThat(dir.resolve("README.md")).hasContent(EMPTY_TABLES);
      assertAnsweredOnceEach(a);
      assertAnsweredOnceEach(b);
      assertThat(dir.resolve("results/gone.json")).doesNotExist();

      // Each equals what a single `run` of the same settings writes (run after, so counts go to 2).
      for (var c : List.of(new Object[] {"qwen", qwen, a}, new Object[] {"medrect", medrect, b})) {
        ResultFile file0 = (ResultFile) c[1];
        MockServer server = (MockServer) c[2];
        Path single = dir.resolve("single-" + c[0] + ".json");
        Cli.Outcome run = Cli.run("run", "--model", file0.metadata().model(), "--display-name",
            file0.metadata().displayName(), "--base-url", server.baseUrl().toString(), "--image-mode",
            file0.metadata().imageMode(), "--parallel", "4", "--key", "author", "--out", single.toString(),
            "--dataset", DATASET);
        assertThat(run.exitCode()).as(run.err()).isZero();
        ResultFile ofSuite = ResultFiles.read(dir.resolve("results/" + c[0] + ".json"));
        assertThat(ofSuite.metadata().extra().get(ResultSchema.Metadata.ANSWER_KEY).asText()).isEqualTo("author");
        assertSameRun(ofSuite, ResultFiles.read(single));
        assertSameRun(ResultFiles.read(single).withMetadata(file0.metadata()), file0.withMetadata(file0.metadata()));
      }

      // Run again: the done ones are kept as they are, nothing is asked, the failing one fails again.
      long before = a.totalRequests() + b.totalRequests();
      Cli.Outcome again = Cli.run("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET);
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.out()).contains("✓ qwen: done already (400/400), kept")
          .contains("✓ medrect: done already (400/400), kept").contains("Running 1 of 3 runs");
      assertThat(a.totalRequests() + b.totalRequests()).isEqualTo(before);

      Cli.Outcome status = Cli.run("suite", "status", file.toString(), "--dataset", DATASET);
      assertThat(status.exitCode()).isEqualTo(1);
      assertThat(status.out()).containsPattern("done +qwen +400/400")
          .containsPattern("missing +gone +0/400").containsPattern("done +medrect +400/400")
          .contains(file + ": 2 done, 1 missing");
    }
  }

  @Test
  void aRejectedKeyAndAMissingKeyVariableStopOnlyTheirRunsAndNoKeyIsShown() throws IOException {
    String key = System.getenv("PATH"); // a variable every test machine has, standing in for a key
    MockOptions wantsAnotherKey = MockOptions.INSTANT.withRequiredKey("sk-the-right-one");
    ResultFile qwen = published("Qwen_Qwen3-32B");
    try (MockServer strict = MockServer.start(0, SharedData.dataset(), qwen, wantsAnotherKey)) {
      Path file = suite(entry("rejected", qwen, strict.baseUrl().toString()) + "  api_key_env: PATH\n",
          entry("unset", qwen, "https://api.example.invalid/v1") + "  api_key_env: JMLE_BENCH_TEST_NO_SUCH_VARIABLE\n");

      // Neither variable is a key variable's name: the user lets the suite send them.
      Cli.Outcome r = Cli.run("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET,
          "--allow-env", "PATH,JMLE_BENCH_TEST_NO_SUCH_VARIABLE");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).contains(file + ": 0 of 2 runs complete, 2 failed")
          .contains("✗ rejected: stopped before asking the rest: the first requests failed with HTTP 401")
          .contains("✗ unset: no API key for https://api.example.invalid/v1: $JMLE_BENCH_TEST_NO_SUCH_VARIABLE is not "
              + "set");
      assertThat(r.out() + r.err()).doesNotContain(key);
      assertThat(strict.totalRequests()).as("the run stops at its first rejected requests").isLessThan(20);
    }
  }

  @Test
  void aSuiteKilledMidwayAndRunAgainAsksNoAnsweredQuestionTwice() throws Exception {
    ResultFile qwen = published("Qwen_Qwen3-32B");
    ResultFile medrect = published("pfnet_Preferred-MedRECT-32B");
    try (MockServer a = replaying(qwen, Duration.ofMillis(30)); MockServer b = replaying(medrect, Duration.ofMillis(30))) {
      Path file = suite(entry("qwen", qwen, a.baseUrl().toString()), entry("medrect", medrect, b.baseUrl().toString()));
      Path qwenJournal = dir.resolve("results/qwen.journal.jsonl");
      Path medrectJournal = dir.resolve("results/medrect.journal.jsonl");

      Process first = CliProcess.start(List.of("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET),
          dir.resolve("first.log"));
      CliProcess.waitForJournal(qwenJournal, 40, first, PATIENCE);
      CliProcess.waitForJournal(medrectJournal, 40, first, PATIENCE);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Set<String> qwenDone = new LinkedHashSet<>(CliProcess.journaled(qwenJournal));
      Set<String> medrectDone = new LinkedHashSet<>(CliProcess.journaled(medrectJournal));
      assertThat(qwenDone).hasSizeBetween(40, 399);
      assertThat(medrectDone).hasSizeBetween(40, 399);

      Cli.Outcome status = Cli.run("suite", "status", file.toString(), "--dataset", DATASET);
      assertThat(status.out()).containsPattern("partial +qwen +" + qwenDone.size() + "/400")
          .containsPattern("partial +medrect +" + medrectDone.size() + "/400");

      Cli.Outcome second = Cli.run("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET);
      assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
      assertThat(ResultFiles.read(dir.resolve("results/qwen.json")).summary()).isEqualTo(qwen.summary());
      assertThat(ResultFiles.read(dir.resolve("results/medrect.json")).summary()).isEqualTo(medrect.summary());
      for (String id : qwenDone) {
        assertThat(a.answered(id)).as("qwen %s was journaled before the kill", id).isEqualTo(1);
      }
      for (String id : medrectDone) {
        assertThat(b.answered(id)).as("medrect %s was journaled before the kill", id).isEqualTo(1);
      }
      assertThat(qwenJournal).doesNotExist();
      assertThat(medrectJournal).doesNotExist();
    }
  }

  @Test
  void anInterruptedSuiteSavesEveryRunAndPrintsTheCommandThatContinuesIt() throws Exception {
    ResultFile qwen = published("Qwen_Qwen3-32B");
    ResultFile medrect = published("pfnet_Preferred-MedRECT-32B");
    try (MockServer a = replaying(qwen, Duration.ofMillis(30)); MockServer b = replaying(medrect, Duration.ofMillis(30))) {
      Path file = suite(entry("qwen", qwen, a.baseUrl().toString()), entry("medrect", medrect, b.baseUrl().toString()));
      Path log = dir.resolve("first.log");
      Process first = CliProcess.start(List.of("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET),
          log);
      CliProcess.waitForJournal(dir.resolve("results/qwen.journal.jsonl"), 20, first, PATIENCE);
      CliProcess.waitForJournal(dir.resolve("results/medrect.journal.jsonl"), 20, first, PATIENCE);
      first.destroy(); // SIGTERM runs the shutdown hooks, as Ctrl-C's SIGINT does
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

      String printed = Files.readString(log);
      assertThat(printed).contains("Interrupted: each run's answers so far are saved");
      String command = printed.lines().filter(l -> l.startsWith("  ./jmle-bench suite run ")).findFirst().orElseThrow();
      List<String> args = Arrays.asList(command.strip().split(" "));
      assertThat(args.subList(1, args.size()))
          .containsExactly("suite", "run", file.toString(), "--jobs", "2", "--dataset", DATASET);
      ResultFile qwenPartial = ResultFiles.read(dir.resolve("results/qwen.json"));
      ResultFile medrectPartial = ResultFiles.read(dir.resolve("results/medrect.json"));
      assertThat(qwenPartial.results().size()).isBetween(20, 399);

      Cli.Outcome second = Cli.run(args.subList(1, args.size()).toArray(String[]::new));
      assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
      assertThat(ResultFiles.read(dir.resolve("results/qwen.json")).summary()).isEqualTo(qwen.summary());
      assertThat(ResultFiles.read(dir.resolve("results/medrect.json")).summary()).isEqualTo(medrect.summary());
      qwenPartial.results().forEach(r -> assertThat(a.answered(r.questionId())).as(r.questionId()).isEqualTo(1));
      medrectPartial.results().forEach(r -> assertThat(b.answered(r.questionId())).as(r.questionId()).isEqualTo(1));
      // Complete now: the README named by the suite gets both runs' rows.
      assertThat(Files.readString(dir.resolve("README.md")))
          .contains("| **Qwen3-32B** | - | " + qwen.summary().score() + "/500 (")
          .contains("| **Preferred-MedRECT-32B** | - | " + medrect.summary().score() + "/500 (");
    }
  }
}
