package dev.jmlebench.leaderboard;

import java.util.regex.Pattern;

/**
 * One row of a leaderboard table.
 *
 * @param vision true for {@code ✓}, false for {@code -}; null in the text-only table, which has no such column
 */
record TableRow(String name, boolean bold, Boolean vision, Fraction score, Fraction accuracy) {

  /** The mark a partial run's name carries (see {@code Completeness.label}). */
  private static final Pattern PARTIAL_MARK = Pattern.compile(" \\(partial \\d+/\\d+\\)$");

  /** Rows with equal keys are the same entry: a newer one replaces the older, partial or not. */
  record Key(String name, Boolean vision) {}

  Key key() {
    return new Key(PARTIAL_MARK.matcher(name).replaceFirst(""), vision);
  }

  String render() {
    StringBuilder sb = new StringBuilder("| ").append(bold ? "**" + name + "**" : name).append(" | ");
    if (vision != null) {
      sb.append(vision ? TableKind.VISION_MARK : TableKind.NO_VISION_MARK).append(" | ");
    }
    return sb.append(score.cell()).append(" | ").append(accuracy.cell()).append(" |").toString();
  }
}
