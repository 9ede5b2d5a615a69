package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.imports.ImportedRun;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.SummaryReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import FORMAT --out FILE INPUT...}: another harness's published answers as a result file. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Turn another harness's published answers into a jmle-bench result file, graded by this "
        + "project's answer key, so that it can be ranked, viewed and compared beside jmle-bench's own runs.",
        "Format igakuqa119: IgakuQA119's answers/119{A..F}_<experiment>.json (one file per block; the "
        + "model's answer in answers[0].answer), normalised as that project's grader does.",
        "Format igakuqa: IgakuQA's baseline_results/{year}/{exam}-{A..F}_<experiment>.jsonl, the six block files "
        + "of one of the 112th-116th exams (recognised from the problem ids), each prediction split on commas "
        + "as IgakuQA's grader reads it.",
        "The file records where it came from (metadata.imported_from); raw_response holds the answer as "
        + "published."})
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FORMAT", description = "The source's format: igakuqa119 or igakuqa.")
  String format;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "The source's answer files.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Result file to write; an existing file is never overwritten.")
  Path out;

  @Option(names = "--display-name", paramLabel = "NAME",
      description = "Name shown on leaderboards. Default: what the source's files are — \"ChatGPT (IgakuQA)\", "
          + "\"Examinees' majority\", \"Preferred-MedLLM-Qwen-72B-bf16 (IgakuQA119)\" (the model the files record).")
  String displayName;

  @Option(names = "--image-mode", paramLabel = "MODE", defaultValue = "blind",
      completionCandidates = Candidates.ImageModes.class,
      description = "How the source asked the image questions: blind (text only) or vision. Default: ${DEFAULT-VALUE}")
  String imageMode;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption key;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!ImportedRun.FORMATS.contains(format)) {
      throw new UserError("import: unknown format '" + format + "'; known: " + String.join(", ", ImportedRun.FORMATS));
    }
    ImageMode mode = ImageMode.fromWireName(imageMode);
    if (mode == null || mode == ImageMode.SKIP) {
      throw new UserError("--image-mode " + imageMode + ": expected blind or vision");
    }
    if (Files.exists(out)) {
      throw new UserError(out + ": already exists; an import never overwrites a file (choose another --out)");
    }
    PrintWriter progress = spec.commandLine().getErr();
    ImportedRun read = ImportedRun.read(format, inputs,
        (exam, what) -> dataset.loadOrDownload(dataset.exam(exam, what), progress));
    Dataset d = read.dataset();
    AnswerKey answerKey = key.asGivenFor(d.exam()) == null && read.defaultEdition().isPresent()
        ? AnswerKey.of(d.exam(), read.defaultEdition().get()).checkedAgainst(d) : key.forDataset(d);
    key.warnOfUnused(progress);
    ResultFile graded = read.toResultFile(mode, displayName, answerKey, out.toString());
    ResultFiles.write(out, graded);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(SummaryReport.render(out + " (" + graded.metadata().name() + ", imported from " + format + ", key "
        + answerKey.name() + ")", graded.summary(), answerKey.criteria()));
    stdout.flush();
    return Main.OK;
  }
}
