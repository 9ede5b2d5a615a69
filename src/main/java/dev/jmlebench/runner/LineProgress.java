package dev.jmlebench.runner;

import dev.jmlebench.common.TerminalText;
import dev.jmlebench.results.QuestionResult;
import java.io.PrintWriter;

/**
 * Progress as plain lines, for logs and pipes: one line per finished question (per sample when the run
 * repeats), led by its mark, and a running tally every {@value #TALLY_EVERY} of them.
 */
final class LineProgress implements Progress {
  static final int TALLY_EVERY = 10;
  private final PrintWriter out;
  private final int repeats;

  LineProgress(PrintWriter out, int repeats) {
    this.out = out;
    this.repeats = repeats;
  }

  @Override
  public synchronized void started(RunningCounts.Snapshot s) {
    out.println("Asking " + (s.total() - s.done()) + " of " + s.total()
        + (repeats == 1 ? " questions" : " answers (" + s.total() / repeats + " questions × " + repeats + ")")
        + (s.done() > 0 ? " (" + s.done() + " kept from earlier)" : "") + ".");
    out.flush();
  }

  @Override
  public synchronized void finished(String label, QuestionResult r, RunningCounts.Snapshot s) {
    String detail = switch (r.outcome()) {
      case ERROR -> r.error();
      case UNPARSED -> "no 【回答】 found";
      case CORRECT -> String.join(",", r.predicted());
      case WRONG -> String.join(",", r.predicted()) + " (gold " + String.join(",", r.gold()) + ")";
    };
    // One line per question, whatever a server put in its error message.
    out.printf("%c %-9s %s%s%n", Progress.mark(r), TerminalText.oneLine(label), TerminalText.oneLine(detail),
        r.isTruncated() ? " [truncated]" : "");
    if (s.done() % TALLY_EVERY == 0 || s.done() == s.total()) {
      out.printf("  %d/%d · %s · ETA %s%n", s.done(), s.total(), Progress.counts(s), Progress.clock(s.eta()));
    }
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
