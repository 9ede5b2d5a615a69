package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress as a live bar on a terminal: done/total, ETA, and the running counts beside it. */
final class BarProgress implements Progress {
  private ProgressBar bar;

  @Override
  public synchronized void started(RunningCounts.Snapshot s) {
    bar = new ProgressBarBuilder()
        .setTaskName("jmle-bench")
        .setInitialMax(s.total())
        .startsFrom(s.done(), Duration.ZERO)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setMaxRenderedLength(120)
        .setUpdateIntervalMillis(250)
        .build();
    bar.setExtraMessage(compact(s));
  }

  @Override
  public synchronized void finished(String label, QuestionResult r, RunningCounts.Snapshot s) {
    bar.stepTo(s.done());
    bar.setExtraMessage(compact(s));
  }

  /** Short enough that bar and counts fit on one 120-column line. */
  private static String compact(RunningCounts.Snapshot s) {
    return "acc " + Progress.accuracy(s) + " · err " + s.errors() + " · ? " + s.parseFailures()
        + " · retries " + s.retries() + " · in flight " + s.inFlight();
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
