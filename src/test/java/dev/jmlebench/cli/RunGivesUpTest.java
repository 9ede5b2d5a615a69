package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.Outcome;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.HostileServer;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run against a server that fails every request the same way stops after a round of answers (the circuit
 * breaker), in one line that says why and how to continue, and leaves no result file of errors behind.
 */
@Timeout(120)
class RunGivesUpTest {
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private Cli.Outcome run(HostileServer server, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--model", "m", "--base-url",
        server.baseUrl().toString(), "--dataset", DATASET, "--out", out.toString(), "--parallel", "8"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static HostileServer.Behaviour status(int status, String message) {
    return (r, out) -> HostileServer.json(out, status, Map.of(), "{\"error\":{\"message\":\"" + message + "\"}}");
  }

  private List<Path> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  @Test
  void aServerAnswering502ToEverythingIsGivenUpOnAfterARoundOfQuestionsAndNoFileIsWritten() throws Exception {
    try (HostileServer server = HostileServer.start(status(502, "Bad Gateway"))) {
      Path out = dir.resolve("results/m.json");
      long start = System.nanoTime();
      Cli.Outcome r = run(server, out, "--max-retries", "1");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err().lines().toList()).hasSize(1);
      assertThat(r.err()).startsWith("jmle-bench: stopped: the last 8 questions all failed the same way (HTTP 502: "
          + "Bad Gateway), so the rest would too — nothing saved, no result file written; the server seems down or "
          + "overloaded, then run the same command again").doesNotContain("Exception");
      // 8 questions through their retry, and the next round's first requests at most: never 400 questions.
      assertThat(server.requests()).isBetween(16, 40);
      assertThat(seconds).as("seconds, where asking all 400 with a 1 s backoff takes 50").isLessThan(20);
      assertThat(filesIn(dir.resolve("results"))).as("no result file, no journal, no lock").isEmpty();
    }
  }

  @Test
  void aServerRejectingEveryQuestionTheSameWayStopsTheRunWithThatMessage() throws Exception {
    try (HostileServer server = HostileServer.start(status(400, "not a question of the dataset"))) {
      Path out = dir.resolve("results/m.json");
      Cli.Outcome r = run(server, out);

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("the last 8 questions all failed the same way (HTTP 400: not a question of the "
          + "dataset)").contains("check --base-url, --model and --extra-body");
      assertThat(server.requests()).as("400s are not retried: a round of questions, not the exam").isLessThan(30);
      assertThat(filesIn(dir.resolve("results"))).isEmpty();
    }
  }

  @Test
  void aServerThatBreaksDownMidwayStopsTheRunWhichKeepsWhatWasAnsweredAndContinuesLater() throws Exception {
    AtomicInteger answered = new AtomicInteger();
    Map<String, Integer> asked = new ConcurrentHashMap<>(); // by request body: one per question
    HostileServer.Behaviour flaky = (r, out) -> {
      if (answered.get() >= 60) {
        HostileServer.json(out, 503, Map.of(), "{\"error\":{\"message\":\"upstream unavailable\"}}");
        return;
      }
      answered.incrementAndGet();
      asked.merge(r.body(), 1, Integer::sum);
      HostileServer.json(out, 200, Map.of(), HostileServer.completion("【回答】a", null, "stop"));
    };
    try (HostileServer server = HostileServer.start(flaky)) {
      Path out = dir.resolve("run.json");
      Cli.Outcome r = run(server, out, "--max-retries", "0");

      assertThat(r.exitCode()).isEqualTo(2);
      String line = r.err().strip();
      assertThat(line).contains("the last 8 questions all failed the same way (HTTP 503: upstream unavailable)")
          .contains("60 answers saved to " + out + "; when the server answers again, continue with: ");
      ResultFile saved = ResultFiles.read(out);
      assertThat(saved.results().stream().filter(q -> q.outcome() != Outcome.ERROR)).hasSize(60);
      assertThat(Files.exists(dir.resolve("run.journal.jsonl"))).as("journal kept to continue from").isTrue();

      answered.set(Integer.MIN_VALUE); // healthy again
      String command = line.substring(line.indexOf("continue with: ") + "continue with: ".length());
      List<String> args = Arrays.asList(command.split(" "));
      Cli.Outcome again = Cli.run(args.subList(1, args.size()).toArray(String[]::new));

      assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
      assertThat(ResultFiles.read(out).results()).hasSize(400)
          .allSatisfy(q -> assertThat(q.error()).isNull());
      assertThat(asked).as("every question asked, none answered twice").hasSize(400)
          .allSatisfy((body, n) -> assertThat(n).isEqualTo(1));
    }
  }

  @Test
  void ctrlCSavesWhatTheJournalHoldsSaysSoExactlyAndLeavesNoLockBehind() throws Exception {
    // Answers trickle in; Ctrl-C (SIGTERM runs the same hook) comes while 8 requests are in flight.
    HostileServer.Behaviour slow = (r, out) -> {
      Thread.sleep(150);
      HostileServer.json(out, 200, Map.of(), HostileServer.completion("【回答】a", null, "stop"));
    };
    try (HostileServer server = HostileServer.start(slow)) {
      Path out = dir.resolve("run.json");
      Path journal = dir.resolve("run.journal.jsonl");
      Process p = CliProcess.start(List.of("run", "--model", "m", "--base-url", server.baseUrl().toString(),
          "--dataset", DATASET, "--out", out.toString(), "--parallel", "8"), dir.resolve("run.log"));
      CliProcess.waitForJournal(journal, 40, p, java.time.Duration.ofMinutes(1));
      p.destroy();
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      String printed = Files.readString(dir.resolve("run.log"));
      List<String> journaled = CliProcess.journaled(journal);
      ResultFile saved = ResultFiles.read(out);
      assertThat(saved.results()).hasSize(journaled.size());
      assertThat(saved.results().stream().map(q -> q.questionId()).toList())
          .containsExactlyInAnyOrderElementsOf(journaled);
      assertThat(printed).contains("Interrupted: " + journaled.size() + " of 400 questions saved to " + out);
      assertThat(printed).contains("Stopping: waiting up to 5 s for the ");
      assertThat(dir.resolve("run.lock")).as("no stale lock after Ctrl-C").doesNotExist();
    }
  }
}
