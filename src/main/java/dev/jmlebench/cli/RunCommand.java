package dev.jmlebench.cli;

import dev.jmlebench.client.ApiKey;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.cost.PriceList;
import dev.jmlebench.cost.Prices;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.leaderboard.ReadmeLeaderboard;
import dev.jmlebench.leaderboard.ReadmeUpdate;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.PreviousRun;
import dev.jmlebench.runner.ProgressStyle;
import dev.jmlebench.runner.RecordedRun;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import dev.jmlebench.runner.RunTarget;
import dev.jmlebench.runner.Runner;
import dev.jmlebench.runner.SavedRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code run}: ask a model every question through an OpenAI-compatible API and write a result file. Its
 * options are the run's fields ({@link RunField}, grouped as {@code --help} shows them) and a few of its own:
 * where the file goes, and the key.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ask a model the exam through an OpenAI-compatible chat-completions API, grade every answer "
        + "and write a result file in the published format.",
        "Requests run in parallel and are retried on transient failures (429, 5xx, timeouts, broken "
        + "connections) with backoff; on 429s fewer requests are kept in flight. Every answer is journaled "
        + "to disk as it arrives. Ctrl-C saves what there is and prints the short command that continues "
        + "('continue FILE'); the same run command again also continues it, and once the run is finished it "
        + "asks nothing (--new starts another). A file of another run (another model, exam, image mode, "
        + "extra body, questions …) is never continued or relabelled: the run is refused, naming what differs."})
final class RunCommand implements Callable<Integer> {
  /**
   * How the user started this tool, as the launcher passes it ({@code -Djmle.launcher}: a name on PATH, or
   * ./jmle-bench in the project root, else an absolute path); the command printed to continue a run begins
   * with it.
   */
  static String program() {
    String launcher = System.getProperty("jmle.launcher");
    return launcher == null || launcher.isBlank() ? "./jmle-bench" : launcher;
  }

  static final String API_KEY = "--api-key";
  static final String DATASET = "--dataset";
  private static final String PRICES = "--prices";
  private static final String OUT = "--out";
  private static final String NEW = "--new";
  private static final String RESUME = "--resume";
  private static final String REGRADE = "--regrade";
  private static final String README = "--readme";

  @Spec CommandSpec spec;

  /** The command with its options: every run field's under its group's heading, and its own among them. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RunCommand());
    CommandSpec s = cl.getCommandSpec();
    s.usageMessage().customSynopsis("jmle-bench run [OPTION]... --model=MODEL");
    RunOptions.addTo(s, f -> true, List.of(
        new RunOptions.Extra(RunField.Group.WHERE, RunField.BASE_URL.flag(), RunOptions.plain(API_KEY, "KEY",
            String.class, "The API key. Best left out: it is then read from the environment (--api-key-env), "
                + "out of sight of ps and the shell's history. Not needed for a server on this machine.")),
        new RunOptions.Extra(RunField.Group.WHAT, RunField.EXAM.flag(), RunOptions.repeatable(DATASET, "PATH", Path.class,
            String.join(" ", RunOptions.declaredBy(new DatasetOption(), DATASET).description()))),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(PRICES, "FILE",
            Path.class, "JSON file of prices per model: {\"MODEL\": {\"input\": USD, \"output\": USD}} per million "
                + "tokens; used like --price-input/--price-output.")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(OUT, "PATH",
            Path.class, "Result file. Default: in results/, the newest file of this very run (unfinished: it is "
                + "continued; finished: nothing is asked), else a new results/{model, / → _}_{UTC "
                + "yyyyMMdd_HHmmss}.json. An existing file is continued only if it records this run.")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(NEW, null,
            boolean.class, "Start a new result file even when results/ holds this run already, unfinished or "
                + "finished.")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(RESUME, "FILE",
            Path.class, "Keep the answers of this result file (of this very run), ask the rest. The output goes "
                + "to the same file unless --out names a new one. ('continue FILE' takes the run from the file.)")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(REGRADE, null,
            boolean.class, "Continue a file graded with another answer key (or another edition of the dataset): "
                + "keep its answers and grade them by this run's key. A file made with other question texts is "
                + "never continued.")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(README, "FILE",
            Path.class, "After a run that ends without errors, put its rows into the leaderboard tables of this "
                + "README (between the leaderboard markers; see 'leaderboard'). Default: none."))),
        sharedHelp());
    return cl;
  }

  /** The run options that other commands share: --exam and --key read and complete the same everywhere. */
  static Map<String, OptionSpec> sharedHelp() {
    return Map.of(RunField.EXAM.flag(), RunOptions.declaredBy(new DatasetOption(), RunField.EXAM.flag()),
        RunField.ANSWER_KEY.flag(), RunOptions.declaredBy(new AnswerKeyOption(), RunField.ANSWER_KEY.flag()));
  }

