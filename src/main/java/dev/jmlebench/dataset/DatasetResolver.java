package dev.jmlebench.dataset;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.sources.DatasetFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where one command reads each exam's dataset from, and the reading: the {@code --dataset} paths the user
 * named (each serves the exam it holds), else {@code $JMLE_BENCH_DATASET}, else the user cache
 * ({@link DatasetLocation}), into which an exam not there yet is downloaded first — verified against its
 * pinned manifest, with progress — by every command that needs it, as {@code run} does.
 *
 * <p>A dataset the user names is used or refused, never set aside: a path that does not exist, a file that is
 * no dataset file, a folder that holds no exam or a dataset with a fault is one line naming the path and what
 * is wrong (a {@link UserError}, exit 2, before anything is written). An exam none of the named paths holds
 * comes from its cache when the command reads files of several exams (a {@code --dataset} is given once per
 * exam, and serves the exam it holds), and is refused when it is the command's one exam.
 */
public final class DatasetResolver {
  private final List<Path> given;
  private final String examGiven;
  private final Collection<ExamSource> known;
  private final Supplier<PrintWriter> progress;
  private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();

  /**
   * @param given the {@code --dataset} paths as named (empty for none)
   * @param examGiven the exam named with {@code --exam}, null for none
   * @param known every bundled exam's source, to tell which exam a named folder holds
   * @param progress where a download reports (standard error, so that a command's JSON output stays clean)
   */
  public DatasetResolver(List<Path> given, String examGiven, Collection<ExamSource> known,
      Supplier<PrintWriter> progress) {
    this.given = given == null ? List.of() : List.copyOf(given);
    this.examGiven = examGiven;
    this.known = List.copyOf(known);
    this.progress = progress;
  }

  /**
   * The folder an exam is read from: the only {@code --dataset} given, or among several the one holding that
   * exam, else {@code $JMLE_BENCH_DATASET} or the cache. Nothing is checked: {@code dataset download} fills it.
   */
  public Path directory(ExamSource exam) {
    return DatasetLocation.resolve(pathFor(exam), exam.exam());
  }

  /**
   * The command's own exam ({@code run}, {@code mock-server}, {@code import}…): from the named path, which must
   * hold it, else downloaded into the cache when missing there. {@code progress} says what is fetched.
   */
  public Dataset load(ExamSource exam, PrintWriter progress) {
    return loaded.computeIfAbsent(exam.exam(), k -> {
      Path path = pathFor(exam);
      if (path == null && !given.isEmpty()) {
        given.forEach(p -> checkNamed(p, exam));
        throw new UserError("--dataset: none of " + given + " holds the " + ExamOrdinal.of(exam.exam())
            + " exam; give its folder too, or leave --dataset out to use the cache");
      }
      checkNamed(path, exam);
      Path dir = DatasetLocation.resolve(path, exam.exam());
      downloadIfMissing(exam, dir, DatasetLocation.isDefaultCache(path), progress);
      return read(exam, dir, DatasetLocation.isDefaultCache(path));
    });
  }

  /** As {@link #load(ExamSource, PrintWriter)}, a download reporting where this resolver's progress goes. */
  public Dataset load(ExamSource exam) {
    return load(exam, progress.get());
  }

  /** The exam as it is on disk, never downloaded ({@code dataset info} describes a copy there is). */
  public Dataset loadAsItIs(ExamSource exam) {
    Path path = pathFor(exam);
    checkNamed(path, exam);
    return read(exam, DatasetLocation.resolve(path, exam.exam()), DatasetLocation.isDefaultCache(path));
  }

  /**
   * One of the exams of a command reading files of several ({@code leaderboard}, {@code serve},
   * {@code compare}…): from the named path holding it; when a lone named path holds another exam and no
   * {@code --exam} says otherwise, from the exam's own cache, downloaded when missing.
   */
  public Dataset amongSeveral(ExamSource exam) {
    return amongSeveral(exam, progress.get());
  }

  /** As {@link #amongSeveral(ExamSource)}, a download reporting to {@code progress}. */
  public Dataset amongSeveral(ExamSource exam, PrintWriter progress) {
    return loaded.computeIfAbsent(exam.exam(), k -> {
      Path path = pathFor(exam);
      checkNamed(path, exam);
      if (path != null && examGiven == null && !holds(path, exam)) {
        // A folder of another exam serves that exam; one of no exam is a mistake, not a reason to use the cache.
        if (held(path).isEmpty()) {
          throw new UserError("--dataset " + path + ": holds no exam's dataset (none of the layouts "
              + DatasetFormat.names() + "); give an exam's folder, or leave --dataset out to use the cache");
        }
        Path own = DatasetLocation.resolve(null, exam.exam());
        downloadIfMissing(exam, own, DatasetLocation.isDefaultCache(null), progress);
        return read(exam, own, true);
      }
      Path dir = DatasetLocation.resolve(path, exam.exam());
      downloadIfMissing(exam, dir, DatasetLocation.isDefaultCache(path), progress);
      return read(exam, dir, DatasetLocation.isDefaultCache(path));
    });
  }

