package dev.jmlebench.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asks us to wait: {@code retry-after-ms} (OpenAI's, milliseconds) when present,
 * else {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 §10.2.3). Anything unreadable or
 * negative counts as not said, so the regular backoff applies.
 */
public final class RetryAfter {
  /** A server asking for longer than this is capped; the per-question retry budget bounds the total. */
  static final Duration MAX = Duration.ofMinutes(5);

  private RetryAfter() {}

  public static Optional<Duration> parse(String retryAfterMs, String retryAfter, Instant now) {
    Optional<Duration> ms = parseMillis(retryAfterMs);
    return ms.isPresent() ? ms : parseHeader(retryAfter, now);
  }

  static Optional<Duration> parseMillis(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      double ms = Double.parseDouble(value.strip());
      return ms >= 0 && Double.isFinite(ms) ? Optional.of(cap(Duration.ofNanos((long) (ms * 1e6)))) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Duration> parseHeader(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
      } catch (NumberFormatException e) {
        return Optional.of(MAX);
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : cap(d));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
