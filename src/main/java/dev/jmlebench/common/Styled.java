package dev.jmlebench.common;

import java.util.Map;

/**
 * Colour in what the commands print: PASS in green, FAIL in red, warnings in yellow. A report marks a span
 * with {@link #good}, {@link #bad}, … and knows nothing of terminals; the marks are characters of Unicode's
 * private use area, which pass {@link TerminalText}'s guard like any text and become ANSI colour there only
 * when the output is a colour terminal ({@link #enabled}), or are dropped. So no escape character is ever
 * written by a report, and none from a file or a server gets through: the guard still escapes every control
 * character before the marks turn into colour.
 */
public final class Styled {
  static final char GOOD = '\uF8E0';
  static final char BAD = '\uF8E1';
  static final char WARN = '\uF8E2';
  static final char STRONG = '\uF8E3';
  static final char FAINT = '\uF8E4';
  static final char END = '\uF8EF';

  private Styled() {}

  /** A passed criterion, a good outcome: green. */
  public static String good(String text) {
    return GOOD + text + END;
  }

  /** A failed criterion, an error: red. */
  public static String bad(String text) {
    return BAD + text + END;
  }

  /** A warning: yellow. */
  public static String warn(String text) {
    return WARN + text + END;
  }

  /** A headline figure: bold. */
  public static String strong(String text) {
    return STRONG + text + END;
  }

  /** Secondary detail: dim. */
  public static String faint(String text) {
    return FAINT + text + END;
  }

  /**
   * Whether to colour, from the conventions (no-color.org, force-color.org): {@code NO_COLOR} set and not
   * empty turns colour off; else {@code FORCE_COLOR} or {@code CLICOLOR_FORCE} set to anything but empty or
   * {@code 0} turns it on; else colour goes to a terminal that is not {@code TERM=dumb}, never to a file or
   * a pipe.
   */
  public static boolean enabled(Map<String, String> env, boolean terminal) {
    if (!env.getOrDefault("NO_COLOR", "").isEmpty()) {
      return false;
    }
    for (String force : new String[] {"FORCE_COLOR", "CLICOLOR_FORCE"}) {
      String v = env.getOrDefault(force, "");
      if (!v.isEmpty() && !v.equals("0")) {
        return true;
      }
    }
    return terminal && !"dumb".equals(env.get("TERM"));
  }

  static boolean isMark(char c) {
    return c >= GOOD && c <= END;
  }

  /** The ANSI sequence a mark stands for. */
  static String ansi(char mark) {
    return switch (mark) {
      case GOOD -> "\u001B[32m";
      case BAD -> "\u001B[1;31m";
      case WARN -> "\u001B[33m";
      case STRONG -> "\u001B[1m";
      case FAINT -> "\u001B[2m";
      case END -> "\u001B[0m";
      default -> "";
    };
  }

  /**
   * {@code text} with its marks as ANSI colour when {@code colour}, else without them: for text that is already
   * safe (made by this program, or escaped by {@link TerminalText#safe}) and goes to a terminal some other way
   * than through a guarded writer — the live progress bar.
   */
  public static String render(String text, boolean colour) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isMark(c)) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        if (colour) {
          sb.append(ansi(c));
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** {@code text} without marks: what a report reads as when colour is off, and in files and tests. */
  public static String plain(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.chars().filter(c -> !isMark((char) c)).forEach(c -> sb.append((char) c));
    return sb.toString();
  }
}
