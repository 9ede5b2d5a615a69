package dev.jmlebench.cli;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rescore FILE...}: re-parse and re-grade result files in place. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
    description = {"Re-parse every answer from its raw response (falling back to the reasoning), re-grade it "
        + "under the answer key (--key), recompute the summary and rewrite the file atomically.",
        "Every file is checked before any is written: one bad file leaves all of them untouched.",
        "Changed questions are listed as + (gained), - (lost) or ~ (other change)."})
final class RescoreCommand implements Callable<Integer> {
  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Result files to rescore.")
  List<Path> files;

  @Override
  public Integer call() {
    // Every file is read and graded before any is written; each under its own exam's dataset and key.
    Function<String, Dataset> datasets = dataset.perExam();
    List<Rescorer.Rescored> done = new ArrayList<>();
    for (Path f : files) {
      ResultFile file = ResultFiles.read(f);
      Dataset d = datasets.apply(ResultFiles.examOf(file));
      done.add(Rescorer.rescore(file, d, answerKey.forDataset(d), f.toString()));
    }
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < files.size(); i++) {
      Rescorer.Rescored r = done.get(i);
      ResultFiles.write(files.get(i), r.file());
      Summary s = r.file().summary();
      out.printf("%s: score %d/%d (%s), accuracy %d/%d (%s), %d changed%n", files.get(i), s.score(), s.scoreMax(),
          Percent.format(s.scorePct()), s.correct(), s.attempted(), Percent.format(s.accuracy()),
          r.changes().size());
      for (Rescorer.Change c : r.changes()) {
        out.printf("  %c %-9s %s -> %s%n", c.kind(), c.questionId(), c.before(), c.after());
      }
    }
    out.flush();
    answerKey.warnOfUnused(spec.commandLine().getErr());
    return Main.OK;
  }
}
