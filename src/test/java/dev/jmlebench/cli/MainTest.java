package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void aCallThatNamesACommandBuildsOnlyThatCommand() {
    CommandLine cl = Main.commandLine(new String[] {"summary", "x.json"});
    assertThat(cl.getSubcommands()).containsOnlyKeys("summary");
  }

  @Test
  void helpAndUnknownNamesBuildEveryCommandInTheListedOrder() {
    assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands().keySet()).containsExactly(
        "run", "dataset", "summary", "rescore", "import", "leaderboard", "compare", "suite", "serve", "report",
        "cache", "mock-server", "bench", "generate-completion", "help");
    assertThat(Main.commandLine(new String[] {"help", "run"}).getSubcommands()).hasSize(15);
    assertThat(Main.commandLine(new String[] {"frobnicate"}).getSubcommands()).hasSize(15);
    assertThat(Main.commandLine(new String[] {"generate-completion"}).getSubcommands()).hasSize(15);
  }

  @Test
  void theLazilyBuiltCommandRunsLikeTheFullOne() {
    StringWriter out = new StringWriter();
    String file = SharedData.results().resolve("openai_gpt-5.2.json").toString();
    CommandLine cl = Main.commandLine(new String[] {"summary", "--key", "author", "--dataset", SharedData.root().toString(), file});
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute("summary", "--key", "author", "--dataset", SharedData.root().toString(), file)).isZero();
    assertThat(out.toString()).contains("Score      488/500 (97.6%)   PASS");
  }

  @Test
  void generateCompletionPrintsABashAndZshScriptThatCompletesEveryCommandAndOption() {
    Cli.Outcome r = Cli.run("generate-completion");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F _complete_jmle-bench", "autoload -U +X bashcompinit")
        .contains("mock-server", "leaderboard", "--image-mode", "--extra-body");
  }

  @Test
  void aMistypedCommandOrOptionGetsADidYouMean() {
    Cli.Outcome command = Cli.run("leaderbord");
    Cli.Outcome option = Cli.run("summary", "--datset", "x");

    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err()).contains("Did you mean: jmle-bench leaderboard?");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).contains("Did you mean: jmle-bench summary --dataset?");
  }
}
