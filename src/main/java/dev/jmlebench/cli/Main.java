package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Exit codes and the mapping of errors to one-line messages are defined here, once:
 * 0 success, 1 a finding (e.g. a check that failed, an interrupted run), 2 bad input or usage.
 */
@Command(
    name = "jmle-bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Benchmark language models on the Japanese Medical Licensing Examination (医師国家試験).",
    subcommands = {
      CommandLine.HelpCommand.class,
      DatasetCommand.class,
      RunCommand.class,
      MockServerCommand.class,
      BenchCommand.class,
      RescoreCommand.class,
      LeaderboardCommand.class,
      SummaryCommand.class,
      ServeCommand.class,
      ReportCommand.class,
      CompareCommand.class,
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FINDING = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code; used by tests in-process. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handleException);
    cl.setParameterExceptionHandler(Main::handleParameterException);
    return cl;
  }

  private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof UserError) {
      err.println("jmle-bench: " + e.getMessage());
      err.flush();
      return USAGE;
    }
    if (e instanceof UncheckedIOException io) {
      err.println("jmle-bench: " + io.getMessage());
      err.flush();
      return FINDING;
    }
    err.println("jmle-bench: internal error: " + e);
    if (System.getenv("JMLE_BENCH_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set JMLE_BENCH_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return FINDING;
  }

  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("jmle-bench: " + e.getMessage());
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }
}
