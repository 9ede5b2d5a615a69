package dev.jmlebench.cli;

import dev.jmlebench.client.ApiKey;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.Progress;
import dev.jmlebench.runner.RunSpec;
import dev.jmlebench.runner.RunTarget;
import dev.jmlebench.runner.Runner;
import dev.jmlebench.suite.SuiteRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Does a suite entry's run: the entry's {@link RunSpec}, which is also what the {@code run} command line that
 * {@code suite plan} prints reads back to, on the dataset of the run's own exam.
 */
final class SuiteLauncher implements SuiteRunner.Launcher {
  private final Map<String, Dataset> datasets;

  /** @param datasets every exam's dataset the entries need, by exam id, loaded before the runs start */
  SuiteLauncher(Map<String, Dataset> datasets) {
    this.datasets = Map.copyOf(datasets);
  }

  @Override
  public FinishedRun launch(RunSpec spec, Path file, ApiKey key, Progress progress, PrintWriter out) {
    Dataset exam = datasets.get(spec.exam());
    RunCommand.checkImages(spec, exam);
    return new Runner(spec, RunTarget.at(file), exam, key, progress, out, RunCommand.program()).run();
  }
}
