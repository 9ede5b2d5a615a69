package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-02-25T12:00:00Z");

  @Test
  void deltaSecondsAreRead() {
    assertThat(RetryAfter.parse(null, "7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(null, " 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheTimeUntilThen() {
    assertThat(RetryAfter.parse(null, "Wed, 25 Feb 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse(null, "Wed, 25 Feb 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void millisecondsWinOverSecondsWhenBothAreGiven() {
    assertThat(RetryAfter.parse("250", "1", NOW)).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.parse("12.5", null, NOW)).contains(Duration.ofNanos(12_500_000));
  }

  @Test
  void unreadableOrNegativeValuesCountAsNotSaid() {
    assertThat(RetryAfter.parse(null, "soon", NOW)).isEqualTo(Optional.empty());
    assertThat(RetryAfter.parse(null, "-3", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("NaN", "", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, null, NOW)).isEmpty();
  }

  @Test
  void hugeWaitsAreCapped() {
    assertThat(RetryAfter.parse(null, "999999999999999999999", NOW)).contains(RetryAfter.MAX);
    assertThat(RetryAfter.parse(null, "86400", NOW)).contains(RetryAfter.MAX);
  }
}
