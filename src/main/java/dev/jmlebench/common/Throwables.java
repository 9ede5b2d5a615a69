package dev.jmlebench.common;

/** Questions about an exception's chain of causes. */
public final class Throwables {
  private Throwables() {}

  /** Whether {@code t} or any of its causes is a {@code type}. */
  public static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
