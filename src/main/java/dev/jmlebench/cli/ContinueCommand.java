package dev.jmlebench.cli;

import dev.jmlebench.client.ApiKey;
import dev.jmlebench.common.ShellWords;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.ProgressStyle;
import dev.jmlebench.runner.RecordedRun;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import dev.jmlebench.runner.RunTarget;
import dev.jmlebench.runner.Runner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code continue FILE}: finishes the run a result file (or its journal) records, reading everything from the
 * record — exam, model, server, image mode, extra body, questions, repeats, answer key — as Inspect's
 * {@code eval-retry} does from a log. Only what does not change the run may be given (how hard to ask, the
 * cache, the key's variable).
 */
@Command(name = "continue", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Finish the run that a result file (or its journal, FILE.journal.jsonl) records: its exam, "
        + "model, server, image mode, extra body, questions and answer key are read from the file; the "
        + "questions without an answer (failed requests; with --retry, also unparsed or truncated answers) "
        + "are asked, and the file is rewritten. This is the command a run prints after Ctrl-C, a crash or "
        + "failed questions. A finished run asks nothing.",
        "The key is read as 'run' reads it: from $OPENAI_API_KEY, $OPENROUTER_API_KEY or $ANTHROPIC_API_KEY "
        + "by the recorded server and API (or --api-key-env NAME), and sent only to the recorded server, which "
        + "is printed first."})
final class ContinueCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "A result file, or its journal.")
  Path file;

  @Spec CommandSpec spec;

  private static final String REGRADE = "--regrade";
  private static final String README = "--readme";

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ContinueCommand());
    CommandSpec s = cl.getCommandSpec();
    s.usageMessage().customSynopsis("jmle-bench continue [OPTION]... FILE");
    RunOptions.addTo(s, f -> !f.identity(), List.of(
        new RunOptions.Extra(RunField.Group.WHERE, null, RunOptions.plain(RunCommand.API_KEY, "KEY", String.class,
            "The API key. Best left out: it is then read from the environment, as the run read it.")),
        new RunOptions.Extra(RunField.Group.WHAT, null, RunOptions.repeatable(RunCommand.DATASET, "PATH", Path.class,
            "The exam's folder, when it is not in the cache (see 'run --help').")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(REGRADE, null,
            boolean.class, "Grade the kept answers by this version's answer key of the recorded edition when the "
                + "dataset's key changed since.")),
        new RunOptions.Extra(RunField.Group.RECORD, RunField.PRICE_OUTPUT.flag(), RunOptions.plain(README, "FILE",
            Path.class, "After a run that ends without errors, put its rows into the leaderboard tables of this "
                + "README."))),
        RunCommand.sharedHelp());
    // What would make it another run is refused with a word on why, not as an unknown option.
    for (RunField<?> f : RunField.ALL) {
      if (f.identity()) {
        List<String> names = new ArrayList<>(List.of(f.flag()));
        names.addAll(f.aliases());
        s.addOption(OptionSpec.builder(names.toArray(String[]::new)).hidden(true).type(String.class)
            .arity(f.isSwitch() ? "0" : "1").build());
      }
    }
    return cl;
  }

  @Override
  public Integer call() {
    ParseResult parsed = spec.commandLine().getParseResult();
    Function<String, String> env = RunSpec.SYSTEM_ENVIRONMENT;
    Map<String, String> given = RunOptions.given(parsed);
    for (String flag : given.keySet()) {
      RunField<?> f = RunField.byFlag(flag);
      if (f.identity()) {
        throw new UserError(flag + ": " + file + " records its " + f.displayName() + ", and " + flag + " would make "
            + "it another run; start that run with 'run' (--new keeps it apart)");
      }
    }
    Path out = RecordedRun.resultFileOf(file);
    if (!Files.exists(out) && !Files.exists(RecordedRun.journalOf(out))) {
      throw new UserError(file + ": no such result file or journal");
    }
    RunSpec recorded = RecordedRun.at(out, env).orElseThrow(() -> new UserError(file + ": the journal of an "
        + "earlier version names only its model; continue it with the run command that started it"));
    if (recorded.hasHiddenCredentials()) {
      throw new UserError(file + ": its base URL carried credentials, which no file records; continue it with "
          + "'run' giving --base-url with them and --out " + out);
    }
    RunSpec run = recorded.withArguments(given, env);
    ApiKey key = ApiKey.resolve(parsed.hasMatchedOption(RunCommand.API_KEY)
        ? parsed.matchedOptionValue(RunCommand.API_KEY, "") : null, run.keyVariable(), env, run.baseUrl());
    Path readme = parsed.matchedOptionValue(README, (Path) null);
    if (readme != null && !Files.isRegularFile(readme)) {
      throw new UserError(README + " " + readme + ": no such file");
    }
    PrintWriter printer = spec.commandLine().getOut();
    List<String> words = new ArrayList<>(List.of("run"));
    words.addAll(run.toArguments(env, RunField::identity));
    printer.println("Continuing " + out + ": " + ShellWords.join(words)
        + (key == null ? "" : " (key from " + key.source() + ", sent to " + run.get(RunField.BASE_URL).getHost()
            + " only)"));
    printer.flush();
    Dataset exam = DatasetOption.of(run.exam(), parsed.matchedOptionValue(RunCommand.DATASET, List.<Path>of()))
        .loadOrDownload(printer);
    RunCommand.checkImages(run, exam);
    FinishedRun outcome = new Runner(run, new RunTarget(out, null, Instant.now(), parsed.hasMatchedOption(REGRADE)),
        exam, key, System.console() != null ? ProgressStyle.BAR : ProgressStyle.LINES, printer,
        RunCommand.program()).run();
    if (readme != null) {
      RunCommand.updateReadme(readme, outcome, printer);
    }
    return outcome.hasErrors() ? Main.FINDING : Main.OK;
  }
}
