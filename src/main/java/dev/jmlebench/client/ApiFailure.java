package dev.jmlebench.client;

import java.time.Duration;
import java.util.Optional;

/**
 * One request that did not give a completion. The message is safe to show and to record: it never
 * holds the API key.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param retryAfter how long the server asked us to wait, when it said
 */
public final class ApiFailure extends RuntimeException {
  /** What went wrong, as far as retrying is concerned. */
  public enum Kind {
    /** The server answered with an error status. */
    HTTP,
    /** No answer within the timeout. */
    TIMEOUT,
    /** The server could not be reached at all (refused, unknown host). */
    UNREACHABLE,
    /** The connection broke: reset, closed early, or a body cut short. */
    CONNECTION,
    /** An answer that is not the JSON of a chat completion. */
    MALFORMED,
    /** A reply body larger than the cap: asked again, it would be as large. */
    OVERSIZE
  }

  private final Kind kind;
  private final int status;
  private final transient Duration retryAfter;

  public ApiFailure(Kind kind, int status, Duration retryAfter, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean isRateLimited() {
    return kind == Kind.HTTP && status == 429;
  }
}
