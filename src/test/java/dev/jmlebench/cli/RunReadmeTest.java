package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --readme}: a finished run keeps a README's leaderboard current. */
class RunReadmeTest {
  private static final String README = "# My models\n\nIntro stays.\n\n"
      + "<!-- leaderboard-all-start -->\n| Model | Vision | Score | Accuracy |\n|-------|--------|-------|----------|\n"
      + "| Older | - | 300/500 (60.0%) | 240/400 (60.0%) |\n<!-- leaderboard-all-end -->\n\n"
      + "<!-- leaderboard-text-start -->\n| Model | Score | Accuracy |\n|-------|-------|----------|\n"
      + "<!-- leaderboard-text-end -->\n\nFooter stays.\n";

  @TempDir Path dir;

  @Test
  void aFinishedRunPutsItsRowsIntoTheReadmeAndLeavesTheRestAsItWas() throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, README);
    ResultFile published = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), published, MockOptions.INSTANT)) {
      Cli.Outcome o = Cli.run("run", "--model", "Qwen/Qwen3-32B", "--base-url", server.baseUrl().toString(),
          "--dataset", SharedData.root().toString(), "--out", dir.resolve("q.json").toString(), "--parallel", "16",
          "--display-name", "Qwen3-32B", "--readme", readme.toString(), "--key", "author");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).contains(readme + ": leaderboard updated");
    }
    String after = Files.readString(readme);
    assertThat(after).startsWith("# My models\n\nIntro stays.\n\n").endsWith("\n\nFooter stays.\n");
    // Figures from the published Qwen3-32B file; it passes both parts, so its name is bold.
    assertThat(after).contains("| **Qwen3-32B** | - | 451/500 (90.2%) | 355/400 (88.8%) |\n"
        + "| Older | - | 300/500 (60.0%) | 240/400 (60.0%) |");
    assertThat(after).contains("| Qwen3-32B | 350/382 (91.6%) | 274/302 (90.7%) |");
  }

  @Test
  void aMissingReadmeIsRefusedBeforeAnyQuestionIsAsked() {
    Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset",
        SharedData.root().toString(), "--out", dir.resolve("q.json").toString(), "--readme",
        dir.resolve("nope.md").toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).startsWith("jmle-bench: --readme ").contains("no such file");
    assertThat(dir.resolve("q.json")).doesNotExist();
  }
}
