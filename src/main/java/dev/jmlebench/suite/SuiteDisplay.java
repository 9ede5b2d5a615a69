package dev.jmlebench.suite;

import dev.jmlebench.common.TerminalText;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.runner.Progress;
import dev.jmlebench.runner.RunningCounts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The progress of a suite: one line per active run plus an overall line. On a terminal the block is drawn
 * again in place as answers arrive, with finished runs' lines printed above it; in a log, each run prints
 * a line at every tenth of its questions, and the overall line follows each start and end of a run.
 */
final class SuiteDisplay {
  private static final long REDRAW_NANOS = 200_000_000L;
  private final PrintWriter out;
  private final boolean live;
  private final int width;
  private final int entries;
  private final long startNanos = System.nanoTime();
  private final Map<String, RunningCounts.Snapshot> active = new LinkedHashMap<>();
  private int finished;
  private int failed;
  private int answeredInEnded;
  private int drawn;
  private long lastDraw;
  private boolean stopped;

  /**
   * @param out where lines go in a log
   * @param terminal the raw terminal to draw in place on, or null to print lines to {@code out}
   * @param width the terminal's columns; lines are cut to fit
   */
  SuiteDisplay(PrintWriter out, PrintWriter terminal, int width, int entries) {
    this.live = terminal != null;
    this.out = live ? terminal : out;
    this.width = Math.max(width, 40);
    this.entries = entries;
  }

  /** The progress of one entry's run, reported into this display. */
  Progress progressOf(SuiteEntry e) {
    return new Progress() {
      @Override
      public void started(RunningCounts.Snapshot s) {
        update(e.name(), s, true);
      }

      @Override
      public void finished(String label, QuestionResult r, RunningCounts.Snapshot s) {
        update(e.name(), s, false);
      }

      @Override
      public void close() {}
    };
  }

  synchronized void starting(SuiteEntry e) {
    if (stopped) {
      return;
    }
    active.put(e.name(), null);
    if (live) {
      draw();
    } else {
      out.println("▶ " + e.name() + ": starting");
      out.println(overall());
      out.flush();
    }
  }

  /** A run ended: its line replaces its progress line. */
  synchronized void ended(SuiteEntry e, boolean ok, String line) {
    if (stopped) {
      return;
    }
    RunningCounts.Snapshot s = active.remove(e.name());
    answeredInEnded += s == null ? 0 : s.done();
    if (ok) {
      finished++;
    } else {
      failed++;
    }
    print(line);
    if (!live) {
      out.println(overall());
      out.flush();
    }
  }

  /** A line printed above the live block (or simply printed in a log). */
  synchronized void print(String line) {
    if (live) {
      erase();
      out.println(TerminalText.safe(line));
      draw();
    } else {
      out.println(line);
      out.flush();
    }
  }

  /**
   * Ctrl-C: clears the block and prints {@code lines} last. The runs still answering while the process
   * ends draw nothing more, so nothing can overwrite them.
   */
  synchronized void stop(String... lines) {
    close();
    stopped = true;
    for (String line : lines) {
      out.println(live ? TerminalText.safe(line) : line);
    }
    out.flush();
  }

  /** Clears the block; the lines printed above it say how each run ended. */
  synchronized void close() {
    if (live && drawn > 0) {
      erase();
      out.flush();
    }
  }

  private synchronized void update(String name, RunningCounts.Snapshot s, boolean first) {
    if (stopped) {
      return;
    }
    RunningCounts.Snapshot before = active.put(name, s);
    if (live) {
      if (first || System.nanoTime() - lastDraw > REDRAW_NANOS || s.done() == s.total()) {
        draw();
      }
    } else if (first ? s.done() > 0 : tenth(s) != (before == null ? -1 : tenth(before))) {
      out.println(entryLine(name, s));
      out.flush();
    }
  }

  private static int tenth(RunningCounts.Snapshot s) {
    return s.total() == 0 ? 10 : s.done() * 10 / s.total();
  }

  private void draw() {
    erase();
    active.forEach((name, s) -> out.println(cut(entryLine(name, s))));
    out.println(cut(overall()));
    drawn = active.size() + 1;
    lastDraw = System.nanoTime();
    out.flush();
  }

  /** Moves up over the block drawn last and clears it. */
  private void erase() {
    if (drawn > 0) {
      out.print("\033[" + drawn + "F\033[J");
      drawn = 0;
    }
  }

  private String entryLine(String name, RunningCounts.Snapshot s) {
    if (s == null) {
      return "  " + name + "  starting";
    }
    return "  " + name + "  " + s.done() + "/" + s.total() + " · accuracy " + Progress.accuracy(s) + " · errors "
        + s.errors() + " · ETA " + Progress.clock(s.eta());
  }

  private String overall() {
    int answered = answeredInEnded + active.values().stream().mapToInt(s -> s == null ? 0 : s.done()).sum();
    int waiting = entries - finished - failed - active.size();
    return "suite  " + finished + "/" + entries + " done · " + active.size() + " running · " + failed + " failed · "
        + waiting + " waiting · " + answered + " answers · " + Progress.clock(
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** One safe line that fits the terminal: nothing in it can move the cursor but the display itself. */
  private String cut(String line) {
    String safe = TerminalText.oneLine(line);
    return safe.length() < width ? safe : safe.substring(0, width - 2) + "…";
  }
}
