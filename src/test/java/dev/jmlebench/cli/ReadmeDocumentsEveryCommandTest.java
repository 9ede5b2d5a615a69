package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The README shows every command's --help exactly as picocli prints it, so the two cannot drift apart. */
class ReadmeDocumentsEveryCommandTest {
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

  @ParameterizedTest
  @MethodSource("commands")
  void theReadmeShowsTheHelpOf(String qualifiedName) throws IOException {
    CommandLine cl = Main.commandLine();
    for (String part : qualifiedName.split(" ")) {
      if (!part.equals("jmle-bench")) {
        cl = cl.getSubcommands().get(part);
      }
    }
    String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    assertThat(Files.readString(Path.of("README.md")))
        .as("README.md must show `%s --help` in a ```text block", qualifiedName)
        .contains("```text\n" + usage + "\n```");
  }
}
