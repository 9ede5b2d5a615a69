package dev.jmlebench.cli;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.viewer.ViewerApi;
import dev.jmlebench.viewer.ViewerData;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the viewer shows: a folder of result files and the dataset they answer. */
final class ViewerSource {
  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Folder of result files (*.json). Default: ${DEFAULT-VALUE}")
  Path results;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;

  ViewerApi load() {
    Dataset d = dataset.load();
    return new ViewerApi(ViewerData.load(results, d, answerKey.forDataset(d)));
  }
}