  /** The {@code --dataset} options as given, to repeat them in a printed command. */
  public List<String> asArguments() {
    return given.stream().flatMap(p -> java.util.stream.Stream.of("--dataset", p.toString())).toList();
  }

  /** The named path an exam is read from: the only one given, or among several the one holding it; else null. */
  private Path pathFor(ExamSource exam) {
    if (given.isEmpty()) {
      return null;
    }
    if (given.size() == 1) {
      return given.get(0);
    }
    return given.stream().filter(p -> holds(p, exam)).findFirst().orElse(null);
  }

  private static boolean holds(Path named, ExamSource exam) {
    return format(exam).isPresentIn(DatasetLocation.resolve(named, exam.exam()), exam.exam());
  }

  private List<ExamSource> held(Path named) {
    return known.stream().filter(e -> holds(named, e)).toList();
  }

  /**
   * A named path must be there, and a file must be named as an upstream names its dataset file: refused here,
   * whatever exam was asked for — never set aside for the cache.
   */
  private void checkNamed(Path path, ExamSource exam) {
    if (path == null) {
      return;
    }
    if (!Files.exists(path)) {
      throw new UserError("--dataset " + path + ": no dataset at " + path + " (no such file or folder): run `jmle-bench "
          + "dataset download --exam " + exam.exam() + " --dataset " + path + "` to fetch the "
          + ExamOrdinal.of(exam.exam()) + " exam there, or leave --dataset out to use the cache");
    }
    if (Files.isRegularFile(path) && !path.getFileName().toString().equals(Dataset.JSON_NAME)) {
      throw new UserError("--dataset " + path + ": not an exam's dataset file; give the exam's folder (or its "
          + Dataset.JSON_NAME + ", the 120th's)");
    }
  }

  /** Downloads the exam into {@code dir} when that is the default cache and the exam is not there yet. */
  private static void downloadIfMissing(ExamSource exam, Path dir, boolean defaultCache, PrintWriter progress) {
    if (!defaultCache || format(exam).isPresentIn(dir, exam.exam())) {
      return;
    }
    Manifest manifest = Manifest.bundled(exam.manifest());
    progress.printf("The %s exam is not in %s; downloading it (%d files, SHA-256 verified) ...%n",
        ExamOrdinal.of(exam.exam()), dir, manifest.entries().size());
    progress.flush();
    int fetched;
    try {
      fetched = new DatasetDownloader(manifest, manifest.defaultSource()).download(dir, step -> { });
    } catch (UserError e) {
      // Offline, or the mirror is down: said once, with the ways forward.
      throw new UserError("the " + ExamOrdinal.of(exam.exam()) + " exam is not in " + dir + " and fetching it "
          + "failed: " + e.getMessage() + " (pass --dataset DIR with a copy, or set " + Upstream.MIRROR_ENV
          + " to a mirror)");
    }
    progress.printf("Dataset ready: %d files fetched, all %d verified (upstream %s).%n", fetched,
        manifest.entries().size(), manifest.commit());
    progress.flush();
  }

  /** The exam's dataset from {@code dir}, converted from its upstream layout and checked to be that exam. */
  private Dataset read(ExamSource exam, Path dir, boolean defaultPlace) {
    DatasetFormat format = format(exam);
    if (!format.isPresentIn(dir, exam.exam())) {
      if (!Files.exists(dir) || defaultPlace) {
        throw new UserError("no dataset at " + dir + " (the " + ExamOrdinal.of(exam.exam())
            + " exam): run `jmle-bench dataset download --exam " + exam.exam() + "`, or pass --dataset DIR (or set "
            + DatasetLocation.ENV + ")");
      }
      throw new UserError(dir + ": not the " + ExamOrdinal.of(exam.exam()) + " exam's upstream layout ("
          + format.wireName()
          + "); pass the folder of that exam with --dataset, or --exam for the exam this folder holds");
    }
    Dataset d = format.load(dir, exam.exam(), exam.alternatives());
    if (!d.exam().equals(exam.exam())) {
      throw new UserError(dir + ": holds the " + ExamOrdinal.of(d.exam()) + " exam, not the "
          + ExamOrdinal.of(exam.exam()) + " (--exam " + exam.exam() + ")");
    }
    return d;
  }

  private static DatasetFormat format(ExamSource exam) {
    DatasetFormat f = DatasetFormat.named(exam.format());
    if (f == null) {
      throw new IllegalStateException("exam " + exam.exam() + " names an unknown source format " + exam.format());
    }
    return f;
  }
}
