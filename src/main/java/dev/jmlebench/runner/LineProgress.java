package dev.jmlebench.runner;

import dev.jmlebench.common.TerminalText;
import dev.jmlebench.results.QuestionResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress as plain lines, for logs and pipes: one line per finished question (per sample when the run
 * repeats), led by its mark, and a running tally every {@value #TALLY_EVERY} of them. When nothing finishes for
 * {@link #QUIET} (every request retrying, a slow model), a tally says so, with the retries and requests in
 * flight, so a log never looks like a hung process.
 */
final class LineProgress implements Progress {
  static final int TALLY_EVERY = 10;
  static final Duration QUIET = Duration.ofSeconds(30);
  private final PrintWriter out;
  private final int repeats;
  private final Duration quiet;
  private Supplier<RunningCounts.Snapshot> now;
  private ScheduledExecutorService heartbeat;
  private long lastLineNanos = System.nanoTime();

  LineProgress(PrintWriter out, int repeats) {
    this(out, repeats, QUIET);
  }

  /** With another quiet time before a "still waiting" tally (tests). */
  LineProgress(PrintWriter out, int repeats, Duration quiet) {
    this.out = out;
    this.repeats = repeats;
    this.quiet = quiet;
  }

  @Override
  public synchronized void follow(Supplier<RunningCounts.Snapshot> counts) {
    now = counts;
  }

  @Override
  public synchronized void started(RunningCounts.Snapshot s) {
    out.println("Asking " + (s.total() - s.done()) + " of " + s.total()
        + (repeats == 1 ? " questions" : " answers (" + s.total() / repeats + " questions × " + repeats + ")")
        + (s.done() > 0 ? " (" + s.done() + " kept from earlier)" : "") + ".");
    out.flush();
    lastLineNanos = System.nanoTime();
    if (now != null && s.done() < s.total()) {
      heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jmle-bench-progress");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, quiet.toMillis() / 4);
      heartbeat.scheduleAtFixedRate(this::tallyIfQuiet, every, every, TimeUnit.MILLISECONDS);
    }
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
      tally(s, "");
    }
    out.flush();
    lastLineNanos = System.nanoTime();
  }

  private synchronized void tallyIfQuiet() {
    Duration silent = Duration.ofNanos(System.nanoTime() - lastLineNanos);
    if (heartbeat != null && silent.compareTo(quiet) >= 0) {
      tally(now.get(), " · nothing finished for " + Progress.clock(silent));
      out.flush();
      lastLineNanos = System.nanoTime();
    }
  }

  private void tally(RunningCounts.Snapshot s, String note) {
    out.printf("  %d/%d · %s · %s%s%n", s.done(), s.total(), Progress.counts(s),
        s.eta() == null ? "elapsed " + Progress.clock(s.elapsed()) : "ETA " + Progress.clock(s.eta()), note);
  }

  @Override
  public synchronized void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      heartbeat = null;
    }
    out.flush();
  }
}
