package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import java.io.PrintWriter;

/**
 * Progress as plain lines, for logs and pipes: one line per finished question, led by its mark, and a
 * running tally every {@value #TALLY_EVERY} questions.
 */
final class LineProgress implements Progress {
  static final int TALLY_EVERY = 10;
  private final PrintWriter out;

  LineProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void started(Tally.Snapshot s) {
    out.println("Asking " + (s.total() - s.done()) + " of " + s.total() + " questions"
        + (s.done() > 0 ? " (" + s.done() + " kept from earlier)" : "") + ".");
    out.flush();
  }

  @Override
  public synchronized void finished(QuestionResult r, Tally.Snapshot s) {
    String detail;
    if (r.error() != null) {
      detail = r.error();
    } else if (!r.parseSuccess()) {
      detail = "no 【回答】 found";
    } else {
      detail = String.join(",", r.predicted()) + (r.correct() ? "" : " (gold " + String.join(",", r.gold()) + ")");
    }
    out.printf("%c %-9s %s%n", Progress.mark(r), r.questionId(), detail);
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
