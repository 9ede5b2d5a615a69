package dev.jmlebench.variant;

/**
 * Whether a text names a choice by its letter ("a と b", "ａ" heading a row of a table in the stem,
 * "選択肢c"): a lower-case letter up to the question's last choice, half- or full-width, standing alone —
 * not inside a word, a unit or an abbreviation (g/dL, c-ANCA, e.g.) — and, for a half-width letter, not an
 * English word ("is a major cause", "type b") between two Latin words. Upper-case letters name figure panels
 * (別冊No. 10A、B) and regions of an image, not choices.
 */
final class LetterReference {
  private LetterReference() {}

  static boolean in(String text, char last) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean half = c >= 'a' && c <= last;
      boolean full = c >= '\uFF41' && c <= '\uFF41' + (last - 'a');
      if ((half || full) && !joined(text, i - 1) && !joined(text, i + 1) && (full || !betweenLatin(text, i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the character at {@code i} joins a letter beside it into a word, number, unit or abbreviation. */
  private static boolean joined(String text, int i) {
    if (i < 0 || i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLetterOrDigit(c) && c < '\u3000' || c >= '\uFF10' && c <= '\uFF5A'
        || ".-/_'’+".indexOf(c) >= 0;
  }

  /** Whether the nearest non-space characters on both sides are ASCII letters or digits: English prose. */
  private static boolean betweenLatin(String text, int i) {
    return latin(text, i, -1) && latin(text, i, 1);
  }

  private static boolean latin(String text, int i, int step) {
    for (int j = i + step; j >= 0 && j < text.length(); j += step) {
      char c = text.charAt(j);
      if (c != ' ') {
        return c < 128 && Character.isLetterOrDigit(c);
      }
    }
    return false;
  }
}
