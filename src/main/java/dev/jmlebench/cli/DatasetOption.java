package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetLoader;
import dev.jmlebench.dataset.DatasetLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --dataset} option shared by every command that reads the exam. */
public final class DatasetOption {
  @Option(names = "--dataset", paramLabel = "PATH",
      description = "Dataset folder (or its jmle2026_dataset.json). Default: $JMLE_BENCH_DATASET, "
          + "else ~/.cache/jmle-bench/jmle2026 (see 'dataset download').")
  Path path;

  public Path directory() {
    return DatasetLocation.resolve(path);
  }

  public Dataset load() {
    Path dir = directory();
    if (!Files.isRegularFile(dir.resolve(Dataset.JSON_NAME))) {
      throw new UserError("no dataset at " + dir + ": run `jmle-bench dataset download`, "
          + "or pass --dataset DIR (or set " + DatasetLocation.ENV + ")");
    }
    return DatasetLoader.load(dir);
  }
}
