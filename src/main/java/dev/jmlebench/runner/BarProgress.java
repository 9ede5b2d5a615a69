package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress as a live bar on a terminal: done/total, times and the running counts, drawn by {@link BarLine}
 * to the width the terminal has at each redraw (the library asks the terminal; never a fixed width).
 */
final class BarProgress implements Progress {
  private final ProgressBarConsumer consumer;
  private ProgressBar bar;
  private volatile RunningCounts.Snapshot latest;

  /** On the terminal, at its width. */
  BarProgress() {
    this(null);
  }

  /** To {@code consumer}, at the width it gives (tests); null for the terminal. */
  BarProgress(ProgressBarConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public synchronized void started(RunningCounts.Snapshot s) {
    latest = s;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setInitialMax(s.total())
        .startsFrom(s.done(), Duration.ZERO)
        .setRenderer((state, width) -> BarLine.render(latest, width))
        .setUpdateIntervalMillis(250);
    if (consumer != null) {
      builder.setConsumer(consumer);
    }
    bar = builder.build();
  }

  @Override
  public synchronized void finished(String label, QuestionResult r, RunningCounts.Snapshot s) {
    latest = s;
    bar.stepTo(s.done());
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
