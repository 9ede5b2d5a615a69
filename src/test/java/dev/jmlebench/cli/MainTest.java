package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path tmp;

  @Test
  void aCallThatNamesACommandBuildsOnlyThatCommand() {
    CommandLine cl = Main.commandLine(new String[] {"summary", "x.json"});
    assertThat(cl.getSubcommands()).containsOnlyKeys("summary");
  }

  @Test
  void theVersionBuildsNoCommandAndTheCommandListOnlyNamesThem() {
    assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
    assertThat(Main.commandLine(new String[] {"-V"}).getSubcommands()).isEmpty();
    // The list needs each name and summary, not the commands' options (built by reflection, slow to start).
    assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands().get("run").getCommandSpec().options())
        .isEmpty();
    assertThat(Main.commandLine(new String[0]).getSubcommands().keySet())
        .isEqualTo(Main.commandLine().getSubcommands().keySet());
    assertThat(Main.commandLine().getSubcommands().get("run").getCommandSpec().options()).isNotEmpty();
  }

  @Test
  void helpAndUnknownNamesBuildEveryCommandInTheListedOrder() {
    assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands().keySet()).containsExactly(
        "run", "continue", "dataset", "summary", "rescore", "import", "leaderboard", "compare", "robustness", "suite", "serve", "report",
        "cache", "mock-server", "bench", "generate-completion", "help");
    assertThat(Main.commandLine(new String[] {"help", "run"}).getSubcommands()).hasSize(17);
    assertThat(Main.commandLine(new String[] {"frobnicate"}).getSubcommands()).hasSize(17);
    assertThat(Main.commandLine(new String[] {"generate-completion"}).getSubcommands()).hasSize(17);
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
  void theCompletionScriptCompletesTheValuesOfOptionsThatTakeAFixedSet() throws Exception {
    Path script = Files.createTempFile(tmp, "completion", ".sh");
    Files.writeString(script, Cli.run("generate-completion").out());

    assertThat(complete(script, "run", "--image-mode", "")).containsExactly("skip", "blind", "vision");
    assertThat(complete(script, "run", "--api", "")).containsExactly("openai", "anthropic");
    assertThat(complete(script, "summary", "--exam", "11")).containsExactly("119", "116", "115", "114", "113", "112");
    assertThat(complete(script, "leaderboard", "--key", "o")).containsExactly("official");
    assertThat(complete(script, "serve", "--key", "113=")).containsExactly("113=official", "113=igakuqa");
  }

  /** What bash offers for the last word of {@code jmle-bench WORDS...} after sourcing the script. */
  private static List<String> complete(Path script, String... words) throws Exception {
    String line = "jmle-bench " + String.join(" ", words);
    String quoted = Arrays.stream(words).map(w -> "'" + w + "'").collect(Collectors.joining(" "));
    Process p = new ProcessBuilder("bash", "-c", "source '" + script + "' 2>/dev/null; COMP_WORDS=(jmle-bench "
        + quoted + "); COMP_CWORD=" + words.length + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
        + "_complete_jmle-bench 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void theCommandListGivesEachCommandOneLine() {
    Cli.Outcome r = Cli.run("--help");

    String list = r.out().substring(r.out().indexOf("Commands:\n") + "Commands:\n".length());
    assertThat(list.lines()).allMatch(l -> l.startsWith("  ") && !l.startsWith("   "),
        "every line names a command: no description wraps onto a second line")
        .hasSize(Main.commandLine().getSubcommands().size());
    assertThat(r.out().lines().skip(1).findFirst()).hasValue(
        "Benchmark LLMs on the Japanese Medical Licensing Examination (医師国家試験).");
  }

  @Test
  void onlyTheProgramOffersItsVersionEveryCommandOnlyItsHelp() {
    assertThat(Cli.run("--version").exitCode()).isZero();
    for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
      assertThat(sub.getCommandSpec().findOption("--version")).as(sub.getCommandName()).isNull();
      sub.getSubcommands().values().forEach(
          subsub -> assertThat(subsub.getCommandSpec().findOption("-V")).as(subsub.getCommandName()).isNull());
    }
    assertThat(Cli.run("summary", "-V").err()).contains("Unknown option: '-V'");
  }

  @Test
  void aMistypedRequiredOptionIsNamedAsUnknownWithADidYouMeanNotReportedAsMissing() {
    Cli.Outcome r = Cli.run("run", "--modle", "demo");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("jmle-bench: Unknown option: '--modle'\nDid you mean: jmle-bench run --model?")
        .doesNotContain("Missing required");
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
