package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetDownloader;
import dev.jmlebench.dataset.DatasetLocation;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.dataset.sources.DatasetFormat;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The {@code --exam} and {@code --dataset} options shared by every command that reads an exam: which exam,
 * and where its data is, laid out as that exam's upstream repository.
 */
public final class DatasetOption {
  @Option(names = "--exam", paramLabel = "ID", completionCandidates = Candidates.ExamIds.class,
      description = "The exam: 120 (February 2026, JMLE2026-Bench), 119 (February 2025, IgakuQA119) or "
          + "112-116 (2018-2022, IgakuQA). "
          + "Default: 120, or the exam of the result files given.")
  String exam;

  @Option(names = "--dataset", paramLabel = "PATH",
      description = "The exam's folder laid out as its upstream repository (120: the folder of "
          + "jmle2026_dataset.json, or that file; 119: an IgakuQA119 checkout; 112-116: an IgakuQA checkout); given once per exam for result "
          + "files of several exams. Default: $JMLE_BENCH_DATASET, else ~/.cache/jmle-bench/{exam} (see "
          + "'dataset download').")
  List<Path> paths;

  /** The exam named with {@code --exam}, as given; null when none was. */
  public String examGiven() {
    return exam;
  }

  /** The exam asked for with {@code --exam}, else 120. */
  public ExamSpec exam() {
    return Exams.bundled(exam != null ? exam : Exams.DEFAULT);
  }

  /**
   * The exam of result files ({@code recognised}, from their question ids); {@code --exam} must agree with
   * it when given, so a 119th file is never graded against the 120th's key.
   */
  public ExamSpec exam(String recognised, String what) {
    if (exam != null && !exam.equals(recognised)) {
      throw new UserError("--exam " + exam + ": " + what + " holds results of exam " + recognised);
    }
    return Exams.bundled(recognised);
  }

  /** The exam asked for, or with {@code all} every bundled exam (each from its own cache folder). */
  public List<ExamSpec> exams(boolean all) {
    if (!all) {
      return List.of(exam());
    }
    if (paths != null || exam != null) {
      throw new UserError("--all takes every bundled exam, each in its own cache folder; it cannot be combined "
          + "with --exam or --dataset");
    }
    return Exams.ids().stream().map(Exams::bundled).toList();
  }

  /**
   * The {@code --dataset} folder of an exam: the only one given, or among several the one laid out as that
   * exam's upstream repository; null when none was given or none of several holds it.
   */
  private Path pathFor(ExamSpec spec) {
    if (paths == null || paths.isEmpty()) {
      return null;
    }
    if (paths.size() == 1) {
      return paths.get(0);
    }
    DatasetFormat f = format(spec);
    return paths.stream().filter(p -> f.isPresentIn(DatasetLocation.resolve(p, spec.id()), spec.id())).findFirst().orElse(null);
  }

  /** The {@code --dataset} options as given, to repeat them in a printed command. */
  public List<String> asArguments() {
    return paths == null ? List.of() : paths.stream().flatMap(p -> Stream.of("--dataset", p.toString())).toList();
  }

  public Path directory() {
    return directory(exam());
  }

  public Path directory(ExamSpec spec) {
    return DatasetLocation.resolve(pathFor(spec), spec.id());
  }

  /**
   * Loads the exam; when it is missing from the default cache (no --dataset, no environment variable),
   * downloads it there first, so that a new user's first {@code run} needs no separate step.
   */
  public Dataset loadOrDownload(PrintWriter progress) {
    return loadOrDownload(exam(), progress);
  }

  public Dataset loadOrDownload(ExamSpec spec, PrintWriter progress) {
    downloadIfMissing(spec, directory(spec), DatasetLocation.isDefaultCache(pathFor(spec)), progress);
    return load(spec);
  }

