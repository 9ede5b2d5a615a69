package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the figures of each {@link RunStatistics#VERSION}. Cached intervals (leaderboard.json) are reused
 * while the version is unchanged, so figures that move without a bump would be served stale: when this test
 * fails, bump the version and pin the new figures under it — never edit an earlier version's line.
 */
class StatisticsVersionTest {
  /** gpt-oss-120b (low) under the author key, the published run whose pass probability is furthest from 1. */
  private static final Map<Integer, String> PINNED = Map.of(1, "{\"score_ci\":[414,450],\"score_pct_ci\":[0.828,0.9],"
      + "\"accuracy_ci\":[0.8225,0.8925],\"accuracy_wilson_ci\":[0.8198,0.8884],\"pass_probability\":0.9946,"
      + "\"bootstrap\":{\"resamples\":10000,\"seed\":1246579781,\"level\":0.95}}",
      // 2: a serial group (連問) is resampled as one unit (docs/STATISTICS.md, before and after).
      2, "{\"score_ci\":[413,450],\"score_pct_ci\":[0.826,0.9],\"accuracy_ci\":[0.82,0.89],"
      + "\"accuracy_wilson_ci\":[0.8198,0.8884],\"pass_probability\":0.9939,"
      + "\"bootstrap\":{\"resamples\":10000,\"seed\":1246579781,\"level\":0.95}}",
      // 3: P(pass) of the 112th-116th counts the prohibited-choice criterion, resampled with the questions;
      // the 120th's figures (no prohibited choices annotated) stay those of 2.
      3, "{\"score_ci\":[413,450],\"score_pct_ci\":[0.826,0.9],\"accuracy_ci\":[0.82,0.89],"
      + "\"accuracy_wilson_ci\":[0.8198,0.8884],\"pass_probability\":0.9939,"
      + "\"bootstrap\":{\"resamples\":10000,\"seed\":1246579781,\"level\":0.95}}");

  @Test
  void theFiguresOfThisStatisticsVersionAreTheOnesPinnedForIt() {
    Path file = SharedData.results().resolve("openai_gpt-oss-120b_low.json");
    RunStatistics s = RunStatistics.of(ResultFiles.read(file), AnswerKey.of("120", "author").criteria(),
        SharedData.dataset(), file.toString());
    assertThat(PINNED).as("figures pinned for version " + RunStatistics.VERSION).containsKey(RunStatistics.VERSION);
    assertThat(StatisticsJson.run(s).toString()).isEqualTo(PINNED.get(RunStatistics.VERSION));
  }
}
