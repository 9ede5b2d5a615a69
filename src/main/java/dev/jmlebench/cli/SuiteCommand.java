package dev.jmlebench.cli;

import dev.jmlebench.exam.Exams;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.ShellWords;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.suite.EntryState;
import dev.jmlebench.suite.Suite;
import dev.jmlebench.suite.SuiteEntry;
import dev.jmlebench.suite.SuiteFromResults;
import dev.jmlebench.suite.SuitePlan;
import dev.jmlebench.suite.SuiteReader;
import dev.jmlebench.suite.SuiteRunner;
import dev.jmlebench.suite.SuiteStatus;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code suite run | status | plan | from-results}: many runs described in one YAML file. */
@Command(name = "suite", mixinStandardHelpOptions = true,
    description = {"Many runs in one YAML file (a suite): defaults plus a list of runs, each with name, model, "
        + "base_url, api_key_env (the NAME of the variable holding the key; a literal key is refused), "
        + "image_mode, extra_body, display_name, parallel, timeout, repeats, exam, key and out (default "
        + "RESULTS/NAME.json). See suites/jmle2026-published.yaml."},
    subcommands = {SuiteCommand.Run.class, SuiteCommand.Status.class, SuiteCommand.Plan.class,
        SuiteCommand.FromResults.class})
