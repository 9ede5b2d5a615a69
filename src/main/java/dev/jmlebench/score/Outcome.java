package dev.jmlebench.score;

/**
 * How one question went, the one classification that scoring, progress, the viewer and statistics use. A
 * failed request is {@link #ERROR}, never also {@link #UNPARSED}.
 */
public enum Outcome {
  CORRECT,
  WRONG,
  /** The model answered, but no 【回答】 could be read from the answer (SPEC §3). */
  UNPARSED,
  /** The request failed: there is no answer. */
  ERROR;

  /** From the published fields of a result (SPEC §5): its error, parse_success and correct. */
  public static Outcome of(boolean error, boolean parseSuccess, boolean correct) {
    if (error) {
      return ERROR;
    }
    if (!parseSuccess) {
      return UNPARSED;
    }
    return correct ? CORRECT : WRONG;
  }

  /**
   * Whether the summary's {@code parse_failures} counts it: every result whose {@code parse_success} is false,
   * so a failed request (which has nothing to parse) counts too, as the published format counts it. Progress
   * displays count the same way.
   */
  public boolean isParseFailure() {
    return this == UNPARSED || this == ERROR;
  }
}
