package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's reproduction of the leaderboard: the shipped suite, sent to one mock server that replays
 * every published result file, gives back each run's published answers, graded under the suite's key (the
 * mock tells the runs apart by model and extra body, so each run gets its own file's answers).
 */
class ReproduceLeaderboardTest {
  private static final AnswerKey OFFICIAL = AnswerKey.of("120", "official");

  @TempDir Path dir;

  @Test
  void theShippedSuiteAgainstAMockReplayingThePublishedFilesReproducesTheirSummaries() {
    List<ResultFile> published = SharedData.publishedResults().stream().map(ResultFiles::read).toList();
    List<String> names = List.of("Qwen_Qwen3.5-27B_nothink", "openai_gpt-oss-120b_low", "pfnet_Preferred-MedRECT-32B");
    try (MockServer mock = MockServer.startReplaying(0, SharedData.dataset(), published, MockOptions.INSTANT)) {
      Cli.Outcome r = Cli.run("suite", "run", "suites/jmle2026-published.yaml", "--only", String.join(",", names),
          "--base-url", mock.baseUrl().toString(), "--results", dir.toString(), "--jobs", "3",
          "--dataset", SharedData.root().toString());

      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      for (String name : names) {
        // The shipped suite grades with the official key; the published files carry the author's grading.
        ResultFile expected = ResultFiles.read(SharedData.results().resolve(name + ".json"));
        ResultFile written = ResultFiles.read(dir.resolve(name + ".json"));
        assertThat(written.metadata().extra().get(ResultSchema.Metadata.ANSWER_KEY).asText()).isEqualTo("official");
        assertThat(written.summary()).as(name)
            .isEqualTo(Rescorer.regrade(expected, SharedData.dataset(), OFFICIAL, name).summary());
        assertThat(written.metadata().displayName()).isEqualTo(expected.metadata().displayName());
        assertThat(written.metadata().extraBody()).isEqualTo(expected.metadata().extraBody());
      }
      assertThat(r.out()).contains("wrote " + dir.resolve("leaderboard.json") + " and ");
    }
  }
}
