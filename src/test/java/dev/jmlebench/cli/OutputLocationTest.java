package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output place that cannot be written is the user's to fix: one line, exit code 2, before any work. */
class OutputLocationTest {
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path tmp;

  private static List<String[]> writingInto(Path out) {
    return List.of(
        new String[] {"run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset", DATASET,
            "--blocks", "A", "--max-retries", "0", "--out", out.resolve("m.json").toString()},
        new String[] {"report", "--dataset", DATASET, "--results", SharedData.results().toString(),
            "--out", out.resolve("site").toString()});
  }

  private static void assertRefused(Path out, String problem) {
    for (String[] command : writingInto(out)) {
      Cli.Outcome r = Cli.run(command);
      assertThat(r.exitCode()).as(command[0] + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err()).as(command[0]).contains(problem).doesNotContain("internal error");
      assertThat(r.err().lines()).as(command[0]).hasSize(1);
      assertThat(r.out()).as(command[0]).doesNotContain("Asking");
    }
  }

  @Test
  void aParentThatIsAFileIsExitCode2() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");

    assertRefused(file, file + " is a file, not a folder");
    assertThat(Files.readString(file)).isEqualTo("not a folder");
  }

  @Test
  void anImmutableFolderIsExitCode2() throws Exception {
    Path locked = Files.createDirectories(tmp.resolve("locked"));
    assumeTrue(chattr("+i", locked), "chattr +i is not available here");
    try {
      assertRefused(locked, "cannot write there");
    } finally {
      chattr("-i", locked);
    }
  }

  private static boolean chattr(String flag, Path dir) throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
