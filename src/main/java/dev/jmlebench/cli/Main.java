package dev.jmlebench.cli;

import dev.jmlebench.common.Styled;
import dev.jmlebench.common.TerminalText;
import dev.jmlebench.common.UserError;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
    // Short enough to stay on one line at 80 columns, where the CJK characters count twice.
    description = "Benchmark LLMs on the Japanese Medical Licensing Examination (医師国家試験).")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order {@code --help} lists them, each with the one line that list shows. They are
   * registered lazily: picocli builds a command's model by reflection, and building all of them costs more
   * start-up time than most commands take to run, so a call builds only the command it names (none for the
   * version, a name and summary each for the command list, all of them for {@code help CMD} or an unknown name). Lambdas, not constructor references: a reference would load every command class
   * up front.
   */
  private static final Map<String, Registered> COMMANDS = new LinkedHashMap<>();

  private record Registered(String summary, Supplier<Object> command) {}

  private static void register(String name, String summary, Supplier<Object> command) {
    COMMANDS.put(name, new Registered(summary, command));
  }

  static {
    register("run", "Ask a model the exam and write its graded result file", () -> RunCommand.commandLine());
    register("continue", "Finish the run a result file records, from the file alone",
        () -> ContinueCommand.commandLine());
    register("dataset", "Download, verify and describe an exam's dataset", () -> new DatasetCommand());
    register("summary", "Print the score report of result files, with intervals", () -> new SummaryCommand());
    register("rescore", "Re-parse and re-grade result files in place", () -> new RescoreCommand());
    register("import", "Import another harness's published answers", () -> new ImportCommand());
    register("leaderboard", "Rank a folder of result files: table, exports, charts", () -> new LeaderboardCommand());
    register("compare", "Do two runs really differ? Paired tests per question", () -> new CompareCommand());
    register("robustness", "Would the score hold? One model's variants, paired", () -> new RobustnessCommand());
    register("suite", "Plan, run and check many runs listed in one YAML file", () -> new SuiteCommand());
    register("serve", "Browse results in the viewer (http://127.0.0.1:8501/)", () -> new ServeCommand());
    register("report", "Write the viewer as a static site", () -> new ReportCommand());
    register("cache", "Look into or clear out the response cache", () -> new CacheCommand());
    register("mock-server", "Serve a mock model on 127.0.0.1 for demos and tests", () -> new MockServerCommand());
    register("bench", "Measure the harness's overhead and throughput", () -> new BenchCommand());
    register("generate-completion", "Print a bash/zsh completion script", () -> new AutoComplete.GenerateCompletion());
    register("help", "Show the help of a command", () -> new CommandLine.HelpCommand());
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
    return commandLine(new String[] {"help"});
  }

  /** The command line with only the subcommand {@code args} name, or all of them when it names none. */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    String named = args.length > 0 ? args[0] : "";
    if (COMMANDS.containsKey(named) && !named.equals("help") && !named.equals("generate-completion")) {
      add(cl, named, COMMANDS.get(named));
    } else if (named.equals("--version") || named.equals("-V")) {
      // The version needs no command.
    } else if (named.isEmpty() || named.equals("--help") || named.equals("-h")) {
      // The command list shows each command's name and summary only: no command's model is needed for it.
      COMMANDS.forEach((name, command) -> cl.addSubcommand(name, listed(name, command.summary())));
    } else {
      // `help CMD` and the completion script describe every command; so does an unknown name's "did you mean".
      COMMANDS.forEach((name, command) -> add(cl, name, command));
    }
    // Help in plain text: the guard below would show picocli's colour codes as text.
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.setExecutionStrategy(Main::executeGuarded);
    CommandLine completion = cl.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().hidden(false)
          .description("Print a bash/zsh completion script for jmle-bench: source it, e.g. "
              + "`source <(./jmle-bench generate-completion)` in ~/.bashrc or ~/.zshrc. It completes commands, "
              + "options and the values of options that take a fixed set (--exam, --key, --image-mode, ...).");
    }
    cl.setExecutionExceptionHandler(Main::handleException);
    cl.setParameterExceptionHandler(Main::handleParameterException);
    return cl;
  }

  /**
   * Adds a command under its summary, which the command list shows (picocli lists a command's header when it
   * has one), while its own help keeps its full description. The version is the program's: only the root
   * offers {@code -V}, every command and subcommand {@code -h} alone.
   */
  private static void add(CommandLine root, String name, Registered registered) {
    root.addSubcommand(name, registered.command().get());
    CommandLine sub = root.getSubcommands().get(name);
    sub.getCommandSpec().usageMessage().header(registered.summary());
    asSubcommand(sub);
  }

  /** A command as the command list shows it: its name and summary, without building its options. */
  private static CommandLine.Model.CommandSpec listed(String name, String summary) {
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(name);
    spec.usageMessage().header(summary);
    return spec;
  }

  private static void asSubcommand(CommandLine cl) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    List<String> sections = new ArrayList<>(spec.usageMessage().sectionKeys());
    sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
    sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
    spec.usageMessage().sectionKeys(sections);
    CommandLine.Model.OptionSpec version = spec.findOption("--version");
    if (version != null && version.versionHelp()) {
      spec.remove(version);
    }
    cl.getSubcommands().values().forEach(Main::asSubcommand);
  }

  /**
   * Runs the command with its writers guarded: result files and servers supply much of what is printed
   * (names, models, question ids, error messages), and none of their control characters may reach the
   * terminal. Guarded here, at execution, so that writers a caller set in the meantime are guarded too.
   */
  private static int executeGuarded(CommandLine.ParseResult parsed) {
    CommandLine root = parsed.commandSpec().commandLine();
    boolean colour = Styled.enabled(System.getenv(), isTerminal());
    root.setOut(TerminalText.guard(root.getOut(), colour));
    root.setErr(TerminalText.guard(root.getErr(), colour));
    return new CommandLine.RunLast().execute(parsed);
  }

  /**
   * Whether the program talks to a terminal. JDK 22 and later return a console even when the output is
   * redirected, and say whether it is a terminal in {@code Console.isTerminal()}, which JDK 17 lacks.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
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
    // picocli checks required options before it reports unknown ones: `run --modle x` would only say that
    // --model is missing. The unknown option is the mistake to name, with its "did you mean" (its value, left
    // over by it, is not another mistake).
    CommandLine.ParameterException shown = e;
    List<String> unknownOptions = cl.getUnmatchedArguments().stream().filter(a -> a.startsWith("-")).toList();
    boolean unknownBesideStrays = e instanceof CommandLine.UnmatchedArgumentException
        && unknownOptions.size() < cl.getUnmatchedArguments().size();
    if ((e instanceof CommandLine.MissingParameterException || unknownBesideStrays) && !unknownOptions.isEmpty()) {
      shown = new CommandLine.UnmatchedArgumentException(cl, unknownOptions);
    }
    err.println("jmle-bench: " + shown.getMessage());
    if (shown instanceof CommandLine.UnmatchedArgumentException unmatched) {
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
