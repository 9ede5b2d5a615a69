package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.stats.ExamsCompared;
import dev.jmlebench.stats.PairedComparison;
import dev.jmlebench.stats.ScoredRun;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.stats.StatisticsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A B} and {@code compare --all DIR}: is a difference between runs more than noise? */
@Command(name = "compare", mixinStandardHelpOptions = true,
    customSynopsis = {"jmle-bench compare [--json] A.json B.json", "   or: jmle-bench compare [--json] --all DIR"},
    description = {"Compare two result files question by question on the questions both answered: the "
        + "discordant counts (A right/B wrong, A wrong/B right), the exact McNemar p-value, a 95%% paired-"
        + "bootstrap interval for the score difference in points, the differences per block and the questions "
        + "where they differ.",
        "With --all DIR, compare every pair of result files in DIR, adjust the p-values for multiple "
        + "comparisons (Holm) and tell which leaderboard neighbours are statistically distinguishable. A folder "
        + "of several exams is compared exam by exam, each exam's runs among themselves (--exam ID: that exam only).",
        "Both files are graded under the same answer key (--key): a file graded with another key is "
        + "re-graded in memory from its stored answers (this needs the dataset), never rewritten.",
        "Bootstraps are seeded: the same files give the same output. Methods: docs/STATISTICS.md."})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;

  @Parameters(arity = "0..2", paramLabel = "FILE", description = "The two result files, A and B.")
  List<Path> files = List.of();

  @Option(names = "--all", paramLabel = "DIR",
      description = "Compare every pair of result files (*.json) in DIR; other JSON files there are skipped.")
  Path all;

  @Option(names = "--json", description = "Print JSON (schema in docs/STATISTICS.md) instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (all != null) {
      if (!files.isEmpty()) {
        throw new UserError("compare: give either two files or --all DIR, not both");
      }
      PrintWriter err = spec.commandLine().getErr();
      String only = dataset.examGiven() == null ? null : dataset.exam().id();
      List<ScoredRun> runs = ScoredRun.readDirectory(all, answerKey::forExam, dataset.perExam(), (skipped, why) -> err.println("skipped "
          + skipped + ": " + why), exam -> only == null || only.equals(exam));
      err.flush();
      ExamsCompared result = ExamsCompared.of(runs);
      if (result.compared().isEmpty()) {
        throw new UserError(all + ": --all needs two result files of one exam to compare, found "
            + (runs.isEmpty() ? "0" : result.alone().keySet().stream().map(e -> "one of exam " + e)
                .collect(Collectors.joining(", ")))
            + (only == null ? "" : " (--exam " + only + ")"));
      }
      if (json) {
        out.print(StatisticsJson.write(StatisticsJson.compareAll(result)));
      } else {
        StatisticsReport.compareAll(result, out);
      }
    } else {
      if (files.size() != 2) {
        throw new UserError("compare: give two result files A and B, or --all DIR");
      }
      var datasets = dataset.perExam();
      PairedComparison result = PairedComparison.of(
          ScoredRun.read(files.get(0), answerKey::forExam, datasets),
          ScoredRun.read(files.get(1), answerKey::forExam, datasets));
      out.print(json ? StatisticsJson.write(StatisticsJson.compare(result)) : StatisticsReport.compare(result));
    }
    out.flush();
    answerKey.warnOfUnused(spec.commandLine().getErr());
    return Main.OK;
  }
}
