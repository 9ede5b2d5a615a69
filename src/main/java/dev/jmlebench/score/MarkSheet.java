package dev.jmlebench.score;

import java.util.Optional;

/**
 * A calculation's answer as the question asks for it, from its mark-sheet digits. The exam's calculation
 * questions end with an answer template such as {@code 解答：①.②g/日}: each circled number is one box of the
 * mark sheet taking one digit, and the text between the boxes (a decimal point, a fixed leading {@code 1, })
 * is printed. IgakuQA stores the digits filled in ({@code "21"}); the value is the template with the boxes
 * filled ({@code "2.1"}), leading zeros of the whole part dropped ({@code "04"} → {@code "0.4"}) and the
 * thousands separator of a printed figure removed ({@code 1, ①②③} with {@code "130"} → {@code "1130"}).
 * A gold that already has its point ({@code "7.20"} for {@code ①.②③}) renders as itself.
 */
public final class MarkSheet {
  static final String TEMPLATE_MARK = "解答：";
  private static final String BOXES = "①②③④⑤⑥⑦⑧⑨⑩";

  private MarkSheet() {}

  /**
   * The value that mark-sheet {@code digits} spell in the template at the end of {@code questionText}; empty
   * when the text has no template or the digits do not fill it (one digit per box).
   */
  public static Optional<String> value(String digits, String questionText) {
    int at = questionText.lastIndexOf(TEMPLATE_MARK);
    if (at < 0) {
      return Optional.empty();
    }
    String template = figure(questionText.substring(at + TEMPLATE_MARK.length()));
    String filledDigits = digits.replace(".", "");
    if (template.isEmpty() || !filledDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (char c : template.toCharArray()) {
      if (BOXES.indexOf(c) >= 0) {
        if (next >= filledDigits.length()) {
          return Optional.empty();
        }
        out.append(filledDigits.charAt(next++));
      } else if (c == '.' || c >= '0' && c <= '9') {
        out.append(c);
      }
      // A thousands separator and the spaces around it are print, not part of the number.
    }
    if (next != filledDigits.length()) {
      return Optional.empty();
    }
    String value = withoutLeadingZeros(out.toString());
    // A gold stored with its point already is its own value; a point elsewhere means another template.
    return digits.contains(".") && !digits.equals(value) ? Optional.empty() : Optional.of(value);
  }

  /** The template's figure: from its start to its last box, only boxes, digits, points, commas and spaces. */
  private static String figure(String afterMark) {
    int last = -1;
    for (int i = 0; i < afterMark.length(); i++) {
      char c = afterMark.charAt(i);
      if (BOXES.indexOf(c) >= 0) {
        last = i;
      } else if (!(c == '.' || c == ',' || c == ' ' || c >= '0' && c <= '9')) {
        break;
      }
    }
    return last < 0 ? "" : afterMark.substring(0, last + 1);
  }

  private static String withoutLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0' && s.charAt(i + 1) != '.') {
      i++;
    }
    return s.substring(i);
  }
}
