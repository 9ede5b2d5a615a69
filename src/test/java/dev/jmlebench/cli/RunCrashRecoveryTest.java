package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code run} as a real process, stops it mid-way, and continues it. */
class RunCrashRecoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** This JVM's java with the test's own classpath, running the CLI's main class. */
  private Process start(List<String> args, Path log) throws IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", cp, Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Question ids of the complete result lines in a journal, in order. */
  private static List<String> journaled(Path journal) throws IOException {
    List<String> ids = new ArrayList<>();
    if (!Files.exists(journal)) {
      return ids;
    }
    String text = Files.readString(journal);
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    for (String line : complete.split("\n")) {
      JsonNode node = line.isEmpty() ? null : JSON.readTree(line);
      if (node != null && node.has("question_id")) {
        ids.add(node.get("question_id").asText());
      }
    }
    return ids;
  }

  private static void waitForJournal(Path journal, int lines, Process p) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (journaled(journal).size() < lines) {
      assertThat(p.isAlive()).as("the run is still going").isTrue();
      assertThat(System.nanoTime()).as("journal filled in time").isLessThan(deadline);
      Thread.sleep(20);
    }
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
      Process first = start(runArgs(server, out), dir.resolve("first.log"));
      waitForJournal(journal, 60, first);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Set<String> finished = new LinkedHashSet<>(journaled(journal));
      assertThat(finished).hasSizeBetween(60, 399);
      assertThat(out).as("killed before the end: no result file yet").doesNotExist();

      Process second = start(runArgs(server, out), dir.resolve("second.log"));
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
      Process first = start(runArgs(server, out), log);
      waitForJournal(dir.resolve("run.journal.jsonl"), 40, first);
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

      Process second = start(args.subList(1, args.size()), dir.resolve("second.log"));
      assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
      assertSameFinalResultAsPublished(out, server);
      for (var r : partial.results()) {
        assertThat(server.answered(r.questionId())).as(r.questionId()).isEqualTo(1);
      }
    }
  }
}
