package dev.jmlebench.suite;

import dev.jmlebench.client.ApiKey;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.leaderboard.Leaderboard;
import dev.jmlebench.runner.Progress;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.RunSpec;
import java.nio.file.Path;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Percent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code suite run}: the entries, {@code jobs} at a time, each as its own {@code run} (same journal, retries
 * and resume), so one entry's failure stops only that entry. Entries already done are kept as they are. At
 * the end the suite's leaderboard is rebuilt, and its README's tables when every entry is complete.
 */
public final class SuiteRunner {
  /** Does one entry's run ({@link SuiteEntry#spec()}) into its file. A fault is a {@link UserError}. */
  public interface Launcher {
    FinishedRun launch(RunSpec spec, Path file, ApiKey key, Progress progress, PrintWriter out);
  }

  /**
   * @param jobs how many entries run at once
   * @param terminal where to draw the progress in place, or null to print it as lines (a log, a pipe); it
   *     gets terminal controls, so it is the raw terminal, and what this class shows on it is made safe first
   * @param width the terminal's columns
   * @param continueCommand the command that continues the suite after Ctrl-C
   * @param environment reads an environment variable (the keys named by api_key_env)
   * @param allowedKeyVariables variables besides the conventional key variables that a run may send as its key
   *     ({@code --allow-env}; see {@link KeyVariables})
   */
  public record Settings(int jobs, PrintWriter terminal, int width, String continueCommand,
      UnaryOperator<String> environment, Set<String> allowedKeyVariables) {
    public Settings {
      if (jobs < 1) {
        throw new UserError("--jobs: should be a positive number, not " + jobs);
      }
      allowedKeyVariables = Set.copyOf(allowedKeyVariables);
    }
  }

  /** How one entry ended. */
  public enum Result { KEPT, COMPLETE, WITH_ERRORS, FAILED }

  /** @param message what the user should know of it: its score, its errors or why it stopped */
  public record EntryResult(SuiteEntry entry, Result result, String message) {}

  /** Every entry's result, in the order of the suite. (Ctrl-C ends the process in its hook: no outcome.) */
  public record Outcome(List<EntryResult> entries) {
    public boolean allComplete() {
      return entries.stream().allMatch(e -> e.result() == Result.KEPT || e.result() == Result.COMPLETE);
    }
  }

  private final Suite suite;
  private final Function<String, Dataset> datasets;
  private final Launcher launcher;
  private final Settings settings;
  private final PrintWriter out;

  /**
   * @param datasets an exam's dataset by its id: of every exam the entries sit, and of any other whose result
   *     files the suite's folder holds, for its leaderboard
   */
  public SuiteRunner(Suite suite, Function<String, Dataset> datasets, Launcher launcher, Settings settings,
      PrintWriter out) {
    this.suite = suite;
    this.datasets = datasets;
    this.launcher = launcher;
    this.settings = settings;
    this.out = out;
  }

  public Outcome run(List<SuiteEntry> entries) {
    if (suite.readme() != null && !Files.isRegularFile(suite.readme())) {
      throw new UserError(suite.file() + ": readme " + suite.readme() + ": no such file");
    }
    // Before any variable is read: a shared suite file must not send another secret to its own server.
    KeyVariables.check(suite, entries, settings.allowedKeyVariables());
    KeyVariables.routes(entries, settings.allowedKeyVariables()).forEach(r -> out.println("API key " + r));
    List<EntryResult> results = Collections.synchronizedList(new ArrayList<>());
    List<SuiteEntry> toRun = new ArrayList<>();
    for (SuiteEntry e : entries) {
      EntryState state = EntryState.of(e, datasets.apply(e.exam()));
      switch (state.kind()) {
        case DONE -> results.add(new EntryResult(e, Result.KEPT, "done already (" + state.answered() + "/"
            + state.total() + "), kept: " + e.out()));
        case UNREADABLE -> results.add(new EntryResult(e, Result.FAILED, state.problem()));
        default -> toRun.add(e);
      }
    }
    results.forEach(r -> out.println(mark(r.result()) + " " + r.entry().name() + ": " + r.message()));
    out.println("Running " + toRun.size() + " of " + entries.size() + " runs, " + Math.min(settings.jobs(),
        Math.max(toRun.size(), 1)) + " at a time.");
    out.flush();

    SuiteDisplay display = new SuiteDisplay(out, settings.terminal(), settings.width(), toRun.size());
    Thread hook = new Thread(() -> interrupted(display), "jmle-bench-suite-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.jobs(), toRun.size())), r -> {
      Thread t = new Thread(r, "jmle-bench-suite-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (SuiteEntry e : toRun) {
        running.add(pool.submit(() -> results.add(runOne(e, display))));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      display.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook is running
      }
    }
    List<EntryResult> inOrder = entries.stream()
        .map(e -> results.stream().filter(r -> r.entry() == e).findFirst().orElseThrow()).toList();
    Outcome outcome = new Outcome(inOrder);
    report(outcome);
    rebuildLeaderboard(outcome);
    return outcome;
  }

