package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.dataset.ImageMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinueCommandTest {
  private static RunConfig config(String url, ObjectNode extraBody, List<String> blocks, String name, int parallel,
      RetrySettings retry) {
    return new RunConfig("org/model", URI.create(url), ImageMode.VISION, extraBody, blocks,
        Path.of("results/my run.json"), null, name, parallel, Duration.ofSeconds(RunConfig.DEFAULT_TIMEOUT_SECONDS), retry,
        Instant.EPOCH);
  }

  @Test
  void aLocalRunWithDefaultsContinuesWithTheSameRequestAndResume() {
    RunConfig c = config("http://localhost:8000/v1", null, List.of(), null, 8, RetrySettings.of(5,
        Duration.ofMinutes(10)));
    assertThat(ContinueCommand.render("./jmle-bench", c, Path.of("data"))).isEqualTo(
        "./jmle-bench run --model org/model --base-url http://localhost:8000/v1 --image-mode vision "
            + "--dataset data --resume 'results/my run.json'");
  }

  @Test
  void everythingThatDiffersFromTheDefaultsIsRepeatedAndQuotedForTheShell() throws Exception {
    ObjectNode extra = (ObjectNode) new ObjectMapper().readTree("{\"reasoning\": {\"enabled\": true}}");
    RunConfig c = config("https://openrouter.ai/api/v1", extra, List.of("A", "B"), "Claude's run", 32,
        RetrySettings.of(7, Duration.ofSeconds(90)));
    assertThat(ContinueCommand.render("./jmle-bench", c, Path.of("data"))).isEqualTo(
        "./jmle-bench run --model org/model --base-url https://openrouter.ai/api/v1 --image-mode vision "
            + "--parallel 32 --max-retries 7 --retry-budget 1.5 --extra-body '{\"reasoning\":{\"enabled\":true}}' "
            + "--blocks A,B --display-name 'Claude'\\''s run' --dataset data --resume 'results/my run.json'"
            + "   # key from $OPENAI_API_KEY, or add --api-key");
  }

  @Test
  void aRepeatingRunContinuesWithTheSameRepeats() {
    RunConfig c = new RunConfig("m", URI.create("http://127.0.0.1:8765/v1"), ImageMode.BLIND, null, List.of(),
        Path.of("r.json"), null, null, RunConfig.DEFAULT_PARALLEL, Duration.ofSeconds(RunConfig.DEFAULT_TIMEOUT_SECONDS),
        RetrySettings.of(5, Duration.ofMinutes(10)), Instant.EPOCH, 3);
    assertThat(ContinueCommand.render("./jmle-bench", c, Path.of("data"))).isEqualTo(
        "./jmle-bench run --model m --base-url http://127.0.0.1:8765/v1 --image-mode blind --repeats 3 "
            + "--dataset data --resume r.json");
  }
}
