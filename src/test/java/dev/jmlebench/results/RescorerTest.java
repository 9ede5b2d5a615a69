package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescorerTest {
  private static QuestionResult stale(String id, String raw) {
    // Computed fields deliberately wrong: rescoring must derive them again from the raw response.
    return new QuestionResult(id, List.of(), List.of("z"), false, raw, false, null, null, Map.of());
  }

  private static ResultFile fileOf(QuestionResult... results) {
    RunMetadata m = new RunMetadata("m", null, "20260101_000000", "blind", null, results.length, results.length, 0,
        null, Map.of());
    return new ResultFile(m, null, List.of(results));
  }

  @Test
  void everySampleOfARunWithRepeatsIsRegradedAndTheFirstIsPublished() {
    QuestionResult withSamples = Samples.publish(Arrays.asList(
        stale("120A-1", "【回答】a"), stale("120A-1", "【回答】b"), null));

    ResultFile rescored = Rescorer.rescore(fileOf(withSamples), SharedData.dataset(), AnswerKey.of("120", "author"),
        "r.json").file();

    QuestionResult r = rescored.results().get(0);
    assertThat(r.correct()).isTrue();
    assertThat(r.predicted()).containsExactly("a");
    assertThat(r.gold()).containsExactly("a");
    List<QuestionResult> samples = Samples.of(r, "r.json");
    assertThat(samples).hasSize(3);
    assertThat(samples.get(0).correct()).isTrue();
    assertThat(samples.get(1).predicted()).containsExactly("b");
    assertThat(samples.get(1).correct()).isFalse();
    assertThat(samples.get(1).parseSuccess()).isTrue();
    assertThat(samples.get(2)).isNull();
    assertThat(rescored.summary().correct()).isEqualTo(1);
  }

  @Test
  void aFailedRequestStaysAFailureWithItsError() {
    QuestionResult failed = QuestionResult.failed("120A-2", List.of("x"), "HTTP 500 after 6 attempts", Map.of());
    QuestionResult r = Rescorer.rescore(fileOf(failed), SharedData.dataset(), AnswerKey.of("120", "author"), "r.json")
        .file().results().get(0);
    assertThat(r.error()).isEqualTo("HTTP 500 after 6 attempts");
    assertThat(r.parseSuccess()).isFalse();
    assertThat(r.gold()).isEqualTo(SharedData.dataset().question("120A-2").orElseThrow().answer());
  }
}
