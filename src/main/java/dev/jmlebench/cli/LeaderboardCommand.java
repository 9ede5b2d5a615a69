package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.leaderboard.Leaderboard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leaderboard}: README tables, exports and charts from a folder of result files. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
    description = {"Rank every result file (*.json) in a folder: write leaderboard.json and leaderboard.csv, "
        + "draw the score chart and the per-block heat map (PNG and SVG) beside the chart file, and, with "
        + "--readme FILE, rebuild that README's two leaderboard tables (all questions, text-only) between "
        + "their markers.",
        "Every file is ranked as the answer key (--key) grades its stored answers, whatever summary or key the "
        + "file states; the grading is in memory (it needs the dataset) and the file is left as it is on disk.",
        "No README is written unless --readme names it. Its text outside the markers is never changed; a "
        + "README without them is left untouched with a warning that names the markers to add."})
final class LeaderboardCommand implements Callable<Integer> {
  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;
  @Spec CommandSpec spec;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Folder of result files. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(names = "--readme", paramLabel = "FILE",
      description = "README whose leaderboard tables to rebuild. Default: none (no README is written).")
  Path readme;

  @Option(names = "--chart", paramLabel = "PNG",
      description = "The score chart; the heat map, SVGs and exports are written beside it, named after it. "
          + "Default: DIR/leaderboard.png.")
  Path chart;

  @Option(names = "--rescore", arity = "0..*", paramLabel = "FILE",
      description = "First re-parse and re-score these result files in place, as 'rescore' does (all of DIR "
          + "when none is named). Needs the dataset.")
  List<Path> rescore;

  @Option(names = "--plot-only", description = "Only redraw the charts: no tables, no exports, nothing "
      + "bootstrapped (the error bars are those leaderboard.json holds for the same answers).")
  boolean plotOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (readme != null && !Files.isRegularFile(readme)) {
      throw new UserError("--readme " + readme + ": no such file");
    }
    Leaderboard.Report report = Leaderboard.build(new Leaderboard.Request(results, readme,
        chart != null ? chart : results.resolve("leaderboard.png"), plotOnly, rescore, dataset.perExam(),
        answerKey::forExam));
    report.ranking().forEach(out::println);
    if (!report.ranking().isEmpty()) {
      out.println();
    }
    report.done().forEach(out::println);
    if (readme == null && !plotOnly) {
      out.println("no README named, so no tables written (--readme FILE rebuilds a README's tables)");
    }
    report.warnings().forEach(w -> err.println("jmle-bench: warning: " + w));
    answerKey.warnOfUnused(err);
    out.flush();
    err.flush();
    return Main.OK;
  }
}
