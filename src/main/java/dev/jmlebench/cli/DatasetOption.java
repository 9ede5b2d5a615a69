package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetDownloader;
import dev.jmlebench.dataset.DatasetLoader;
import dev.jmlebench.dataset.DatasetLocation;
import dev.jmlebench.dataset.Manifest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
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

  /**
   * Loads the dataset; when it is missing from the default cache (no --dataset, no environment variable),
   * downloads it there first, so that a new user's first {@code run} needs no separate step.
   */
  public Dataset loadOrDownload(PrintWriter progress) {
    Path dir = directory();
    boolean isDefaultCache = path == null && System.getenv(DatasetLocation.ENV) == null;
    if (isDefaultCache && !Files.isRegularFile(dir.resolve(Dataset.JSON_NAME))) {
      Manifest manifest = Manifest.bundled();
      progress.printf("Dataset not found in %s; downloading it (%d files, SHA-256 verified) ...%n", dir,
          manifest.entries().size());
      progress.flush();
      new DatasetDownloader(manifest, manifest.defaultSource()).download(dir, step -> { });
      progress.println("Dataset ready.");
      progress.flush();
    }
    return load();
  }

  /** The dataset, loaded on first use only, once: for commands that need it for some files only. */
  public Supplier<Dataset> lazily() {
    return new Supplier<>() {
      private Dataset loaded;

      @Override
      public synchronized Dataset get() {
        if (loaded == null) {
          loaded = load();
        }
        return loaded;
      }
    };
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
