package dev.jmlebench.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch is paid for once, whenever the run is killed: here between the provider accepting the batch and
 * the run hearing of it (the mock holds its reply back), which is when an id journaled after {@code submit}
 * returned was not yet on disk. The resumed run finds the batch by the intent it recorded before asking, and
 * reattaches instead of submitting a second one.
 */
class BatchExactlyOnceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic"})
  void aRunKilledWhileTheProviderAcceptsItsBatchFindsThatBatchInsteadOfPayingForASecond(String api)
      throws Exception {
    Path out = dir.resolve("results/once.json");
    Path batchJournal = dir.resolve("results/once.batch.json");
    List<String> args = new ArrayList<>(List.of("run", "--api", api, "--batch", "--model", "m", "--base-url", "URL",
        "--dataset", SharedData.root().toString(), "--out", out.toString(), "--blocks", "B", "--parallel", "4"));
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)
        .delayBatchCreateReply(Duration.ofMinutes(10))) {
      args.set(args.indexOf("URL"), server.baseUrl().toString());
      Process first = CliProcess.start(args, dir.resolve("first.log"));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (server.batchesCreated() == 0) {
        assertThat(first.isAlive()).as("the run is submitting").isTrue();
        assertThat(System.nanoTime()).as("batch created in time").isLessThan(deadline);
        Thread.sleep(20);
      }
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      JsonNode intent = JSON.readTree(batchJournal.toFile());
      assertThat(intent.get("batch_id").isNull()).as("killed before the run heard the batch's id").isTrue();
      assertThat(intent.get("intent").asText()).startsWith("jmle-");

      server.delayBatchCreateReply(Duration.ZERO);
      Cli.Outcome resumed = Cli.run(args.toArray(String[]::new));
      assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
      assertThat(resumed.out()).contains("Found batch ").contains("submitted just before the last run stopped")
          .contains("instead of submitting again").contains(": 50 answered.");
      assertThat(server.batchesCreated()).as("one batch paid for").isEqualTo(1);
      for (Question q : SharedData.dataset().questions()) {
        if (q.block().equals("B")) {
          assertThat(server.requests(q.questionId())).as(q.questionId()).isEqualTo(1);
        }
      }
    }
    assertThat(ResultFiles.read(out).results()).hasSize(50);
    assertThat(batchJournal).doesNotExist();
    assertThat(Files.exists(batchJournal)).isFalse();
  }
}
