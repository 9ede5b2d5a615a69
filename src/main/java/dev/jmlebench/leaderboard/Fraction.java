package dev.jmlebench.leaderboard;

import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;

/** A figure shown as {@code part/whole (P%)} in a leaderboard cell (SPEC §6). */
record Fraction(int part, int whole) {
  Fraction {
    if (part < 0 || whole < 0) {
      throw new IllegalArgumentException("negative fraction " + part + "/" + whole);
    }
  }

  /** The ratio as the summary stores it (rounded to 4 decimals), which is what the table shows and sorts by. */
  double ratio() {
    return Ratio.of(part, whole);
  }

  String cell() {
    return part + "/" + whole + " (" + Percent.format(ratio()) + ")";
  }
}
