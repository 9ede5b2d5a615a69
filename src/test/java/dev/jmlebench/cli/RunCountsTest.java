package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run prints and records of its requests agrees with what it did. */
class RunCountsTest {
  @TempDir Path dir;

  private Cli.Outcome run(MockServer server, Path out, String... more) {
    String[] base = {"run", "--model", "m", "--base-url", server.baseUrl().toString(), "--dataset",
        SharedData.root().toString(), "--out", out.toString(), "--blocks", "B"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return Cli.run(all);
  }

  @Test
  void aRunAnsweredFromTheCacheRecordsAndPrintsNoRequestsAndNoRetriesNeverANegativeCount() {
    Path cache = dir.resolve("cache");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      assertThat(run(server, dir.resolve("a.json"), "--cache", cache.toString()).exitCode()).isZero();
      Cli.Outcome cached = run(server, dir.resolve("b.json"), "--cache", cache.toString());

      assertThat(cached.exitCode()).as(cached.err()).isZero();
      JsonNode totals = ResultFiles.read(dir.resolve("b.json")).metadata().extra().get("totals");
      assertThat(totals.get("requests").asInt()).isZero();
      assertThat(totals.get("retries").asInt()).isZero();
      assertThat(cached.out()).contains("0 requests, 0 retries");
    }
  }
}
