package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.SharedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  @Test
  void aFailedRequestIsAnErrorWhateverElseItsFieldsSay() {
    assertThat(Outcome.of(true, false, false)).isEqualTo(Outcome.ERROR);
    assertThat(Outcome.of(true, true, true)).isEqualTo(Outcome.ERROR);
    QuestionResult failed = QuestionResult.failed("120A-1", List.of("a"), "HTTP 500", Map.of());
    assertThat(failed.outcome()).isEqualTo(Outcome.ERROR);
  }

  @Test
  void anAnswerWithoutAReadableChoiceIsUnparsedAndNeverCorrect() {
    assertThat(Outcome.of(false, false, true)).isEqualTo(Outcome.UNPARSED);
    assertThat(Outcome.of(false, true, true)).isEqualTo(Outcome.CORRECT);
    assertThat(Outcome.of(false, true, false)).isEqualTo(Outcome.WRONG);
  }

  @Test
  void parseFailuresCountFailedRequestsTooAsThePublishedSummaryDoes() {
    assertThat(Outcome.UNPARSED.isParseFailure()).isTrue();
    assertThat(Outcome.ERROR.isParseFailure()).isTrue();
    assertThat(Outcome.CORRECT.isParseFailure()).isFalse();
    assertThat(Outcome.WRONG.isParseFailure()).isFalse();
  }

  @Test
  void theOutcomesOfEachPublishedFileAddUpToItsSummary() throws Exception {
    for (var path : SharedData.publishedResults()) {
      ResultFile f = ResultFiles.read(path);
      long correct = f.results().stream().filter(r -> r.outcome() == Outcome.CORRECT).count();
      long parseFailures = f.results().stream().filter(r -> r.outcome().isParseFailure()).count();
      assertThat(correct).as(path.toString()).isEqualTo(f.summary().correct());
      assertThat(parseFailures).as(path.toString()).isEqualTo(f.summary().parseFailures());
    }
  }
}
