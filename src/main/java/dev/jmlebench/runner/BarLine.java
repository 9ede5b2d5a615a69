package dev.jmlebench.runner;

import dev.jmlebench.common.Styled;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The live bar's one line, fitted to the terminal's width: a line longer than the terminal wraps, and every
 * redraw then leaves a stale copy above. The percentage and done/total always stay; the other fields come in
 * order of what a user needs to judge a run, most of all one that struggles — accuracy, errors, retries, the
 * times (elapsed < ETA), requests in flight and questions waiting (to retry, or for a slot) — then unparsed and truncated answers and the name. A count
 * shows only once it is not zero (accuracy and the times always do), the bar shrinks before a field goes, and the
 * last field goes first. In colour ({@link #marked}) the done part of the bar is green, errors red, and retries and
 * questions waiting yellow: what a struggling run looks like at a glance.
 */
final class BarLine {
  private static final int BAR_MIN = 8;
  private static final int BAR_MAX = 40;
  private static final String SEP = " · ";
  private static final String NAME = "jmle-bench";
  private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'};

  private BarLine() {}

  /** The line as plain text. */
  static String render(RunningCounts.Snapshot s, int width) {
    return Styled.plain(marked(s, width));
  }

  /**
   * The line with {@link Styled} marks around the fields worth a colour; its width, the marks left out, is at most
   * {@code width}.
   */
  static String marked(RunningCounts.Snapshot s, int width) {
    String pct = String.format(Locale.ROOT, "%3d%%", s.total() == 0 ? 100 : 100 * s.done() / s.total());
    String count = s.done() + "/" + s.total();
    // Optional fields, most interesting first; the last is dropped first.
    List<Field> extras = new ArrayList<>();
    extras.add(new Field("acc " + Progress.accuracy(s), UnaryOperator.identity()));
    addIfAny(extras, "err ", s.errors(), Styled::bad);
    addIfAny(extras, "retries ", s.retries(), Styled::warn);
    extras.add(new Field(Progress.clock(s.elapsed()) + " < " + Progress.clock(s.eta()), UnaryOperator.identity()));
    addIfAny(extras, "in flight ", s.inFlight(), UnaryOperator.identity());
    addIfAny(extras, "waiting ", s.waiting(), Styled::warn);
    addIfAny(extras, "unparsed ", s.unparsed(), UnaryOperator.identity());
    addIfAny(extras, "cut ", s.truncated(), UnaryOperator.identity());
    extras.add(NAME_FIELD);
    while (true) {
      boolean named = extras.contains(NAME_FIELD);
      List<Field> tail = new ArrayList<>(extras);
      tail.remove(NAME_FIELD);
      String head = (named ? NAME + " " : "") + pct + " ";
      String rest = " " + count + (tail.isEmpty() ? "" : SEP + String.join(SEP, tail.stream().map(Field::text).toList()));
      int room = width - head.length() - rest.length() - 2;
      if (room >= BAR_MIN || extras.isEmpty()) {
        int barWidth = Math.min(BAR_MAX, room);
        if (barWidth < BAR_MIN) {
          String bare = pct + " " + count;
          return bare.length() <= width ? bare : bare.substring(0, Math.max(0, width));
        }
        String shownRest = " " + count
            + (tail.isEmpty() ? "" : SEP + String.join(SEP, tail.stream().map(Field::shown).toList()));
        return head + "│" + bar(s, barWidth) + "│" + shownRest;
      }
      extras.remove(extras.size() - 1);
    }
  }

  /** A field of the line: its text, and how it is shown (in a colour, or as it is). */
  private record Field(String text, UnaryOperator<String> style) {
    String shown() {
      return style.apply(text);
    }
  }

  private static final Field NAME_FIELD = new Field(NAME, UnaryOperator.identity());

  private static void addIfAny(List<Field> extras, String label, int count, UnaryOperator<String> style) {
    if (count > 0) {
      extras.add(new Field(label + count, style));
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
    int done = b.length();
    b.append(" ".repeat(width - b.length()));
    return Styled.good(b.substring(0, done)) + b.substring(done);
  }
}
