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
import picocli.CommandLine;

/**
 * Does a suite entry as the {@code run} command line that {@code suite plan} prints: the arguments parsed
 * and checked by {@link RunCommand} itself, so an entry and its printed command cannot mean different runs.
 */
final class SuiteLauncher implements SuiteRunner.Launcher {
  private final Dataset dataset;

  SuiteLauncher(Dataset dataset) {
    this.dataset = dataset;
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
    return new Runner(config, dataset, key, progress, out, RunCommand.program()).run();
  }
}
