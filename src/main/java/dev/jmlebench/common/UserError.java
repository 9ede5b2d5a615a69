package dev.jmlebench.common;

/**
 * A problem the user can fix (bad flag, malformed file, missing dataset): the CLI prints the message as
 * one line, without a stack trace, and exits with code 2. Messages name the file or flag and the fault.
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
