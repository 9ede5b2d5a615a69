package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The command reference (docs/CLI.md) shows every command's --help exactly as picocli prints it, so the two
 * cannot drift apart. With {@code -Djmle.cli.regenerate=true} it first rewrites each help block of
 * docs/CLI.md from picocli (a block is found by its first line, {@code Usage: jmle-bench COMMAND [}).
 */
class ReadmeDocumentsEveryCommandTest {
  static final Path REFERENCE = Path.of("docs", "CLI.md");
  private static final Pattern HELP_BLOCK = Pattern.compile("```text\n(Usage: (jmle-bench[a-z -]*?) \\[.*?)\n```",
      Pattern.DOTALL);

  static List<String> commands() {
    List<String> names = new ArrayList<>();
    collect(Main.commandLine(), names);
    return names;
  }

  private static void collect(CommandLine cl, List<String> names) {
    names.add(cl.getCommandSpec().qualifiedName());
    cl.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        collect(sub, names);
      }
    });
  }

  static String usage(String qualifiedName) {
    CommandLine cl = Main.commandLine();
    for (String part : qualifiedName.split(" ")) {
      if (!part.equals("jmle-bench")) {
        cl = cl.getSubcommands().get(part);
      }
    }
    return cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
  }

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (!Boolean.getBoolean("jmle.cli.regenerate")) {
      return;
    }
    List<String> known = commands();
    String text = Files.readString(REFERENCE);
    Matcher m = HELP_BLOCK.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String replacement = known.contains(name) ? "```text\n" + usage(name) + "\n```" : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    Files.writeString(REFERENCE, out.toString());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void theCommandReferenceShowsTheHelpOf(String qualifiedName) throws IOException {
    assertThat(Files.readString(REFERENCE))
        .as("docs/CLI.md must show `%s --help` in a ```text block (a new command needs a block starting "
            + "`Usage: %s [`; -Djmle.cli.regenerate=true rewrites existing ones)", qualifiedName, qualifiedName)
        .contains("```text\n" + usage(qualifiedName) + "\n```");
  }
}
