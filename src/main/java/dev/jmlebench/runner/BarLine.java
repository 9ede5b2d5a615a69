package dev.jmlebench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live bar's one line, fitted to the terminal's width: a line longer than the terminal wraps, and every
 * redraw then leaves a stale copy above. The percentage and done/total always stay; the other fields come in
 * order of what a user needs to judge a run, most of all one that struggles — accuracy, errors, retries, the
 * times (elapsed < ETA), requests in flight and questions waiting (to retry, or for a slot) — then unparsed and truncated answers and the name. A count
 * shows only once it is not zero (accuracy and the times always do), the bar shrinks before a field goes, and the
 * last field goes first.
 */
final class BarLine {
  private static final int BAR_MIN = 8;
  private static final int BAR_MAX = 40;
  private static final String SEP = " · ";
  private static final String NAME = "jmle-bench";
  private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'};

  private BarLine() {}

  static String render(RunningCounts.Snapshot s, int width) {
    String pct = String.format(Locale.ROOT, "%3d%%", s.total() == 0 ? 100 : 100 * s.done() / s.total());
    String count = s.done() + "/" + s.total();
    // Optional fields, most interesting first; the last is dropped first.
    List<String> extras = new ArrayList<>();
    extras.add("acc " + Progress.accuracy(s));
    addIfAny(extras, "err ", s.errors());
    addIfAny(extras, "retries ", s.retries());
    extras.add(Progress.clock(s.elapsed()) + " < " + Progress.clock(s.eta()));
    addIfAny(extras, "in flight ", s.inFlight());
    addIfAny(extras, "waiting ", s.waiting());
    addIfAny(extras, "unparsed ", s.unparsed());
    addIfAny(extras, "cut ", s.truncated());
    extras.add(NAME);
    while (true) {
      boolean named = extras.contains(NAME);
      List<String> tail = new ArrayList<>(extras);
      tail.remove(NAME);
      String head = (named ? NAME + " " : "") + pct + " ";
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

  private static void addIfAny(List<String> extras, String label, int count) {
    if (count > 0) {
      extras.add(label + count);
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
