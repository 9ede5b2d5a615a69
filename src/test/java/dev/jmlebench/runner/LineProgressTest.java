package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.results.QuestionResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineProgressTest {
  @Test
  void aServersErrorMessageIsOneInertLine() {
    StringWriter printed = new StringWriter();
    LineProgress progress = new LineProgress(new PrintWriter(printed), 1);
    QuestionResult failed = QuestionResult.failed("120A-1", List.of("a"),
        "HTTP 500: \u001b]0;owned\u0007\u001b[2J\no 120A-2    a", Map.of());

    progress.finished("120A-1", failed, new RunningCounts.Snapshot(1, 400, 0, 0, 1, 0, 0, 0, 0, Duration.ZERO, null));

    assertThat(printed.toString())
        .isEqualTo("! 120A-1    HTTP 500: \\u001B]0;owned\\u0007\\u001B[2J\\u000Ao 120A-2    a\n");
  }

  @Test
  void whenNothingFinishesForAWhileALineSaysSoWithTheRetriesAndTheRequestsWaiting() throws Exception {
    StringWriter printed = new StringWriter();
    LineProgress progress = new LineProgress(new PrintWriter(printed, true), 1, Duration.ofMillis(200));
    progress.follow(() -> new RunningCounts.Snapshot(0, 400, 0, 0, 0, 0, 24, 0, 8, Duration.ofSeconds(36), null));
    progress.started(new RunningCounts.Snapshot(0, 400, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, null));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!printed.toString().contains("nothing finished for")) {
        assertThat(System.nanoTime()).as("a quiet tally within 10 s").isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      progress.close();
    }
    assertThat(printed.toString()).startsWith("Asking 400 of 400 questions.\n")
        .contains("  0/400 · accuracy - (0/0) · errors 0 · unparsed 0 · retries 24 · in flight 0 (8 waiting) · "
            + "elapsed 0:36 · nothing finished for 0:00");
  }
}
