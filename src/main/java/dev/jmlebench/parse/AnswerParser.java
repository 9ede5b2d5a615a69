package dev.jmlebench.parse;

import dev.jmlebench.dataset.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the final answer from a reply exactly as SPEC §3 defines it with Python's
 * {@code re.search(r"【回答】\s*(.+)", text)}. Hand-written rather than a Java regex because Java's
 * {@code \s} and {@code .} differ from Python's (Unicode whitespace; {@code .} stops only at {@code \n}),
 * and the backtracking of that pattern is simple enough to state directly.
 */
public final class AnswerParser {
  static final String MARKER = "【回答】";
  /** SPEC §3 keeps the letters a-e. */
  static final char SPEC_LAST_LETTER = 'e';

  private AnswerParser() {}

  /** Parses {@code content}; when that fails and a reasoning text exists, parses the reasoning instead. */
  public static ParsedAnswer parse(String content, String reasoning, QuestionType type) {
    return parse(content, reasoning, type, SPEC_LAST_LETTER);
  }

  /**
   * As {@link #parse(String, String, QuestionType)}, keeping letters a to {@code lastLetter} (SPEC: e; an exam
   * whose questions have more choices says so in its data, {@code answer_letters}).
   */
  public static ParsedAnswer parse(String content, String reasoning, QuestionType type, char lastLetter) {
    ParsedAnswer fromContent = parse(content == null ? "" : content, type, lastLetter);
    if (fromContent.success() || reasoning == null) {
      return fromContent;
    }
    return parse(reasoning, type, lastLetter);
  }

  public static ParsedAnswer parse(String text, QuestionType type) {
    return parse(text, type, SPEC_LAST_LETTER);
  }

  private static ParsedAnswer parse(String text, QuestionType type, char lastLetter) {
    String captured = findAnswer(text);
    if (captured == null) {
      return ParsedAnswer.FAILURE;
    }
    String s = PythonText.strip(captured);
    if (type == QuestionType.CALCULATION) {
      return new ParsedAnswer(List.of(s), true);
    }
    return choices(s, lastLetter);
  }

  /**
   * Group 1 of the first match of {@code 【回答】\s*(.+)}, or null. For each occurrence of the marker:
   * {@code \s*} takes the whole whitespace run; if a non-space character follows, {@code .+} runs from
   * there to the next {@code \n}. If the run reaches the end of the text, the regex backtracks to the last
   * position in the run that is not {@code \n}; if there is none, this occurrence does not match.
   */
  static String findAnswer(String text) {
    int from = 0;
    while (true) {
      int at = text.indexOf(MARKER, from);
      if (at < 0) {
        return null;
      }
      int start = at + MARKER.length();
      int q = start;
      while (q < text.length() && PythonText.isSpace(text.charAt(q))) {
        q++;
      }
      if (q == text.length()) {
        q--;
        while (q >= start && text.charAt(q) == '\n') {
          q--;
        }
        if (q < start) {
          from = at + 1;
          continue;
        }
      }
      int end = text.indexOf('\n', q);
      return text.substring(q, end < 0 ? text.length() : end);
    }
  }

  /**
   * Step 4 of SPEC §3: strip markdown marks, split on {@code [,、\s]+}, keep single letters a-e/A-E (to
   * {@code lastLetter}, e in SPEC).
   */
  private static ParsedAnswer choices(String s, char lastLetter) {
    StringBuilder cleaned = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '*' && c != '_' && c != '`' && c != '#') {
        cleaned.append(c);
      }
    }
    String t = PythonText.strip(cleaned.toString());
    TreeSet<String> letters = new TreeSet<>();
    int i = 0;
    while (i < t.length()) {
      if (isSeparator(t.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < t.length() && !isSeparator(t.charAt(j))) {
        j++;
      }
      if (j - i == 1) {
        char c = t.charAt(i);
        if (c >= 'a' && c <= lastLetter) {
          letters.add(String.valueOf(c));
        } else if (c >= 'A' && c <= Character.toUpperCase(lastLetter)) {
          letters.add(String.valueOf((char) (c - 'A' + 'a')));
        }
      }
      i = j;
    }
    return letters.isEmpty() ? ParsedAnswer.FAILURE : new ParsedAnswer(new ArrayList<>(letters), true);
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == '、' || PythonText.isSpace(c);
  }
}
