package dev.jmlebench.common;

import java.util.List;
import java.util.regex.Pattern;

/** Command lines printed for a user to paste into a POSIX shell. */
public final class ShellWords {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,=@%+-]+");

  private ShellWords() {}

  /** Plain words as they are, anything else in single quotes. */
  public static String quote(String arg) {
    return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** The words quoted and joined by spaces. */
  public static String join(List<String> args) {
    return String.join(" ", args.stream().map(ShellWords::quote).toList());
  }
}
