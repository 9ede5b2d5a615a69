package dev.jmlebench.testing;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetLoader;
import dev.jmlebench.dataset.DatasetLocation;
import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.dataset.Upstream;
import dev.jmlebench.dataset.sources.IgakuQa119Source;
import dev.jmlebench.dataset.sources.IgakuQaSource;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.results.GradedWith;
import dev.jmlebench.results.ResultFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JMLE2026 material tests read: ../shared/jmle2026 from the project root when it is there, else the
 * dataset, images and published result files fetched from the pinned upstream commit into the user cache
 * (see {@link PinnedMaterial}). Both hold the same layout: jmle2026_dataset.json, images/, results/.
 */
public final class SharedData {
  static final String IGAKUQA119 = "igakuqa119.manifest.sha256";
  static final String IGAKUQA119_DEMO = "igakuqa119-demo.manifest.sha256";
  public static final Path SHARED = Path.of("../shared/jmle2026");
  private static Path root;
  /** The IgakuQA119 repository's data and published demo answers, as its upstream lays them out. */
  public static final Path SHARED_119 = Path.of("../shared/igakuqa119");
  private static Path root119;
  /** IgakuQA's repository: the 112th-116th exams' data and the published baseline predictions. */
  public static final Path SHARED_IGAKUQA = Path.of("../shared/igakuqa");
  static final List<String> IGAKUQA_EXAMS = List.of("112", "113", "114", "115", "116");
  private static Path rootIgakuqa;
  private static final java.util.Map<String, Dataset> IGAKUQA_DATASETS = new java.util.concurrent.ConcurrentHashMap<>();
  private static Dataset dataset;
  private static Dataset dataset119;

  private SharedData() {}

  /** The material's folder, fetched on first use when ../shared/jmle2026 is not there. */
  public static synchronized Path root() {
    if (root == null) {
      root = PinnedMaterial.locate(SHARED,
          List.of(Manifest.bundled(), Manifest.bundled(Manifest.PUBLISHED_RESULTS)),
          DatasetLocation.cacheRoot(), System.getenv(Upstream.MIRROR_ENV));
    }
    return root;
  }

  /** The published result files' folder. */
  public static Path results() {
    return root().resolve("results");
  }

  public static synchronized Dataset dataset() {
    if (dataset == null) {
      dataset = DatasetLoader.load(root());
    }
    return dataset;
  }

  /** The 119th exam's folder (../shared/igakuqa119, else fetched like {@link #root()}). */
  public static synchronized Path root119() {
    if (root119 == null) {
      root119 = PinnedMaterial.locate(SHARED_119,
          List.of(Manifest.bundled(IGAKUQA119), Manifest.bundled(IGAKUQA119_DEMO)),
          DatasetLocation.cacheRoot(), System.getenv(Upstream.MIRROR_ENV));
    }
    return root119;
  }

  /**
   * IgakuQA's folder (../shared/igakuqa, else the five exams, their English translations and the baselines
   * fetched like {@link #root()}).
   */
  public static synchronized Path rootIgakuqa() {
    if (rootIgakuqa == null) {
      List<Manifest> manifests = new java.util.ArrayList<>();
      IGAKUQA_EXAMS.forEach(e -> manifests.add(Manifest.bundled("igakuqa-" + e + ".manifest.sha256")));
      IGAKUQA_EXAMS.forEach(e -> manifests.add(Manifest.bundled("igakuqa-" + e + "-en.manifest.sha256")));
      manifests.add(Manifest.bundled("igakuqa-baselines.manifest.sha256"));
      rootIgakuqa = PinnedMaterial.locate(SHARED_IGAKUQA, manifests, DatasetLocation.cacheRoot(),
          System.getenv(Upstream.MIRROR_ENV));
    }
    return rootIgakuqa;
  }

  /** One of the 112th-116th exams as its converter reads it, with its edition's accepted alternatives. */
  public static Dataset datasetIgakuqa(String exam) {
    return IGAKUQA_DATASETS.computeIfAbsent(exam, e ->
        IgakuQaSource.load(rootIgakuqa(), e, Exams.get(e).alternativeAnswers()));
  }

  /** One of the 112th-116th exams in IgakuQA's English, as {@code run --language en} asks it. */
  public static dev.jmlebench.dataset.Translation englishIgakuqa(String exam) {
    return ENGLISH.computeIfAbsent(exam, e -> IgakuQaSource.english(rootIgakuqa(), datasetIgakuqa(e)));
  }

  private static final java.util.Map<String, dev.jmlebench.dataset.Translation> ENGLISH =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The 119th exam as its converter reads it, with 119E28's letters as alternatives (its edition's rule). */
  public static synchronized Dataset dataset119() {
    if (dataset119 == null) {
      dataset119 = IgakuQa119Source.load(root119(), Set.of("119E-28"));
    }
    return dataset119;
  }

  /**
   * The published result files graded with answer key {@code edition}: files published before 2026-03-16
   * carry the author's key, later ones the official key (recognised by the gold answers they carry).
   */
  public static List<Path> publishedResultsGradedWith(String edition) {
    return publishedResults().stream()
        .filter(f -> GradedWith.edition(ResultFiles.read(f), Exams.get("120")).filter(edition::equals).isPresent())
        .toList();
  }

  /**
   * Every published result file present: the 8 the team has, and any further ones dropped beside them
   * (a held-back set is checked the same way).
   */
  public static List<Path> publishedResults() {
    try (Stream<Path> files = Files.list(results())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
