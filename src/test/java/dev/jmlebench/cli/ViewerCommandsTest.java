package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void serveListensOnLoopbackUnlessToldOtherwise() {
    CommandLine serve = Main.commandLine().getSubcommands().get("serve");
    assertThat(serve.getCommandSpec().findOption("--host").defaultValue()).isEqualTo("127.0.0.1");
    assertThat(serve.getCommandSpec().findOption("--port").defaultValue()).isEqualTo("8501");
  }
}
