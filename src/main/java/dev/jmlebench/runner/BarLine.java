package dev.jmlebench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live bar's one line, fitted to the terminal's width: a line longer than the terminal wraps, and every
 * redraw then leaves a stale copy above. Fields give way in order of interest — in-flight and retry counts,
 * then parse failures, the name, the times, truncated answers, errors, accuracy — and the bar shrinks before it goes; the
 * percentage and done/total always stay.
 */
final class BarLine {
  private static final int BAR_MIN = 8;
  private static final int BAR_MAX = 40;
  private static final String SEP = " · ";
  private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'};

  private BarLine() {}

  static String render(RunningCounts.Snapshot s, int width) {
    String pct = String.format(Locale.ROOT, "%3d%%", s.total() == 0 ? 100 : 100 * s.done() / s.total());
    String count = s.done() + "/" + s.total();
    // Optional fields, most interesting first; the last is dropped first.
    List<String> extras = new ArrayList<>(List.of(
        "acc " + Progress.accuracy(s),
        "err " + s.errors(),
        "cut " + s.truncated(),
        Progress.clock(s.elapsed()) + " < " + Progress.clock(s.eta()),
        "jmle-bench",
        "? " + s.parseFailures(),
        "retries " + s.retries(),
        "in flight " + s.inFlight()));
    if (s.truncated() == 0) {
      extras.remove("cut 0"); // shown once an answer was cut off at the token limit
    }
    while (true) {
      boolean named = extras.contains("jmle-bench");
      List<String> tail = new ArrayList<>(extras);
      tail.remove("jmle-bench");
      String head = (named ? "jmle-bench " : "") + pct + " ";
      String rest = " " + count + (tail.isEmpty() ? "" : SEP + String.join(SEP, tail));
      int room = width - head.length() - rest.length() - 2;
      if (room >= BAR_MIN || extras.isEmpty()) {
        int barWidth = Math.min(BAR_MAX, room);
        if (barWidth < BAR_MIN) {
          String bare = pct + " " + count;
          return bare.length() <= width ? bare : bare.substring(0, Math.max(0, width));
        }
        return head + "│" + bar(s, barWidth) + "│" + rest;
      }
      extras.remove(extras.size() - 1);
    }
  }

  /** Eighth-block resolution, so a 400-question run visibly moves every few questions. */
  private static String bar(RunningCounts.Snapshot s, int width) {
    long eighths = s.total() == 0 ? 8L * width : 8L * width * s.done() / s.total();
    StringBuilder b = new StringBuilder(width);
    b.append("█".repeat((int) (eighths / 8)));
    if (b.length() < width) {
      b.append(EIGHTHS[(int) (eighths % 8)]);
    }
    b.append(" ".repeat(width - b.length()));
    return b.toString();
  }
}
