package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.client.ApiFailure;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static ApiFailure http(int status, String message) {
    return new ApiFailure(ApiFailure.Kind.HTTP, status, null, "HTTP " + status + ": " + message);
  }

  @Test
  void eightFailuresAlikeInARowTripItWhateverTheirMessages() {
    CircuitBreaker b = new CircuitBreaker(4);
    for (int i = 1; i < 8; i++) {
      assertThat(b.failed(http(502, "request " + i), i)).as("failure %d", i).isFalse();
    }
    assertThat(b.failed(http(502, "request 8"), 8)).isTrue();
    assertThat(b.last().getMessage()).isEqualTo("HTTP 502: request 8");
  }

  @Test
  void anAnswerOrAnotherFailureStartsTheRowAgain() {
    CircuitBreaker b = new CircuitBreaker(8);
    for (int i = 0; i < 7; i++) {
      b.failed(http(502, "x"), 10 + i);
    }
    b.answered(20);
    for (int i = 0; i < 7; i++) {
      assertThat(b.failed(http(502, "x"), 30 + i)).isFalse();
    }
    assertThat(b.failed(http(503, "y"), 40)).as("another status: a row of one").isFalse();
  }

  @Test
  void anAnswerSentBeforeTheRowBeganDoesNotEndIt() {
    // A long answer sent before an outage arrives during it: it says nothing of the server now.
    CircuitBreaker b = new CircuitBreaker(8);
    for (int i = 0; i < 5; i++) {
      b.failed(http(503, "overloaded"), 100 + i);
    }
    b.answered(50);
    b.answered(99);
    for (int i = 5; i < 7; i++) {
      assertThat(b.failed(http(503, "overloaded"), 100 + i)).isFalse();
    }
    assertThat(b.failed(http(503, "overloaded"), 107)).isTrue();
  }

  @Test
  void theWindowIsARoundOfRequestsInFlightFromEightToThirtyTwo() {
    assertThat(new CircuitBreaker(1).window()).isEqualTo(8);
    assertThat(new CircuitBreaker(20).window()).isEqualTo(20);
    assertThat(new CircuitBreaker(256).window()).isEqualTo(32);
  }
}
