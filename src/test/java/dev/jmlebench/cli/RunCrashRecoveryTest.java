package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        "--dataset", SharedData.root().toString(), "--out", out.toString(), "--parallel", "4", "--key", "author");
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
          + ". The same command again continues it, as does:");
      // The short command: the file records the run (its dataset, outside the cache, is the one thing to say).
      String command = printed.lines().filter(l -> l.startsWith("  ./jmle-bench continue ")).findFirst().orElseThrow();
      List<String> args = Arrays.asList(command.strip().split(" "));
      assertThat(args).containsExactly("./jmle-bench", "continue", out.toString(), "--dataset",
          SharedData.root().toString());

      Process second = CliProcess.start(args.subList(1, args.size()), dir.resolve("second.log"));
      assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
      assertSameFinalResultAsPublished(out, server);
      for (var r : partial.results()) {
        assertThat(server.answered(r.questionId())).as(r.questionId()).isEqualTo(1);
      }
    }
  }

  @Test
  void aRunStoppedBeforeItAsksLeavesNoLockFile() throws Exception {
    try (MockServer server = slowServer()) {
      // A named pipe as the earlier result file: reading it blocks until a writer comes, holding the run where it
      // has taken its lock and not yet begun to ask — where a Ctrl-C left the lock file behind.
      Path out = dir.resolve("run.json");
      Process mkfifo = new ProcessBuilder("mkfifo", out.toString()).start();
      assertThat(mkfifo.waitFor()).isZero();
      Process first = CliProcess.start(runArgs(server, out), dir.resolve("first.log"));
      Path lock = dir.resolve("run.lock");
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      // Linux names what a thread waits in: opening a pipe no one writes to is 'wait_for_partner'.
      while (!Files.exists(lock) || !waitsToOpenAPipe(first.pid())) {
        assertThat(first.isAlive()).as(Files.readString(dir.resolve("first.log"))).isTrue();
        assertThat(System.nanoTime()).as("the lock is taken and the run reads the pipe").isLessThan(deadline);
        Thread.sleep(20);
      }
      first.destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(lock).as("released and removed at the stop").doesNotExist();
      assertThat(server.totalRequests()).isZero();
    }
  }

  @Test
  void aRunStartedWithNewIsNotSaidToBeContinuedByTheSameCommand() throws Exception {
    try (MockServer server = slowServer()) {
      List<String> fresh = List.of("run", "--model", "Qwen/Qwen3-32B", "--base-url", server.baseUrl().toString(),
          "--dataset", SharedData.root().toAbsolutePath().toString(), "--parallel", "4", "--new");
      Path results = dir.resolve("results");
      Process first = CliProcess.start(dir, fresh, dir.resolve("first.log"));
      CliProcess.waitForJournal(onlyJournal(results, first), 10, first, PATIENCE);
      first.destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // The same command, --new and all, would start yet another file.
      assertThat(Files.readString(dir.resolve("first.log"))).contains("The same command without --new continues it, as does:")
          .doesNotContain("The same command again continues it");
    }
  }

  @Test
  void theIdenticalCommandAfterCtrlCOrAKillFindsTheUnfinishedRunAndContinuesIt() throws Exception {
    try (MockServer server = slowServer()) {
      // The author key: the published file's grading, which the continued run must end with.
      List<String> identical = List.of("run", "--model", "Qwen/Qwen3-32B", "--base-url", server.baseUrl().toString(),
          "--dataset", SharedData.root().toAbsolutePath().toString(), "--parallel", "4", "--key", "author");
      Path results = dir.resolve("results");
      Process first = CliProcess.start(dir, identical, dir.resolve("first.log"));
      CliProcess.waitForJournal(onlyJournal(results, first), 40, first, PATIENCE);
      first.destroy(); // Ctrl-C: the result file is written, the journal kept
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Path out = onlyResultFile(results);
      List<String> savedByFirst = ResultFiles.read(out).results().stream().map(r -> r.questionId()).toList();
      int saved = savedByFirst.size();

      Process second = CliProcess.start(dir, identical, dir.resolve("second.log"));
      CliProcess.waitForJournal(journalOf(out), saved + 40, second, PATIENCE);
      second.destroyForcibly(); // a kill: only the journal has the new answers

      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Set<String> paidFor = new LinkedHashSet<>(CliProcess.journaled(journalOf(out)));
      // Asked so far. A request in flight when a run stops is counted by the server but saved by no one, and is
      // asked again by the next run (up to --parallel of them): what is saved must never be.
      Map<String, Integer> askedBeforeTheThird = new LinkedHashMap<>();
      paidFor.forEach(id -> askedBeforeTheThird.put(id, server.answered(id)));
      for (String id : savedByFirst) {
        assertThat(server.answered(id)).as("%s was saved by the first run: the second never asked it", id)
            .isEqualTo(1);
      }

      Process otherOptions = CliProcess.start(dir, List.of("run", "--model", "Qwen/Qwen3-32B", "--base-url",
          server.baseUrl().toString(), "--dataset", SharedData.root().toAbsolutePath().toString(), "--blocks", "F"),
          dir.resolve("other.log"));
      assertThat(otherOptions.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(dir.resolve("other.log"))).as("other options: a new run").doesNotContain("Continuing");

      Process third = CliProcess.start(dir, identical, dir.resolve("third.log"));
      assertThat(third.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      String printed = Files.readString(dir.resolve("third.log"));
      assertThat(third.exitValue()).as(printed).isZero();

      String continuing = "Continuing the unfinished run in " + Path.of("results").resolve(out.getFileName())
          + " (this very run; --new starts another).";
      assertThat(Files.readString(dir.resolve("second.log"))).contains(continuing);
      assertThat(printed).contains(continuing);
      assertThat(journalOf(out)).doesNotExist();
      ResultFile written = ResultFiles.read(out);
      assertThat(written.results()).hasSize(400);
      assertThat(written.summary()).isEqualTo(published.summary());
      for (String id : paidFor) {
        if (!id.startsWith("120F")) { // the run with other options (--blocks F) is a new run that asks them
          assertThat(server.answered(id)).as("%s was saved before a stop: never asked again", id)
              .isEqualTo(askedBeforeTheThird.get(id));
        }
      }
    }
  }

  private static Path journalOf(Path out) {
    String name = out.getFileName().toString();
    return out.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".journal.jsonl");
  }

  /** Whether a thread of the process is blocked opening a named pipe (Linux: its wchan is wait_for_partner). */
  private static boolean waitsToOpenAPipe(long pid) throws IOException {
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      return tasks.anyMatch(t -> {
        try {
          return Files.readString(t.resolve("wchan")).strip().equals("wait_for_partner");
        } catch (IOException gone) {
          return false;
        }
      });
    }
  }

  private static Path onlyJournal(Path results, Process p) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      if (Files.isDirectory(results)) {
        try (var files = Files.list(results)) {
          List<Path> journals = files.filter(f -> f.toString().endsWith(".journal.jsonl")).toList();
          if (!journals.isEmpty()) {
            assertThat(journals).hasSize(1);
            return journals.get(0);
          }
        }
      }
      assertThat(p.isAlive()).as("the run is still going").isTrue();
      assertThat(System.nanoTime()).as("journal started in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static Path onlyResultFile(Path results) throws IOException {
    try (var files = Files.list(results)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertThat(json).hasSize(1);
      return json.get(0);
    }
  }
}
