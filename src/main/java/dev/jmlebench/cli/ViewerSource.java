package dev.jmlebench.cli;

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

  ViewerApi load() {
    return new ViewerApi(ViewerData.load(results, dataset.load()));
  }
}
