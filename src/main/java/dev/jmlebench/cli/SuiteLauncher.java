package dev.jmlebench.cli;

import dev.jmlebench.client.ApiKey;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.runner.Progress;
import dev.jmlebench.runner.RunConfig;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.Runner;
import dev.jmlebench.suite.SuiteRunner;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Does a suite entry as the {@code run} command line that {@code suite plan} prints: the arguments parsed
 * and checked by {@link RunCommand} itself, so an entry and its printed command cannot mean different runs
 * (nor different exams: the run's {@code --exam} picks its dataset).
 */
final class SuiteLauncher implements SuiteRunner.Launcher {
  private final Map<String, Dataset> datasets;

  /** @param datasets every exam's dataset the entries need, by exam id, loaded before the runs start */
  SuiteLauncher(Map<String, Dataset> datasets) {
    this.datasets = Map.copyOf(datasets);
  }

  @Override
  public FinishedRun launch(List<String> runArguments, ApiKey key, Progress progress, PrintWriter out) {
    RunCommand run = new RunCommand();
    try {
      new CommandLine(run).parseArgs(runArguments.subList(1, runArguments.size()).toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new UserError(e.getMessage());
    }
    RunConfig config = run.config(key, Instant.now());
    Dataset exam = datasets.get(run.dataset.exam().id());
    RunCommand.checkImages(config, exam);
    return new Runner(config, exam, key, progress, out, RunCommand.program()).run();
  }
}
