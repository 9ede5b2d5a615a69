package dev.jmlebench.client;

import java.time.Duration;

/**
 * The end of asking one question: a completion, or the failure that remained after retrying.
 *
 * @param attempts requests sent for this question
 * @param latency how long the last request took
 */
public record Answer(Completion completion, ApiFailure failure, int attempts, Duration latency) {
  public Answer {
    if ((completion == null) == (failure == null)) {
      throw new IllegalArgumentException("an answer has exactly one of a completion and a failure");
    }
  }

  public boolean ok() {
    return completion != null;
  }
}
