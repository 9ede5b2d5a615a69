package dev.jmlebench.score;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The one order of runs wherever they are ranked: the README tables, {@code leaderboard.json} and its CSV, the
 * charts, the viewer and {@code compare --all}. The higher score share first, as the summary rounds it
 * ({@code score_pct}, {@link Ratio}); runs with the same share in the order of their result files' names,
 * compared by code point as Python compares strings. That is the public leaderboard's order: under the
 * official key Qwen3-32B and Preferred-MedRECT-32B both score 449/500, and {@code Qwen_Qwen3-32B.json} comes
 * before {@code pfnet_Preferred-MedRECT-32B.json} (capitals before small letters), so Qwen3-32B is listed first.
 * A tie is never broken by a third figure (correct answers, the name): each place that did so ordered the
 * same two runs differently from the others.
 */
public final class Ranking {
  private Ranking() {}

  /**
   * Orders runs by {@code share} (a rounded ratio, highest first), ties by {@code file}: the result file's
   * name, or its path when every run compared lies in one folder (the order is then the same).
   */
  public static <T> Comparator<T> highestFirst(ToDoubleFunction<? super T> share, Function<? super T, String> file) {
    Comparator<T> byShare = (x, y) -> Double.compare(share.applyAsDouble(y), share.applyAsDouble(x));
    return byShare.thenComparing(file, Ranking::byCodePoint);
  }

  /** Python's string order; {@link String#compareTo} differs from it beyond U+FFFF. */
  static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
