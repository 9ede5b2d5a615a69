package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Shows a run's progress as questions finish. Called from many threads; implementations synchronize. */
public interface Progress extends AutoCloseable {
  /**
   * Called once, before {@link #started}: the counts as they are at any moment — elapsed time, retries, requests in
   * flight — for a display that redraws while nothing finishes (a run whose requests all retry must not look
   * frozen).
   */
  default void follow(Supplier<RunningCounts.Snapshot> now) {}

  void started(RunningCounts.Snapshot s);

  /** @param label the question id, with the sample number when the run repeats ({@code 120A-1#2}) */
  void finished(String label, QuestionResult r, RunningCounts.Snapshot s);

  @Override
  void close();

  static Progress of(ProgressStyle style, PrintWriter out, int repeats) {
    return switch (style) {
      case BAR -> new BarProgress();
      case LINES -> new LineProgress(out, repeats);
      case QUIET -> new Progress() {
        @Override
        public void started(RunningCounts.Snapshot s) {}

        @Override
        public void finished(String label, QuestionResult r, RunningCounts.Snapshot s) {}

        @Override
        public void close() {}
      };
    };
  }

  /** The mark of a finished question: {@code o} correct, {@code x} wrong, {@code ?} unparsed, {@code !} error. */
  static char mark(QuestionResult r) {
    return switch (r.outcome()) {
      case CORRECT -> 'o';
      case WRONG -> 'x';
      case UNPARSED -> '?';
      case ERROR -> '!';
    };
  }

  /**
   * "accuracy 90.0% (9/10) · errors 0 · unparsed 0 · truncated 1 · retries 2 · in flight 8 (3 waiting)": a failed
   * request is an error, not also unparsed.
   */
  static String counts(RunningCounts.Snapshot s) {
    return "accuracy " + accuracy(s) + " (" + s.correct() + "/" + s.done() + ") · errors " + s.errors()
        + " · unparsed " + s.unparsed() + (s.truncated() > 0 ? " · truncated " + s.truncated() : "")
        + " · retries " + s.retries() + " · " + active(s);
  }

  /** "in flight 8", and the questions waiting to retry or for a slot when there are any: "in flight 2 (6 waiting)". */
  static String active(RunningCounts.Snapshot s) {
    return "in flight " + s.inFlight() + (s.waiting() > 0 ? " (" + s.waiting() + " waiting)" : "");
  }

  /** "88.8%", or "-" before any question is done. */
  static String accuracy(RunningCounts.Snapshot s) {
    return s.done() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * s.correct() / s.done());
  }

  static String clock(Duration d) {
    if (d == null) {
      return "--:--";
    }
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
