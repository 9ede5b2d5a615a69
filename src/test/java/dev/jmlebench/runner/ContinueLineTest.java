package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.DatasetLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed continue command: short and shareable, saying only what the result file does not record. */
class ContinueLineTest {
  private static final Path OUT = Path.of("results/my run.json");

  private static RunSpec spec(String... words) {
    List<String> all = new ArrayList<>(List.of("--model", "org/model"));
    all.addAll(List.of(words));
    return RunSpec.fromWords(all, RunSpec.NO_ENVIRONMENT);
  }

  private static Path defaultDataset(String exam) {
    return DatasetLocation.resolve(null, exam);
  }

  @Test
  void aRunIsContinuedFromWhatItsFileRecords() {
    RunSpec s = spec("--base-url", "http://localhost:8000/v1", "--image-mode", "vision", "--exam", "119",
        "--extra-body", "{\"temperature\": 0}", "--questions", "A,B", "--repeats", "3", "--parallel", "32",
        "--display-name", "Claude's run");
    assertThat(ContinueLine.render("./jmle-bench", s, OUT, defaultDataset("119")))
        .isEqualTo("./jmle-bench continue 'results/my run.json'");
  }

  @Test
  void aHostedRunSaysWhichVariableTheKeyIsReadFrom() {
    assertThat(ContinueLine.render("./jmle-bench", spec("--base-url", "https://openrouter.ai/api/v1"), OUT,
        defaultDataset("120")))
        .isEqualTo("./jmle-bench continue 'results/my run.json'   # key from $OPENROUTER_API_KEY, or add --api-key");
    assertThat(ContinueLine.render("./jmle-bench", spec("--api", "anthropic"), OUT, defaultDataset("120")))
        .endsWith("# key from $ANTHROPIC_API_KEY, or add --api-key");
  }

  @Test
  void whatTheFileDoesNotRecordIsSaid() {
    RunSpec s = spec("--base-url", "https://example.org/v1", "--api-key-env", "MY_KEY", "--cache", "/tmp/c",
        "--retry", "unparsed");
    assertThat(ContinueLine.render("jmle-bench", s, OUT, Path.of("data/120")))
        .isEqualTo("jmle-bench continue 'results/my run.json' --api-key-env MY_KEY --cache /tmp/c "
            + "--retry errors,unparsed --dataset data/120   # key from $MY_KEY, or add --api-key");
  }

  @Test
  void askingTruncatedAnswersAgainIsAddedToWhatIsSaid() {
    RunSpec s = spec("--base-url", "http://127.0.0.1:8765/v1");
    assertThat(ContinueLine.render("./jmle-bench", s, OUT, defaultDataset("120"),
        java.util.EnumSet.of(Reask.ERRORS, Reask.TRUNCATED)))
        .isEqualTo("./jmle-bench continue 'results/my run.json' --retry errors,truncated");
  }

  @Test
  void credentialsInTheBaseUrlAreNeverPrintedAndTheRunsOwnFormIsGivenToFillIn() {
    RunSpec s = spec("--base-url", "https://user:pa55@host.example/v1");
    String line = ContinueLine.render("./jmle-bench", s, OUT, defaultDataset("120"));
    assertThat(line).doesNotContain("pa55").isEqualTo("./jmle-bench run --model org/model --base-url "
        + "'https://***@host.example/v1' --out 'results/my run.json'   # put the credentials shown as *** back into "
        + "--base-url");
  }
}
