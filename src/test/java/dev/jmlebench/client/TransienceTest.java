package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransienceTest {
  private static ApiFailure http(int status) {
    return new ApiFailure(ApiFailure.Kind.HTTP, status, null, "HTTP " + status);
  }

  private static ApiFailure of(ApiFailure.Kind kind) {
    return new ApiFailure(kind, 0, null, kind.name());
  }

  @Test
  void rateLimitsAndServerErrorsAreTransient() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504, 529}) {
      assertThat(Transience.isTransientStatus(status)).as("HTTP %d", status).isTrue();
    }
  }

  @Test
  void badRequestsRejectedKeysAndMissingModelsAreNotRetried() {
    for (int status : new int[] {400, 401, 403, 404, 422}) {
      assertThat(Transience.isTransient(http(status), true)).as("HTTP %d", status).isFalse();
    }
  }

  @Test
  void timeoutsBrokenConnectionsAndMalformedRepliesAreTransient() {
    assertThat(Transience.isTransient(of(ApiFailure.Kind.TIMEOUT), false)).isTrue();
    assertThat(Transience.isTransient(of(ApiFailure.Kind.CONNECTION), false)).isTrue();
    assertThat(Transience.isTransient(of(ApiFailure.Kind.MALFORMED), false)).isTrue();
  }

  @Test
  void anUnreachableServerIsRetriedOnlyAfterItHasAnswered() {
    assertThat(Transience.isTransient(of(ApiFailure.Kind.UNREACHABLE), false)).isFalse();
    assertThat(Transience.isTransient(of(ApiFailure.Kind.UNREACHABLE), true)).isTrue();
  }

  @Test
  void rejectedKeysMissingModelsAndUnreachableServersStopARun() {
    assertThat(Transience.isFatalForRun(http(401))).isTrue();
    assertThat(Transience.isFatalForRun(http(403))).isTrue();
    assertThat(Transience.isFatalForRun(http(404))).isTrue();
    assertThat(Transience.isFatalForRun(of(ApiFailure.Kind.UNREACHABLE))).isTrue();
    assertThat(Transience.isFatalForRun(http(400))).isFalse();
    assertThat(Transience.isFatalForRun(http(500))).isFalse();
  }
}
