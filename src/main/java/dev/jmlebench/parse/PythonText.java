package dev.jmlebench.parse;

/**
 * Python 3's notion of whitespace on {@code str}, which SPEC §3 is written in: {@code \s} in {@code re},
 * {@code str.strip()} and {@code str.isspace()} all use it. It differs from Java's
 * {@link Character#isWhitespace}: it includes U+001C-U+001F, U+0085, U+00A0, U+202F and U+3000 etc.
 */
public final class PythonText {
  private PythonText() {}

  public static boolean isSpace(char c) {
    switch (c) {
      case '\t', '\n', '\u000b', '\u000c', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ',
          '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200a';
    }
  }

  /** {@code s.strip()} in Python: removes leading and trailing whitespace as {@link #isSpace} defines it. */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }
}