  @Override
  public Integer call() {
    ParseResult parsed = spec.commandLine().getParseResult();
    Function<String, String> env = RunSpec.SYSTEM_ENVIRONMENT;
    Map<String, String> given = new LinkedHashMap<>(RunOptions.given(parsed));
    if (!given.containsKey(RunField.MODEL.flag())) {
      throw new UserError("run needs --model MODEL: the model's id, as the API names it");
    }
    addPriceFile(given, parsed.matchedOptionValue(PRICES, (Path) null));
    RunSpec run = RunSpec.fromArguments(given, env);
    AnswerKeyOption keyOption = AnswerKeyOption.of(given.get(RunField.ANSWER_KEY.flag()));
    keyOption.asGivenFor(run.exam());
    keyOption.warnOfUnused(spec.commandLine().getErr());
    ApiKey key = ApiKey.resolve(parsed.hasMatchedOption(API_KEY) ? parsed.matchedOptionValue(API_KEY, "") : null,
        run.keyVariable(), env, run.baseUrl());
    Path readme = parsed.matchedOptionValue(README, (Path) null);
    if (readme != null && !Files.isRegularFile(readme)) {
      throw new UserError(README + " " + readme + ": no such file");
    }
    PrintWriter printer = spec.commandLine().getOut();
    Dataset exam = DatasetOption.of(run.exam(), parsed.matchedOptionValue(DATASET, List.<Path>of()))
        .loadOrDownload(printer);
    checkImages(run, exam);
    RunTarget target = target(parsed, run, exam, printer);
    FinishedRun outcome = new Runner(run, target, exam, key,
        System.console() != null ? ProgressStyle.BAR : ProgressStyle.LINES, printer, program())
        .startedWithNew(parsed.hasMatchedOption(NEW) && !parsed.hasMatchedOption(OUT))
        .run();
    if (readme != null) {
      updateReadme(readme, outcome, printer);
    }
    return outcome.hasErrors() ? Main.FINDING : Main.OK;
  }

  /**
   * Where the run goes: {@code --resume}'s file, {@code --out}, or by default the newest file in results/ of
   * this very run (said when it is continued), else a new file there.
   */
  private static RunTarget target(ParseResult parsed, RunSpec run, Dataset exam, PrintWriter printer) {
    Path out = parsed.matchedOptionValue(OUT, (Path) null);
    Path resume = parsed.matchedOptionValue(RESUME, (Path) null);
    boolean fresh = parsed.hasMatchedOption(NEW);
    boolean regrade = parsed.hasMatchedOption(REGRADE);
    Instant now = Instant.now();
    RunTarget target;
    if (resume != null) {
      if (!Files.exists(resume)) {
        throw new UserError(RESUME + " " + resume + ": no such result file");
      }
      if (fresh) {
        throw new UserError(NEW + " starts a new result file and " + RESUME + " continues one: give one of them");
      }
      target = new RunTarget(out != null ? out : resume, resume, now, regrade);
    } else if (out != null) {
      if (fresh && (Files.exists(out) || Files.exists(RecordedRun.journalOf(out)))) {
        throw new UserError(NEW + " starts a new result file, but " + OUT + " " + out + " exists: name another "
            + OUT);
      }
      target = new RunTarget(out, null, now, regrade);
    } else {
      Optional<PreviousRun.Found> previous = fresh ? Optional.empty()
          : PreviousRun.find(RunTarget.defaultOut(run.model(), now).getParent(), run);
      // A new file's name is its start's second: one taken (a run begun in the same second) is never reused.
      while (previous.isEmpty() && (Files.exists(RunTarget.defaultOut(run.model(), now))
          || Files.exists(RecordedRun.journalOf(RunTarget.defaultOut(run.model(), now))))) {
        now = now.plusSeconds(1);
      }
      target = new RunTarget(previous.map(PreviousRun.Found::out).orElse(RunTarget.defaultOut(run.model(), now)),
          null, now, regrade);
      previous.ifPresent(p -> sayContinued(p, run, exam, printer));
    }
    AtomicFiles.checkWritable(target.out(), out != null || resume == null ? OUT : RESUME);
    return target;
  }

  /** Says which file the same command continues; a finished one the run itself reports (nothing asked). */
  private static void sayContinued(PreviousRun.Found p, RunSpec run, Dataset exam, PrintWriter printer) {
    if (p.unfinished()) {
      printer.println("Continuing the unfinished run in " + p.out() + " (this very run; --new starts another).");
    } else {
      SavedRun saved = SavedRun.of(p.out(), run, exam);
      if (!saved.complete()) {
        printer.println("Continuing " + p.out() + ", which has " + saved.answered() + " of " + saved.total()
            + " answers (this very run; --new starts another).");
      }
    }
    printer.flush();
  }

  /** {@code --prices FILE}: the model's prices from the file, as --price-input/--price-output would give them. */
  private static void addPriceFile(Map<String, String> given, Path file) {
    if (file == null) {
      return;
    }
    if (given.containsKey(RunField.PRICE_INPUT.flag()) || given.containsKey(RunField.PRICE_OUTPUT.flag())) {
      throw new UserError(PRICES + " and --price-input/--price-output both say what tokens cost: give one");
    }
    Prices p = PriceList.forModel(file, given.get(RunField.MODEL.flag()));
    if (p != null) {
      given.put(RunField.PRICE_INPUT.flag(), p.input().toPlainString());
      given.put(RunField.PRICE_OUTPUT.flag(), p.output().toPlainString());
    }
  }

  /** A vision run needs an exam whose source released its images. */
  static void checkImages(RunSpec run, Dataset exam) {
    if (run.imageMode() == ImageMode.VISION && !exam.hasImages()) {
      throw new UserError("--image-mode vision: the " + ExamOrdinal.of(exam.exam())
          + " exam's source released no images; "
          + "its image questions can only be asked as text (--image-mode blind or skip)");
    }
  }

  /** A run with errors is not finished: its row would understate the model, so it waits for the continue. */
  static void updateReadme(Path readme, FinishedRun outcome, PrintWriter printer) {
    if (outcome.hasErrors() || outcome.interrupted()) {
      printer.println(readme + ": leaderboard not updated, the run is not complete");
    } else {
      ReadmeUpdate update = ReadmeLeaderboard.upsert(readme, outcome.file());
      printer.println(readme + ": leaderboard " + (update.changed() ? "updated" : "unchanged") + " ("
          + String.join(", ", update.tables()) + ")");
      update.warnings().forEach(w -> printer.println("warning: " + w));
    }
    printer.flush();
  }
}
