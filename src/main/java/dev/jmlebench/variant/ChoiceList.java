package dev.jmlebench.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The choices of a question where its text shows them, found by their layout — the last run of consecutive
 * letters a, b, c, … that reaches the end of the text, either as lines or as table rows:
 *
 * <ul>
 *   <li>{@link Layout#LINES}: a line opening with the letter, after any full-width or ASCII spaces, then a
 *       full-width space, an ASCII space or {@code ". "} ({@code a　緊急手術}, {@code 　a　褐色細胞腫},
 *       {@code a 腹部造影CT}, the English {@code a. Gaucher disease}); the choice runs to the next letter's
 *       line. Every source's converter writes this layout; the 120th's dataset has it in 395 of its 397
 *       multiple-choice questions, indented or not, one or two line breaks apart.</li>
 *   <li>{@link Layout#TABLE}: rows {@code | a | … |} (120C-71, 120F-14); the choice is the rest of the row.</li>
 * </ul>
 *
 * Reordering keeps every letter, space, line break and table border where it is and moves only the choices'
 * texts, so a text reordered in the identity order is the text itself, byte for byte.
 */
public final class ChoiceList {
  /** How the choices are laid out. */
  public enum Layout { LINES, TABLE }

  private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
  private static final Pattern LINE = Pattern.compile("^[\u3000 ]*([a-z])(?:[\u3000 ]|\\. )", FLAGS);
  private static final Pattern ROW = Pattern.compile("^\\|[\u3000 ]*([a-z])[\u3000 ]*\\|([^\n]*)$", FLAGS);

  private final String text;
  private final Layout layout;
  private final int[] starts;
  private final int[] ends;

  private ChoiceList(String text, Layout layout, int[] starts, int[] ends) {
    this.text = text;
    this.layout = layout;
    this.starts = starts;
    this.ends = ends;
  }

  /** The choices of {@code text}; empty when it lists fewer than two in a layout above. */
  public static Optional<ChoiceList> find(String text) {
    Optional<ChoiceList> lines = lines(text);
    return lines.isPresent() ? lines : rows(text);
  }

  private static Optional<ChoiceList> lines(String text) {
    List<MatchResult> marks = new ArrayList<>();
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      marks.add(m.toMatchResult());
    }
    int first = lastRun(marks);
    if (first < 0) {
      return Optional.empty();
    }
    int n = marks.size() - first;
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int k = 0; k < n; k++) {
      int start = marks.get(first + k).end();
      int end = k + 1 < n ? marks.get(first + k + 1).start() : text.length();
      while (start < end && isSpace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      starts[k] = start;
      ends[k] = end;
    }
    return Optional.of(new ChoiceList(text, Layout.LINES, starts, ends));
  }

  private static Optional<ChoiceList> rows(String text) {
    List<MatchResult> marks = new ArrayList<>();
    Matcher m = ROW.matcher(text);
    while (m.find()) {
      marks.add(m.toMatchResult());
    }
    int first = lastRun(marks);
    if (first < 0 || !text.substring(marks.get(marks.size() - 1).end()).isBlank()) {
      return Optional.empty();
    }
    for (int k = first + 1; k < marks.size(); k++) {
      if (marks.get(k).start() != marks.get(k - 1).end() + 1) {
        return Optional.empty();
      }
    }
    int n = marks.size() - first;
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int k = 0; k < n; k++) {
      starts[k] = marks.get(first + k).start(2);
      ends[k] = marks.get(first + k).end(2);
    }
    return Optional.of(new ChoiceList(text, Layout.TABLE, starts, ends));
  }

  /**
   * The index of the mark opening the last run a, b, c, … that ends with the last mark, or -1 when there is
   * no such run of at least two.
   */
  private static int lastRun(List<MatchResult> marks) {
    int i = marks.size() - 1;
    while (i >= 0) {
      char letter = marks.get(i).group(1).charAt(0);
      if (letter == 'a') {
        break;
      }
      if (i == 0 || marks.get(i - 1).group(1).charAt(0) != letter - 1) {
        return -1;
      }
      i--;
    }
    return i >= 0 && marks.size() - i >= 2 ? i : -1;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u3000';
  }

  public Layout layout() {
    return layout;
  }

  public int size() {
    return starts.length;
  }

  /** The choices' texts, in the order the text gives them, without their letters. */
  public List<String> bodies() {
    List<String> out = new ArrayList<>(size());
    for (int k = 0; k < size(); k++) {
      out.add(text.substring(starts[k], ends[k]));
    }
    return out;
  }

  /**
   * The text with every choice's text taken out, its letters, spaces and borders left: the same for the text in
   * every order, so it recognises a question shown in any order.
   */
  public String frame() {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (int i = 0; i < size(); i++) {
      out.append(text, at, starts[i]);
      at = ends[i];
    }
    return out.append(text, at, text.length()).toString();
  }

  /** Everything before the first choice's line or row: the stem. */
  public String stem() {
    int lineStart = text.lastIndexOf('\n', starts[0] - 1);
    return text.substring(0, Math.max(lineStart, 0));
  }

  /**
   * The text with its choices reordered: position {@code i} (lettered a + i) shows the choice at index
   * {@code order[i]}; everything else stays in place.
   */
  public String reordered(int[] order) {
    if (order.length != size()) {
      throw new IllegalArgumentException("an order of " + order.length + " for " + size() + " choices");
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (int i = 0; i < size(); i++) {
      out.append(text, at, starts[i]).append(text, starts[order[i]], ends[order[i]]);
      at = ends[i];
    }
    return out.append(text, at, text.length()).toString();
  }
}
