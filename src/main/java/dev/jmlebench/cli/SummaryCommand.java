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
import dev.jmlebench.stats.StatisticsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean first = true;
    Function<String, Dataset> datasets = dataset.perExam();
    for (Path f : files) {
      ResultFile file = ResultFiles.read(f);
      AnswerKey key = answerKey.forExam(ResultFiles.examOf(file));
      // The file is shown as graded (with the criteria of its own key); a file without a summary, or whose
      // key cannot be told, is graded under the asked key.
      Optional<String> own = GradedWith.edition(file, key.exam()).filter(key.exam().editions()::containsKey);
      AnswerKey shownKey = own.map(e -> AnswerKey.of(key.exam(), e)).orElse(key);
      ResultFile shown = file.summary() != null && own.isPresent() ? file
          : Rescorer.regrade(file, datasets.apply(key.exam().id()), key, f.toString());
      // Computed before anything is printed: a file that fails to grade prints nothing but its error.
      String otherKey = shownKey.name().equals(key.name()) ? null : SummaryReport.otherKey(shownKey.name(),
          key.name(), Rescorer.regrade(file, datasets.apply(key.exam().id()), key, f.toString()).summary(),
          f.toString());
      if (!first) {
        out.println();
      }
      first = false;
      String mode = file.metadata().imageMode() == null ? "" : ", " + file.metadata().imageMode();
      out.print(SummaryReport.render(file.metadata().name() + "  (" + file.metadata().model() + mode + ")  " + f,
          shown.summary(), shownKey.criteria()));
      if (otherKey != null) {
        out.println(otherKey);
      }
      out.print(UsageReport.render(RunUsage.of(file, f.toString()), shown.summary()));
      Examinees.of(shown, datasets.apply(shownKey.exam().id())).map(ExamineesReport::render).ifPresent(out::print);
      out.print(StatisticsReport.forSummary(shown, shownKey.criteria(), datasets.apply(shownKey.exam().id()),
          f.toString()));
      out.print(RepeatsReport.forFile(shown, shownKey.criteria(), f.toString()));
    }
    out.flush();
    answerKey.warnOfUnused(spec.commandLine().getErr());
    return Main.OK;
  }
}
