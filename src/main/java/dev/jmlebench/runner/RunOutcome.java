package dev.jmlebench.runner;

import dev.jmlebench.client.AdaptiveLimiter;
import dev.jmlebench.results.ResultFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a run ended: the file written, the questions still without an answer (errors and parse failures,
 * which a resume asks again), whether it was interrupted, and how long it took.
 */
public record RunOutcome(Path out, ResultFile file, List<String> unanswered, boolean interrupted, Duration wall,
    AdaptiveLimiter.Report concurrency, String command) {
  public RunOutcome {
    unanswered = List.copyOf(unanswered);
  }

  public boolean hasErrors() {
    return file.summary().errors() > 0;
  }
}