  /** Downloads the exam into {@code dir} when that is the default cache and the exam is not there yet. */
  private static void downloadIfMissing(ExamSpec spec, Path dir, boolean defaultCache, PrintWriter progress) {
    if (defaultCache && !format(spec).isPresentIn(dir, spec.id())) {
      Manifest manifest = Manifest.bundled(spec.sourceManifest());
      progress.printf("The %s exam is not in %s; downloading it (%d files, SHA-256 verified) ...%n",
          ExamOrdinal.of(spec.id()),
          dir, manifest.entries().size());
      progress.flush();
      new DatasetDownloader(manifest, manifest.defaultSource()).download(dir, step -> { });
      progress.println("Dataset ready.");
      progress.flush();
    }
  }

  public Dataset load() {
    return load(exam());
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

  /**
   * Each exam's dataset, loaded on first use, once: for commands reading result files of several exams.
   * {@code --dataset} names one exam's folder, so it serves the exam it holds (or {@code --exam}'s).
   */
  public Function<String, Dataset> perExam() {
    Map<String, Dataset> loaded = new ConcurrentHashMap<>();
    return id -> loaded.computeIfAbsent(id, k -> loadAmongSeveral(exam(k, "a result file"), null));
  }

  /**
   * The datasets of the exams a suite's runs sit, each loaded once, before any run starts (parallel runs
   * must not each load or fetch one); with {@code progress}, an exam missing from the default cache is
   * downloaded there first, as {@code run} does. {@code --dataset} is given once per exam, as for
   * {@code leaderboard}.
   *
   * @param what names the runs in an error, e.g. the suite's file
   */
  public Map<String, Dataset> eachOf(Collection<String> exams, String what, PrintWriter progress) {
    Map<String, Dataset> loaded = new LinkedHashMap<>();
    exams.forEach(id -> loaded.computeIfAbsent(id, k -> loadAmongSeveral(exam(k, what), progress)));
    return loaded;
  }

  /**
   * An exam among several: from its {@code --dataset} folder, or, when a lone {@code --dataset} holds another
   * exam, from its own cache; downloaded first as {@link #loadOrDownload} does when {@code progress} is given.
   */
  private Dataset loadAmongSeveral(ExamSpec spec, PrintWriter progress) {
    Path given = pathFor(spec);
    boolean namedFolderIsAnother = given != null && exam == null
        && !format(spec).isPresentIn(DatasetLocation.resolve(given, spec.id()), spec.id());
    if (!namedFolderIsAnother) {
      return progress == null ? load(spec) : loadOrDownload(spec, progress);
    }
    Path own = DatasetLocation.resolve(null, spec.id());
    if (progress != null) {
      downloadIfMissing(spec, own, DatasetLocation.isDefaultCache(null), progress);
    }
    return load(spec, own, true);
  }

  /** The exam's dataset, converted from its upstream layout and checked to be that exam. */
  public Dataset load(ExamSpec spec) {
    return load(spec, directory(spec), DatasetLocation.isDefaultCache(pathFor(spec)));
  }

  private Dataset load(ExamSpec spec, Path dir, boolean defaultPlace) {
    DatasetFormat format = format(spec);
    if (!format.isPresentIn(dir, spec.id())) {
      if (!Files.exists(dir) || defaultPlace) {
        throw new UserError("no dataset at " + dir + " (the " + ExamOrdinal.of(spec.id())
            + " exam): run `jmle-bench dataset "
            + "download --exam " + spec.id() + "`, or pass --dataset DIR (or set " + DatasetLocation.ENV + ")");
      }
      throw new UserError(dir + ": not the " + ExamOrdinal.of(spec.id()) + " exam's upstream layout ("
          + format.wireName()
          + "); pass the folder of that exam with --dataset, or --exam for the exam this folder holds");
    }
    Dataset d = format.load(dir, spec.id(), spec.alternativeAnswers());
    if (!d.exam().equals(spec.id())) {
      throw new UserError(dir + ": holds the " + ExamOrdinal.of(d.exam()) + " exam, not the "
          + ExamOrdinal.of(spec.id()) + " (--exam "
          + spec.id() + ")");
    }
    return d;
  }

  private static DatasetFormat format(ExamSpec spec) {
    DatasetFormat f = DatasetFormat.named(spec.sourceFormat());
    if (f == null) {
      throw new IllegalStateException("exam " + spec.id() + " names an unknown source format " + spec.sourceFormat());
    }
    return f;
  }
}
