package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.SharedData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ViewerCommandsTest {
  @TempDir Path temp;

  @Test
  void reportWritesASiteAndSaysWhereToOpenIt() {
    Path out = temp.resolve("site");
    Cli.Outcome o = Cli.run("report", "--out", out.toString(), "--results", SharedData.results().toString(),
        "--dataset", SharedData.root().toString());
    assertThat(o.exitCode()).as(o.err()).isEqualTo(Main.OK);
    assertThat(o.out()).contains("8 result files").contains("110 images").contains(out.resolve("index.html").toUri().toString());
    assertThat(out.resolve("index.html")).exists();
  }

  @Test
  void reportOfAFolderOfTwoExamsFindsEachExamsDatasetAsLeaderboardDoes() throws Exception {
    Path results = Files.createDirectories(temp.resolve("results"));
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), results.resolve("Qwen_Qwen3-32B.json"));
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import", "igakuqa119", "--dataset",
        SharedData.root119().toString(), "--out", results.resolve("pfn-119.json").toString()));
    try (var s = Files.list(SharedData.root119().resolve("answers/demo"))) {
      s.filter(p -> p.getFileName().toString().matches("119[A-F]_.+\\.json")).sorted().forEach(p -> args.add(p.toString()));
    }
    assertThat(Cli.run(args.toArray(String[]::new)).exitCode()).isZero();
    Path out = temp.resolve("site");
    Cli.Outcome o = Cli.run("report", "--out", out.toString(), "--results", results.toString(),
        "--dataset", SharedData.root().toString(), "--dataset", SharedData.root119().toString());
    assertThat(o.exitCode()).as(o.err()).isEqualTo(Main.OK);
    assertThat(o.out()).contains("2 result files of exams 120, 119");
    assertThat(out.resolve("data/index.js")).content().contains("\"exams\":[{\"id\":\"120\"");
    assertThat(out.resolve("data/exam/119/index.js")).content().contains("\"id\":\"119\"");
    assertThat(out.resolve("data/exams.js")).exists();
    // --exam names one exam: a folder that holds another is refused in one line.
    Cli.Outcome one = Cli.run("report", "--out", temp.resolve("site2").toString(), "--results", results.toString(),
        "--exam", "119", "--dataset", SharedData.root119().toString());
    assertThat(one.exitCode()).isEqualTo(Main.USAGE);
    assertThat(one.err().strip()).doesNotContain("\n").contains("--exam 119").contains("exam 120");
  }

  /**
   * A stop while the site is being written (SIGTERM, as {@code kill} or a CI timeout sends it) leaves neither the
   * half-written site nor its staging folder beside {@code --out}: the shutdown hook removes what was begun.
   */
  @Test
  void aReportStoppedWhileWritingLeavesNoStagingFolder() throws Exception {
    Path out = temp.resolve("site");
    Process p = dev.jmlebench.testing.CliProcess.start(java.util.List.of("report", "--out", out.toString(),
        "--results", SharedData.results().toString(), "--dataset", SharedData.root().toString()),
        temp.resolve("report.log"));
    try {
      // Wait until the staging folder holds data documents: the report is then writing.
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (!writingData(temp)) {
        assertThat(p.isAlive()).as("report still running: %s", Files.readString(temp.resolve("report.log"))).isTrue();
        assertThat(System.nanoTime()).as("staging began in time").isLessThan(deadline);
        Thread.sleep(10);
      }
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    try (var left = Files.list(temp)) {
      assertThat(left.map(f -> f.getFileName().toString()))
          .as("beside --out after the stop").containsExactly("report.log");
    }
  }

  private static boolean writingData(Path parent) throws java.io.IOException {
    try (var s = Files.list(parent)) {
      return s.anyMatch(d -> d.getFileName().toString().startsWith(".site.tmp-") && Files.isDirectory(d.resolve("data/answer")));
    }
  }

  /**
   * {@code serve} follows its folder as {@code inspect view} does: a result file written after it started is
   * shown without a restart, and a run under way shows its progress from the journal beside its result file.
   */
  @Test
  void serveShowsAResultFileWrittenAfterItStartedAndARunUnderWay() throws Exception {
    Path results = Files.createDirectories(temp.resolve("results"));
    Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), results.resolve("gpt.json"));
    Path log = temp.resolve("serve.log");
    Process p = dev.jmlebench.testing.CliProcess.start(java.util.List.of("serve", "--port", "0",
        "--results", results.toString(), "--dataset", SharedData.root().toString()), log);
    try {
      String base = awaitValue(() -> {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)")
            .matcher(Files.readString(log));
        return m.find() ? m.group(1) : null;
      }, p, log);
      Path staged = temp.resolve("qwen.json");
      Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), staged);
      Files.move(staged, results.resolve("qwen.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      awaitValue(() -> get(base + "api/index").contains("\"id\":\"qwen\"") ? "shown" : null, p, log);

      Files.writeString(results.resolve("next.lock"), ProcessHandle.current().pid() + "\n");
      Files.writeString(results.resolve("next.journal.jsonl"),
          "{\"jmle_bench_journal\":1,\"model\":\"vendor/next\",\"total_questions\":400}\n"
          + "{\"question_id\":\"120A-1\",\"predicted\":[\"a\"],\"gold\":[\"a\"],\"correct\":true,"
          + "\"raw_response\":\"【回答】a\",\"parse_success\":true,\"error\":null,\"wall_ms\":2000}\n");
      String live = awaitValue(() -> {
        String body = get(base + "live");
        return body.contains("\"answered\":1") ? body : null;
      }, p, log);
      assertThat(live).contains("\"model\":\"vendor/next\"").contains("\"total_questions\":400").contains("\"running\":true");
    } finally {
      p.destroy();
      p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static String get(String url) throws Exception {
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(10)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? r.body() : "";
  }

  /** Polls {@code probe} until it gives a value, while the process lives, for at most a minute. */
  private static String awaitValue(java.util.concurrent.Callable<String> probe, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (true) {
      String value = probe.call();
      if (value != null) {
        return value;
      }
      assertThat(p.isAlive()).as("serve still running: %s", Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("shown in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void aMissingResultsFolderIsOneLineAndExitTwo() {
    Cli.Outcome o = Cli.run("report", "--out", temp.resolve("site").toString(),
        "--results", temp.resolve("nowhere").toString(), "--dataset", SharedData.root().toString());
    assertThat(o.exitCode()).isEqualTo(Main.USAGE);
    assertThat(o.err().strip()).doesNotContain("\n").contains("--results").contains("no such folder");
    assertThat(temp.resolve("site")).doesNotExist();
  }

  @Test
  void aFolderOfSomethingElseIsNotOverwritten() throws Exception {
    Path out = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(out.resolve("index.html"), "my page");
    Cli.Outcome o = Cli.run("report", "--out", out.toString(), "--results", SharedData.results().toString(),
        "--dataset", SharedData.root().toString());
    assertThat(o.exitCode()).isEqualTo(Main.USAGE);
    assertThat(o.err().strip()).doesNotContain("\n").contains("not empty");
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("my page");
  }

  @Test
  void serveOnAPortInUseSaysSoInOneLineWithoutTheServersOwnLog() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path log = temp.resolve("serve.log");
      Process p = CliProcess.start(List.of("serve", "--results", SharedData.results().toString(), "--dataset",
          SharedData.root().toString(), "--port", String.valueOf(busy.getLocalPort())), log);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("serve gave up").isTrue();
      assertThat(p.exitValue()).isEqualTo(Main.USAGE);
      assertThat(Files.readString(log)).isEqualTo("jmle-bench: --port " + busy.getLocalPort() + " on 127.0.0.1: "
          + "cannot listen there (in use, or not an address of this machine); pass another --port or --host\n");
    }
  }

  @Test
  void serveListensOnLoopbackUnlessToldOtherwise() {
    CommandLine serve = Main.commandLine().getSubcommands().get("serve");
    assertThat(serve.getCommandSpec().findOption("--host").defaultValue()).isEqualTo("127.0.0.1");
    assertThat(serve.getCommandSpec().findOption("--port").defaultValue()).isEqualTo("8501");
  }
}
