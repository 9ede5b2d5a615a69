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
