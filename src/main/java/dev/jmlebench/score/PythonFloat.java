package dev.jmlebench.score;

import dev.jmlebench.parse.PythonText;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Python 3's {@code float(str)}, exactly: what it accepts and the double it gives. CPython first maps every
 * Unicode decimal digit (category Nd, e.g. full-width {@code ０}) to its ASCII digit and every whitespace
 * character ({@code str.isspace}) to a space, and any other non-ASCII character makes the text invalid; it
 * then allows {@code _} only between two digits, strips surrounding whitespace, and reads an optional sign
 * followed by a decimal number with optional exponent, or {@code inf}, {@code infinity} or {@code nan} in any
 * case. No hex, no inner spaces, no trailing {@code d}/{@code f} (which Java's parser would take).
 */
final class PythonFloat {
  private static final Pattern NUMBER = Pattern.compile(
      "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:inf|infinity|nan))");

  private PythonFloat() {}

  /** The value {@code float(text)} returns, or empty where it raises {@code ValueError}. */
  static OptionalDouble parse(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 127) {
        ascii.append((char) cp);
      } else if (cp <= Character.MAX_VALUE && PythonText.isSpace((char) cp)) {
        ascii.append(' ');
      } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
        ascii.append((char) ('0' + Character.digit(cp, 10)));
      } else {
        return OptionalDouble.empty();
      }
    }
    String s = withoutUnderscores(ascii);
    if (s == null) {
      return OptionalDouble.empty();
    }
    s = strip(s);
    if (!NUMBER.matcher(s).matches()) {
      return OptionalDouble.empty();
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean negative = lower.startsWith("-");
    if (unsigned.equals("nan")) {
      return OptionalDouble.of(Double.NaN);
    }
    if (unsigned.startsWith("inf")) {
      return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return OptionalDouble.of(Double.parseDouble(s));
  }

  /** CPython's rule: an underscore only right after a digit and right before one; null when broken. */
  private static String withoutUnderscores(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    char prev = '\0';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        if (!isDigit(prev)) {
          return null;
        }
      } else {
        if (prev == '_' && !isDigit(c)) {
          return null;
        }
        out.append(c);
      }
      prev = c;
    }
    return prev == '_' ? null : out.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Strips the ASCII whitespace CPython's {@code Py_ISSPACE} knows (the others became spaces above). */
  private static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isAsciiSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isAsciiSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}