final class SuiteCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The suite file and the runs {@code --only} names. */
  static final class Selection {
    @Parameters(index = "0", paramLabel = "FILE", description = "The suite file (YAML).")
    Path file;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
        description = "Only the runs of these names, e.g. gpt-5.2,claude-opus-4.6. Default: all.")
    List<String> only;

    @Option(names = "--results", paramLabel = "DIR",
        description = "Folder of the result files (of runs without their own out) and of the leaderboard. "
            + "Default: the suite's results field, else results.")
    Path results;

    Suite suite() {
      return SuiteReader.read(file, results);
    }

    List<SuiteEntry> entries(Suite suite) {
      return suite.select(only);
    }
  }

  /** {@code --allow-env}: variables besides the conventional key variables that a suite may send as a key. */
  static final class AllowEnv {
    @Option(names = "--allow-env", paramLabel = "NAME", split = ",",
        description = "Let a run send this environment variable as its API key though its name is not a key "
            + "variable's (*_API_KEY, *_TOKEN): a suite file names the variable (api_key_env) and the server "
            + "(base_url), so without this a shared suite could send any secret of yours to its own server. "
            + "Repeatable or comma-separated.")
    List<String> names;

    Set<String> allowed() {
      return names == null ? Set.of() : Set.copyOf(names.stream().map(String::strip).toList());
    }
  }

  /** {@code --base-url}: one server for every run, such as a mock server replaying a results folder. */
  static final class ServerOverride {
    @Option(names = "--base-url", paramLabel = "URL",
        description = "Send every run to this server instead of its own, e.g. 'mock-server --replay DIR' "
            + "standing in for them all. Default: each run's base_url.")
    String baseUrl;

    Suite applyTo(Suite suite) {
      return baseUrl == null ? suite : suite.withBaseUrl(baseUrl, "--base-url");
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      header = "Run the suite's runs, N at a time; rerun to continue",
      description = {"Run the suite's runs, N at a time. Each is a 'run' with its journal, retries and resume: "
          + "a run already done is kept, a partial one continues, and running the same command again after a "
          + "kill or Ctrl-C asks no answered question twice. A run that fails (an unreachable server, a "
          + "rejected key) stops alone; the others finish. Then the leaderboard of the results folder is "
          + "rebuilt, and the README's tables when the suite names one and every run is complete.",
          "Each run sits the exam its entry names (exam, default 120) on that exam's dataset: give --dataset once "
          + "per exam, as for 'leaderboard', or let each come from its cache (downloaded there when missing).",
          "Exit status: 0 every run complete, 1 a run failed or has failed questions, 2 a bad suite file."})
  static final class Run implements Callable<Integer> {
    @Mixin Selection selection;
    @Mixin ServerOverride server;
    @Mixin AllowEnv allowEnv;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
        description = "Runs at once (each with its own parallel requests). Default: ${DEFAULT-VALUE}")
    int jobs;

    @Mixin DatasetOption dataset;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Suite suite = server.applyTo(selection.suite());
      List<SuiteEntry> entries = selection.entries(suite);
      PrintWriter out = spec.commandLine().getOut();
      // The live display moves the cursor, which the guarded standard output would escape; it writes
      // to the terminal itself and makes safe what it shows.
      PrintWriter terminal = System.console() != null
          ? new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true) : null;
      SuiteRunner.Settings settings = new SuiteRunner.Settings(jobs, terminal, columns(), continueCommand(),
          System::getenv, allowEnv.allowed());
      // Each exam's dataset loaded (or downloaded) once, before any run starts: parallel runs must not each
      // fetch it.
      Map<String, Dataset> data = dataset.eachOf(SuiteStatus.exams(entries), "suite " + selection.file, out);
      // Result files of an exam no selected run sits (--only) are ranked too: that exam is loaded when met.
      Function<String, Dataset> others = dataset.perExam();
      Function<String, Dataset> anyExam = id -> data.containsKey(id) ? data.get(id) : others.apply(id);
      SuiteRunner.Outcome outcome = new SuiteRunner(suite, anyExam, new SuiteLauncher(data), settings, out)
          .run(entries);
      return outcome.allComplete() ? Main.OK : Main.FINDING;
    }

    private String continueCommand() {
      List<String> words = new ArrayList<>(List.of(RunCommand.program(), "suite", "run", selection.file.toString()));
      if (selection.only != null && !selection.only.isEmpty()) {
        words.addAll(List.of("--only", String.join(",", selection.only)));
      }
      if (selection.results != null) {
        words.addAll(List.of("--results", selection.results.toString()));
      }
      if (server.baseUrl != null) {
        words.addAll(List.of("--base-url", server.baseUrl));
      }
      if (jobs != 1) {
        words.addAll(List.of("--jobs", String.valueOf(jobs)));
      }
      allowEnv.allowed().stream().sorted().forEach(v -> words.addAll(List.of("--allow-env", v)));
      words.addAll(dataset.asArguments());
      return ShellWords.join(words);
    }

    private static int columns() {
      try {
        return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
      } catch (NumberFormatException e) {
        return 80;
      }
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, header = "Where each run stands: done, partial or missing",
      description = {"Where each run of the suite stands: done, partial (answered/total, counted as a resume "
          + "counts them, against the questions of the run's own exam) or missing.", "Exit status: 0 every run done, 1 otherwise."})
  static final class Status implements Callable<Integer> {
    @Mixin Selection selection;
    @Mixin DatasetOption dataset;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Suite suite = selection.suite();
      List<SuiteEntry> entries = selection.entries(suite);
      List<EntryState> states = SuiteStatus.of(entries,
          dataset.eachOf(SuiteStatus.exams(entries), "suite " + selection.file, null));
      PrintWriter out = spec.commandLine().getOut();
      out.print(SuiteStatus.render(suite, states));
      out.flush();
      return SuiteStatus.allDone(states) ? Main.OK : Main.FINDING;
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      header = "Each run as its `run` command, its requests, and where each key goes",
      description = {"Each run's resolved settings and the equivalent 'jmle-bench run' command line, its variant "
          + "(never ranked on the leaderboard), how many requests it sends at most (counted on each exam's dataset "
          + "when it is on disk: --dataset, or the cache), and which environment variable's key goes to which "
          + "server; nothing is asked, fetched or read from a variable."})
  static final class Plan implements Callable<Integer> {
    @Mixin Selection selection;
    @Mixin ServerOverride server;
    @Mixin AllowEnv allowEnv;
    @Mixin DatasetOption dataset;

    @Option(names = "--json", description = "A JSON list of objects with the keys name, display_name, model, "
        + "base_url, image_mode, extra_body, exam, key, out, api_key_env, api_key_allowed.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Suite suite = server.applyTo(selection.suite());
      List<SuiteEntry> entries = selection.entries(suite);
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? SuitePlan.json(entries, allowEnv.allowed())
          : SuitePlan.text(suite, entries, RunCommand.program(), allowEnv.allowed(), this::datasetIfPresent));
      out.flush();
      return Main.OK;
    }

    /** An exam's dataset as it is on disk, to count the requests; null when it is not there (plan fetches nothing). */
    private Dataset datasetIfPresent(String exam) {
      try {
        return dataset.loadAsItIs(Exams.get(exam));
      } catch (UserError e) {
        return null;
      }
    }
  }

  @Command(name = "from-results", mixinStandardHelpOptions = true,
      header = "Write a suite that re-creates a results folder's runs",
      description = {"Write a suite that re-creates the runs whose result files are in DIR, each with the "
          + "settings its metadata records, grouped by server."})
  static final class FromResults implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of result files.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Write the suite here (never over an existing file). Default: standard output.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      String yaml = SuiteFromResults.of(dir);
      if (out == null) {
        spec.commandLine().getOut().print(yaml);
        spec.commandLine().getOut().flush();
        return Main.OK;
      }
      if (Files.exists(out)) {
        throw new UserError("--out " + out + ": already exists; choose another file or remove it first");
      }
      AtomicFiles.write(out, yaml.getBytes(StandardCharsets.UTF_8));
      spec.commandLine().getOut().println("Wrote " + out);
      spec.commandLine().getOut().flush();
      return Main.OK;
    }
  }
}
