package dev.jmlebench.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.sources.IgakuQa119Source;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Another harness's published answers, read against the exam's dataset, and the result file they make: the
 * metadata says which exam, dataset and answer key, and where the answers came from ({@code imported_from});
 * the name shown is the one the source's files call for ({@link #displayName}) unless the user gives one.
 *
 * @param model the model id the source records (IgakuQA: its experiment's name), {@code unknown} when none
 * @param displayName the name leaderboards and the viewer show
 * @param defaultEdition the answer key that grades it when none is named: IgakuQA's predictions write
 *     calculations as its mark-sheet digits, so its own edition; empty for the exam's default
 */
public record ImportedRun(String format, Dataset dataset, Map<String, QuestionResult> results, String model,
    String displayName, String firstTimestamp, ObjectNode provenance, Optional<String> defaultEdition) {

  /** The formats known, for a message. */
  public static final List<String> FORMATS = List.of(IgakuQa119Answers.FORMAT, IgakuQaPredictions.FORMAT);

  /**
   * Reads {@code inputs} in {@code format}; {@code dataset} gives the exam's dataset, told the exam the files are
   * of and how to name them in a message ({@code format igakuqa119}, {@code the prediction files}).
   */
  public static ImportedRun read(String format, List<Path> inputs, BiFunction<String, String, Dataset> dataset) {
    if (IgakuQa119Answers.FORMAT.equals(format)) {
      Dataset d = dataset.apply(IgakuQa119Source.EXAM, "format " + format);
      IgakuQa119Answers.Read read = IgakuQa119Answers.read(inputs, d);
      String model = read.model() != null ? read.model() : "unknown";
      return new ImportedRun(format, d, read.results(), model, IgakuQa119Answers.displayName(model),
          read.firstTimestamp(), IgakuQa119Answers.provenance(read), Optional.empty());
    }
    if (IgakuQaPredictions.FORMAT.equals(format)) {
      // The exam is the one the files' problem ids name.
      IgakuQaPredictions.Read read = IgakuQaPredictions.read(inputs);
      Dataset d = dataset.apply(read.exam(), "the prediction files");
      String model = read.experiment() != null ? read.experiment() : "unknown";
      return new ImportedRun(format, d, IgakuQaPredictions.results(read, d), model,
          IgakuQaPredictions.displayName(read.experiment()), null, IgakuQaPredictions.provenance(read),
          Optional.of(IgakuQaPredictions.EDITION));
    }
    throw new UserError("import: unknown format '" + format + "'; known: " + String.join(", ", FORMATS));
  }

  /**
   * The result file: graded under {@code key}, as asked in {@code mode} (blind or vision), shown as
   * {@code name} (null: {@link #displayName}).
   *
   * @param source names the file in an error
   */
  public ResultFile toResultFile(ImageMode mode, String name, AnswerKey key, String source) {
    if (mode == ImageMode.VISION && !dataset.hasImages()) {
      throw new UserError("--image-mode vision: the " + ExamOrdinal.of(dataset.exam())
          + " exam's source released no images; its predictions were made from the text (blind)");
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    extra.put(Metadata.SCHEMA_VERSION, IntNode.valueOf(ResultSchema.VERSION));
    extra.put(Metadata.EXAM, TextNode.valueOf(dataset.exam()));
    extra.put(Metadata.DATASET_SHA256, TextNode.valueOf(dataset.sha256()));
    extra.put(Metadata.ANSWER_KEY, TextNode.valueOf(key.name()));
    extra.put(Metadata.IMPORTED_FROM, provenance);
    int total = results.size();
    RunMetadata metadata = new RunMetadata(model, null, firstTimestamp, mode.wireName(), null, total, total, 0,
        name != null ? name : displayName, extra);
    return Rescorer.regrade(new ResultFile(metadata, null, new ArrayList<>(results.values())), dataset, key, source);
  }
}
