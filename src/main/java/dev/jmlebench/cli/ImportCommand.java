package dev.jmlebench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.sources.IgakuQa119Source;
import dev.jmlebench.imports.IgakuQa119Answers;
import dev.jmlebench.imports.IgakuQaPredictions;
import dev.jmlebench.results.QuestionResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.SummaryReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      description = "Name shown on leaderboards. Default: the model id the source recorded.")
  String displayName;

  @Option(names = "--image-mode", paramLabel = "MODE", defaultValue = "blind",
      completionCandidates = Candidates.ImageModes.class,
      description = "How the source asked the image questions: blind (text only) or vision. Default: ${DEFAULT-VALUE}")
  String imageMode;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption key;
  @Spec CommandSpec spec;

  /** What a source's files hold once read against the exam's dataset. */
  private record Imported(Dataset dataset, Map<String, QuestionResult> results, String model, String firstTimestamp,
      ObjectNode provenance) {}

  @Override
  public Integer call() {
    if (!IgakuQa119Answers.FORMAT.equals(format) && !IgakuQaPredictions.FORMAT.equals(format)) {
      throw new UserError("import: unknown format '" + format + "'; known: " + IgakuQa119Answers.FORMAT + ", "
          + IgakuQaPredictions.FORMAT);
    }
    ImageMode mode = ImageMode.fromWireName(imageMode);
    if (mode == null || mode == ImageMode.SKIP) {
      throw new UserError("--image-mode " + imageMode + ": expected blind or vision");
    }
    if (Files.exists(out)) {
      throw new UserError(out + ": already exists; an import never overwrites a file (choose another --out)");
    }
    PrintWriter progress = spec.commandLine().getErr();
    Imported read = IgakuQaPredictions.FORMAT.equals(format) ? igakuqa(progress) : igakuqa119(progress);
    Dataset d = read.dataset();
    if (mode == ImageMode.VISION && !d.hasImages()) {
      throw new UserError("--image-mode vision: the " + ExamOrdinal.of(d.exam())
          + " exam's source released no images; its "
          + "predictions were made from the text (blind)");
    }
    // IgakuQA's predictions write calculations as its mark-sheet digits: graded by its own edition by default.
    AnswerKey answerKey = key.asGivenFor(d.exam()) == null && IgakuQaPredictions.FORMAT.equals(format)
        ? AnswerKey.of(d.exam(), IgakuQaPredictions.EDITION).checkedAgainst(d) : key.forDataset(d);
    key.warnOfUnused(progress);
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    extra.put(Metadata.SCHEMA_VERSION, IntNode.valueOf(ResultSchema.VERSION));
    extra.put(Metadata.EXAM, TextNode.valueOf(d.exam()));
    extra.put(Metadata.DATASET_SHA256, TextNode.valueOf(d.sha256()));
    extra.put(Metadata.ANSWER_KEY, TextNode.valueOf(answerKey.name()));
    extra.put(Metadata.IMPORTED_FROM, read.provenance());
    String model = read.model() != null ? read.model() : "unknown";
    int total = read.results().size();
    RunMetadata metadata = new RunMetadata(model, null, read.firstTimestamp(), mode.wireName(), null, total, total,
        0, displayName, extra);
    ResultFile imported = new ResultFile(metadata, null, new ArrayList<>(read.results().values()));
    ResultFile graded = Rescorer.regrade(imported, d, answerKey, out.toString());
    ResultFiles.write(out, graded);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(SummaryReport.render(out + " (" + metadata.name() + ", imported from " + format + ", key "
        + answerKey.name() + ")", graded.summary(), answerKey.criteria()));
    stdout.flush();
    return Main.OK;
  }

  private Imported igakuqa119(PrintWriter progress) {
    Dataset d = dataset.loadOrDownload(dataset.exam(IgakuQa119Source.EXAM, "format " + format), progress);
    IgakuQa119Answers.Read read = IgakuQa119Answers.read(inputs, d);
    return new Imported(d, read.results(), read.model(), read.firstTimestamp(), IgakuQa119Answers.provenance(read));
  }

  /** The exam is the one the files' problem ids name; --exam, when given, must agree. */
  private Imported igakuqa(PrintWriter progress) {
    IgakuQaPredictions.Read read = IgakuQaPredictions.read(inputs);
    Dataset d = dataset.loadOrDownload(dataset.exam(read.exam(), "the prediction files"), progress);
    return new Imported(d, IgakuQaPredictions.results(read, d), read.experiment(), null,
        IgakuQaPredictions.provenance(read));
  }
}
