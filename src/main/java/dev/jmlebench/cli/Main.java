package dev.jmlebench.cli;

import dev.jmlebench.common.TerminalText;
import dev.jmlebench.common.UserError;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.List;
import picocli.AutoComplete;
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
    description = "Benchmark language models on the Japanese Medical Licensing Examination (医師国家試験).")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order {@code --help} lists them. They are registered lazily: picocli builds a
   * command's model by reflection, and building all of them costs more start-up time than most commands
   * take to run, so a call builds only the command it names (all of them for help or an unknown name).
   * Lambdas, not constructor references: a reference would load every command class up front.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("run", () -> new RunCommand());
    COMMANDS.put("dataset", () -> new DatasetCommand());
    COMMANDS.put("summary", () -> new SummaryCommand());
    COMMANDS.put("rescore", () -> new RescoreCommand());
    COMMANDS.put("import", () -> new ImportCommand());
    COMMANDS.put("leaderboard", () -> new LeaderboardCommand());
    COMMANDS.put("compare", () -> new CompareCommand());
    COMMANDS.put("suite", () -> new SuiteCommand());
    COMMANDS.put("serve", () -> new ServeCommand());
    COMMANDS.put("report", () -> new ReportCommand());
    COMMANDS.put("cache", () -> new CacheCommand());
    COMMANDS.put("mock-server", () -> new MockServerCommand());
    COMMANDS.put("bench", () -> new BenchCommand());
    COMMANDS.put("generate-completion", () -> new AutoComplete.GenerateCompletion());
    COMMANDS.put("help", () -> new CommandLine.HelpCommand());
  }

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
    return commandLine(args).execute(args);
  }

  /** The command line with every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /** The command line with only the subcommand {@code args} name, or all of them when it names none. */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    String named = args.length > 0 ? args[0] : "";
    // help and the completion script describe every command; so does an unknown name's "did you mean".
    if (COMMANDS.containsKey(named) && !named.equals("help") && !named.equals("generate-completion")) {
      cl.addSubcommand(named, COMMANDS.get(named).get());
    } else {
      COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    // Help in plain text: the guard below would show picocli's colour codes as text.
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.setExecutionStrategy(Main::executeGuarded);
    CommandLine completion = cl.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().hidden(false)
          .description("Print a bash/zsh completion script for jmle-bench: source it, e.g. "
              + "`source <(./jmle-bench generate-completion)` in ~/.bashrc or ~/.zshrc.");
    }
    cl.setExecutionExceptionHandler(Main::handleException);
    cl.setParameterExceptionHandler(Main::handleParameterException);
    return cl;
  }

  /**
   * Runs the command with its writers guarded: result files and servers supply much of what is printed
   * (names, models, question ids, error messages), and none of their control characters may reach the
   * terminal. Guarded here, at execution, so that writers a caller set in the meantime are guarded too.
   */
  private static int executeGuarded(CommandLine.ParseResult parsed) {
    CommandLine root = parsed.commandSpec().commandLine();
    root.setOut(TerminalText.guard(root.getOut()));
    root.setErr(TerminalText.guard(root.getErr()));
    return new CommandLine.RunLast().execute(parsed);
  }

  private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof UserError) {
      err.println("jmle-bench: " + TerminalText.oneLine(e.getMessage()));
      err.flush();
      return USAGE;
    }
    if (e instanceof UncheckedIOException io) {
      err.println("jmle-bench: " + TerminalText.oneLine(io.getMessage()));
      err.flush();
      return FINDING;
    }
    err.println("jmle-bench: internal error: " + TerminalText.oneLine(e.toString()));
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
    PrintWriter err = TerminalText.guard(cl.getErr());
    err.println("jmle-bench: " + e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        err.println("Did you mean: " + cl.getCommandSpec().qualifiedName() + " " + suggestions.get(0) + "?");
      }
    }
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }
}
