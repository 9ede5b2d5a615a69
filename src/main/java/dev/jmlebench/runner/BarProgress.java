package dev.jmlebench.runner;

import dev.jmlebench.common.Styled;
import dev.jmlebench.results.QuestionResult;
import java.time.Duration;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress as a live bar on a terminal: done/total, times and the running counts, drawn by {@link BarLine}
 * to the width the terminal has at each redraw (the library asks the terminal; never a fixed width). The bar is
 * drawn again every {@value #REDRAW_MILLIS} ms whether or not a question finished, from the counts as they are
 * then ({@link #follow}): elapsed time, retries and requests in flight move while every request retries.
 */
final class BarProgress implements Progress {
  static final int REDRAW_MILLIS = 250;
  private final ProgressBarConsumer consumer;
  /** Whether the bar is drawn in colour: the terminal's conventions ({@link Styled#enabled}). */
  private final boolean colour;
  private ProgressBar bar;
  private volatile RunningCounts.Snapshot latest;
  private volatile Supplier<RunningCounts.Snapshot> now;

  /** On the terminal, at its width, in colour unless the environment says otherwise ({@code NO_COLOR}, …). */
  BarProgress() {
    this(null, Styled.enabled(System.getenv(), true));
  }

  /** To {@code consumer}, at the width it gives (tests); null for the terminal. */
  BarProgress(ProgressBarConsumer consumer, boolean colour) {
    this.consumer = consumer;
    this.colour = colour;
  }

  @Override
  public void follow(Supplier<RunningCounts.Snapshot> counts) {
    now = counts;
  }

  @Override
  public synchronized void started(RunningCounts.Snapshot s) {
    latest = s;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setInitialMax(s.total())
        .startsFrom(s.done(), Duration.ZERO)
        .setRenderer((state, width) -> Styled.render(BarLine.marked(current(), width), colour))
        .setUpdateIntervalMillis(REDRAW_MILLIS)
        .continuousUpdate();
    if (consumer != null) {
      builder.setConsumer(consumer);
    }
    bar = builder.build();
  }

  /** The counts as they are now when the run gave a way to read them, else as the last answer left them. */
  private RunningCounts.Snapshot current() {
    Supplier<RunningCounts.Snapshot> live = now;
    if (live == null) {
      return latest;
    }
    RunningCounts.Snapshot s = live.get();
    // The last answer's counts may be ahead of a read that raced with it: never draw the bar going back.
    return s.done() >= latest.done() ? s : latest;
  }

  @Override
  public synchronized void finished(String label, QuestionResult r, RunningCounts.Snapshot s) {
    latest = s;
    if (bar != null) {
      bar.stepTo(s.done());
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
