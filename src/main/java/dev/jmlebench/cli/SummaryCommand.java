package dev.jmlebench.cli;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.stats.Examinees;
import dev.jmlebench.stats.ExamineesReport;
import dev.jmlebench.results.GradedWith;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.RunUsage;
import dev.jmlebench.results.UsageReport;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.SummaryReport;
import dev.jmlebench.stats.RepeatsReport;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.stats.StatisticsReport;
import dev.jmlebench.stats.SummaryDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code summary FILE...}: print the score report of result files. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = {"Print, per result file, the score out of 500 with its required and general parts and "
        + "pass/fail against the exam's criteria, the accuracy, parse failures, errors, and the breakdowns "
        + "by block, type and image; the tokens, the cost (per point and per correct answer) and the truncated "
        + "answers, '—' where the file records none; for the 112th-116th, answers with a prohibited choice (禁忌肢, "
        + "IgakuQA's annotation) and the model beside the real examinees (questions ≥90%% of them got right and "
        + "the model missed, the reverse, accuracy by examinee-accuracy band); then 95%% confidence intervals for the score and the "
        + "accuracy and the probability of passing (seeded bootstrap over the questions, each serial group "
        + "resampled whole; docs/STATISTICS.md).",
        "A file is shown as graded, with the pass criteria of its answer key; when that key is not the one "
        + "asked (--key), one more line gives the score under the asked key and the command that rewrites "
        + "the file with it. A file without a summary is scored from its results.",
        "Needs the dataset: the bootstrap resamples each serial group (連問) as one unit."})
final class SummaryCommand implements Callable<Integer> {
  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Result files.")
  List<Path> files;

  @Option(names = "--json", description = "Print JSON instead of text: per file the summary as the result file "
      + "writes it, the usage and cost, the intervals as leaderboard.json writes them (schema in docs/CLI.md).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Function<String, Dataset> datasets = dataset.perExam();
    // Every file is graded before anything is printed: a file that fails to grade prints nothing but its error.
    List<SummaryDocument.File> graded = files.stream().map(f -> grade(f, datasets)).toList();
    if (json) {
      out.print(StatisticsJson.write(SummaryDocument.of(graded)));
    } else {
      for (int i = 0; i < graded.size(); i++) {
        if (i > 0) {
          out.println();
        }
        print(out, graded.get(i));
      }
    }
    out.flush();
    answerKey.warnOfUnused(spec.commandLine().getErr());
    return Main.OK;
  }

  /**
   * A file as it is shown: as graded, with the criteria of its own key; a file without a summary, or whose key
   * cannot be told, graded under the asked key. When its key is not the asked one, its summary under the asked
   * key too.
   */
  private SummaryDocument.File grade(Path f, Function<String, Dataset> datasets) {
    ResultFile file = ResultFiles.read(f);
    AnswerKey key = answerKey.forExam(ResultFiles.examOf(file));
    Dataset d = datasets.apply(key.exam().id());
    Optional<String> own = GradedWith.edition(file, key.exam()).filter(key.exam().editions()::containsKey);
    AnswerKey shownKey = own.map(e -> AnswerKey.of(key.exam(), e)).orElse(key);
    ResultFile shown = file.summary() != null && own.isPresent() ? file : Rescorer.regrade(file, d, key, f.toString());
    boolean otherKey = !shownKey.name().equals(key.name());
    return new SummaryDocument.File(f.toString(), shown, shownKey.name(), shownKey.criteria(),
        otherKey ? key.name() : null, otherKey ? Rescorer.regrade(file, d, key, f.toString()).summary() : null, d);
  }

  private void print(PrintWriter out, SummaryDocument.File g) {
    ResultFile shown = g.shown();
    String mode = shown.metadata().imageMode() == null ? "" : ", " + shown.metadata().imageMode();
    out.print(SummaryReport.render(shown.metadata().name() + "  (" + shown.metadata().model() + mode + ")  "
        + g.path(), shown.summary(), g.criteria()));
    if (g.askedKey() != null) {
      // The rescore hint names the key as --key takes it: an edition file by its path, not its recorded name.
      String given = answerKey.asGivenFor(ResultFiles.examOf(shown));
      out.println(SummaryReport.otherKey(g.key(), g.askedKey(), given != null ? given : g.askedKey(), g.underAsked(),
          g.path()));
    }
    out.print(UsageReport.render(RunUsage.of(shown, g.path()), shown.summary()));
    Examinees.of(shown, g.dataset()).map(ExamineesReport::render).ifPresent(out::print);
    out.print(StatisticsReport.forSummary(shown, g.criteria(), g.dataset(), g.path()));
    out.print(RepeatsReport.forFile(shown, g.criteria(), g.path()));
  }
}
