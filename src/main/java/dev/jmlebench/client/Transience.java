package dev.jmlebench.client;

import java.util.Set;

/** Which failures are worth asking again: small pure predicates, kept apart from the retry loop. */
public final class Transience {
  /** Client errors that say the request itself is wrong: asking again gives the same answer. */
  private static final Set<Integer> PERMANENT = Set.of(400, 401, 403, 404);
  /** Statuses that say "not now": rate limits and timeouts on the server's side. */
  private static final Set<Integer> TRANSIENT_CLIENT_ERRORS = Set.of(408, 409, 425, 429);

  private Transience() {}

  public static boolean isTransientStatus(int status) {
    if (PERMANENT.contains(status)) {
      return false;
    }
    return status >= 500 || TRANSIENT_CLIENT_ERRORS.contains(status);
  }

  /**
   * Whether a failure may go away if asked again. An unreachable server counts only once it has answered
   * earlier in the run (a restart); before that it is a wrong URL or a server not started, and retrying
   * would only delay the one clear message.
   */
  public static boolean isTransient(ApiFailure f, boolean serverAnsweredBefore) {
    return switch (f.kind()) {
      case HTTP -> isTransientStatus(f.status());
      case TIMEOUT, CONNECTION, MALFORMED -> true;
      case UNREACHABLE -> serverAnsweredBefore;
      case OVERSIZE -> false;
    };
  }

  /** Failures that mean no request of this run can succeed: a rejected key, a wrong URL or model. */
  public static boolean isFatalForRun(ApiFailure f) {
    return f.kind() == ApiFailure.Kind.UNREACHABLE
        || f.kind() == ApiFailure.Kind.HTTP && (f.status() == 401 || f.status() == 403 || f.status() == 404);
  }
}