  private EntryResult runOne(SuiteEntry e, SuiteDisplay display) {
    display.starting(e);
    EntryResult r = attempt(e, display);
    display.ended(e, r.result() != Result.FAILED, mark(r.result()) + " " + e.name() + ": " + r.message());
    return r;
  }

  private EntryResult attempt(SuiteEntry e, SuiteDisplay display) {
    RunSpec spec;
    ApiKey key;
    try {
      spec = e.spec();
      String variable = spec.keyVariable();
      String value = settings.environment().apply(variable);
      if ((value == null || value.isBlank()) && !e.needsNoKey()) {
        return new EntryResult(e, Result.FAILED, "no API key for " + e.baseUrl() + ": $" + variable
            + " is not set (api_key_env names the variable)");
      }
      key = ApiKey.resolve(null, variable, settings.environment(), spec.baseUrl());
    } catch (UserError fault) {
      return new EntryResult(e, Result.FAILED, fault.getMessage());
    }
    // The run's own report (a summary table per run) would break the display; its result is said in one line.
    PrintWriter runOut = new PrintWriter(new StringWriter());
    try {
      FinishedRun o = launcher.launch(spec, e.out(), key, display.progressOf(e), runOut);
      var s = o.file().summary();
      String score = "score " + s.score() + "/" + s.scoreMax() + " (" + Percent.format(s.scorePct()) + ") · "
          + o.file().results().size() + " answered · " + o.out();
      if (o.hasErrors()) {
        return new EntryResult(e, Result.WITH_ERRORS, o.errors() + " question(s) failed (" + score
            + "); running the suite again asks only those");
      }
      return new EntryResult(e, Result.COMPLETE, score);
    } catch (UserError fault) {
      return new EntryResult(e, Result.FAILED, fault.getMessage());
    } catch (RuntimeException crash) {
      // Another entry's run goes on; this one is reported, not the whole suite ended.
      return new EntryResult(e, Result.FAILED, "stopped by " + crash);
    }
  }

  private static char mark(Result r) {
    return switch (r) {
      case KEPT, COMPLETE -> '✓';
      case WITH_ERRORS -> '!';
      case FAILED -> '✗';
    };
  }

  private void report(Outcome o) {
    long complete = o.entries().stream().filter(r -> r.result() != Result.FAILED
        && r.result() != Result.WITH_ERRORS).count();
    long failed = o.entries().stream().filter(r -> r.result() == Result.FAILED).count();
    long withErrors = o.entries().size() - complete - failed;
    out.println();
    out.println(suite.file() + ": " + complete + " of " + o.entries().size() + " runs complete"
        + (withErrors > 0 ? ", " + withErrors + " with failed questions" : "")
        + (failed > 0 ? ", " + failed + " failed" : ""));
    o.entries().stream().filter(r -> r.result() == Result.FAILED || r.result() == Result.WITH_ERRORS)
        .forEach(r -> out.println("  " + mark(r.result()) + " " + r.entry().name() + ": " + r.message()));
    if (!o.allComplete()) {
      out.println("Fix what is said above, then continue with:");
      out.println("  " + settings.continueCommand());
    }
    out.flush();
  }

  /** The leaderboard of the suite's folder; the README's tables only from complete runs, as run --readme. */
  private void rebuildLeaderboard(Outcome o) {
    boolean anyFile = o.entries().stream().anyMatch(r -> r.result() != Result.FAILED);
    if (!anyFile || !Files.isDirectory(suite.results())) {
      return; // nothing new to rank: every run failed before writing a file
    }
    boolean readme = suite.readme() != null && o.allComplete();
    if (suite.readme() != null && !readme) {
      out.println(suite.readme() + ": leaderboard tables not updated, the suite is not complete");
    }
    Leaderboard.Report report;
    try {
      report = Leaderboard.build(new Leaderboard.Request(suite.results(), readme ? suite.readme() : null,
          suite.results().resolve("leaderboard.png"), false, null, datasets,
          exam -> AnswerKey.chosen(exam, leaderboardKey(exam))));
    } catch (UserError e) {
      // The runs' files are written; a folder the leaderboard cannot rank is said, not a failed suite.
      out.println("leaderboard not rebuilt: " + e.getMessage());
      out.flush();
      return;
    }
    report.done().forEach(out::println);
    report.warnings().forEach(w -> out.println("warning: " + w));
    out.flush();
  }

  /**
   * The key every entry of the exam grades with, so the leaderboard ranks the runs as they graded; else the
   * exam's default.
   */
  private String leaderboardKey(String exam) {
    List<String> keys = suite.entries().stream().filter(e -> e.exam().equals(exam)).map(SuiteEntry::key)
        .distinct().toList();
    return keys.size() == 1 ? keys.get(0) : null;
  }

  /** Ctrl-C: every run's own hook saves its answers; this says how to go on. */
  private void interrupted(SuiteDisplay display) {
    display.stop("", "Interrupted: each run's answers so far are saved beside its result file. Continue the suite "
        + "with:", "  " + settings.continueCommand());
  }
}
