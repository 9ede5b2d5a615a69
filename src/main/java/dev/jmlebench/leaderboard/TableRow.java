package dev.jmlebench.leaderboard;

/**
 * One row of a leaderboard table.
 *
 * @param vision true for {@code ✓}, false for {@code -}; null in the text-only table, which has no such column
 */
record TableRow(String name, boolean bold, Boolean vision, Fraction score, Fraction accuracy) {

  /** Rows with equal keys are the same entry: a newer one replaces the older. */
  record Key(String name, Boolean vision) {}

  Key key() {
    return new Key(name, vision);
  }

  String render() {
    StringBuilder sb = new StringBuilder("| ").append(bold ? "**" + name + "**" : name).append(" | ");
    if (vision != null) {
      sb.append(vision ? TableKind.VISION_MARK : TableKind.NO_VISION_MARK).append(" | ");
    }
    return sb.append(score.cell()).append(" | ").append(accuracy.cell()).append(" |").toString();
  }
}
