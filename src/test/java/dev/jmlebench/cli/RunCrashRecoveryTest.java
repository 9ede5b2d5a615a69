package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.SharedData;
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

/** Runs {@code run} as a real process, stops it mid-way, and continues it. */
class RunCrashRecoveryTest {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path dir;
  private final ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));

  private MockServer slowServer() {
    return MockServer.start(0, SharedData.dataset(), published, MockOptions.INSTANT.withLatency(Duration.ofMillis(30)));
  }

  private List<String> runArgs(MockServer server, Path out) {
    return List.of("run", "--model", "Qwen/Qwen3-32B", "--base-url", server.baseUrl().toString(),
        "--dataset", SharedData.root().toString(), "--out", out.toString(), "--parallel", "4");
  }

  private void assertSameFinalResultAsPublished(Path out, MockServer server) {
    ResultFile written = ResultFiles.read(out);
    assertThat(written.results()).hasSize(400);
    assertThat(written.summary()).isEqualTo(published.summary());
    for (Question q : SharedData.dataset().questions()) {
      assertThat(server.answered(q.questionId())).as(q.questionId()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void aRunKilledMidwayAndRunAgainGetsTheSameResultAndAsksNoFinishedQuestionTwice() throws Exception {
    try (MockServer server = slowServer()) {
      Path out = dir.resolve("run.json");
      Path journal = dir.resolve("run.journal.jsonl");
      Process first = CliProcess.start(runArgs(server, out), dir.resolve("first.log"));
      CliProcess.waitForJournal(journal, 60, first, PATIENCE);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Set<String> finished = new LinkedHashSet<>(CliProcess.journaled(journal));
      assertThat(finished).hasSizeBetween(60, 399);
      assertThat(out).as("killed before the end: no result file yet").doesNotExist();

      Process second = CliProcess.start(runArgs(server, out), dir.resolve("second.log"));
      assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

      assertSameFinalResultAsPublished(out, server);
      for (String id : finished) {
        assertThat(server.answered(id)).as("%s was journaled before the kill", id).isEqualTo(1);
      }
      assertThat(Files.readString(dir.resolve("second.log")))
          .contains("Asking " + (400 - finished.size()) + " of 400 questions (" + finished.size() + " kept from earlier).");
      assertThat(journal).as("journal removed once the file is complete").doesNotExist();
    }
  }

  @Test
  void anInterruptedRunSavesWhatItHasAndPrintsTheCommandThatContinuesIt() throws Exception {
    try (MockServer server = slowServer()) {
      Path out = dir.resolve("run.json");
      Path log = dir.resolve("first.log");
      Process first = CliProcess.start(runArgs(server, out), log);
      CliProcess.waitForJournal(dir.resolve("run.journal.jsonl"), 40, first, PATIENCE);
      first.destroy(); // SIGTERM runs the shutdown hooks, as Ctrl-C's SIGINT does
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

      String printed = Files.readString(log);
      ResultFile partial = ResultFiles.read(out);
      assertThat(partial.results().size()).isBetween(40, 399);
      assertThat(printed).contains("Interrupted: " + partial.results().size() + " of 400 questions saved to " + out
          + ". Continue with:");
      String command = printed.lines().filter(l -> l.startsWith("  ./jmle-bench run ")).findFirst().orElseThrow();
      List<String> args = Arrays.asList(command.strip().split(" "));
      assertThat(args).containsSequence("--resume", out.toString()).doesNotContain("--api-key");

      Process second = CliProcess.start(args.subList(1, args.size()), dir.resolve("second.log"));
      assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
      assertSameFinalResultAsPublished(out, server);
      for (var r : partial.results()) {
        assertThat(server.answered(r.questionId())).as(r.questionId()).isEqualTo(1);
      }
    }
  }
}
