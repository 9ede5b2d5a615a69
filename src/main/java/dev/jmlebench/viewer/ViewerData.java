package dev.jmlebench.viewer;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.Completeness;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.RunVariant;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Ranking;
import dev.jmlebench.score.Summary;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Everything the viewer shows: the dataset and every result file of one folder, each graded under one answer
 * key with its summary, in the leaderboard's order ({@link Ranking}). Read once; the viewer never writes.
 */
public record ViewerData(Dataset dataset, AnswerKey key, List<Run> runs, List<Skipped> skipped) {

  /** The pass marks of the key the runs are graded with. */
  public ExamCriteria criteria() {
    return key.criteria();
  }

  /** A {@code *.json} of the folder that is not shown, and why. */
  public record Skipped(Path file, String reason, ResultFile variantRun) {
    public Skipped(Path file, String reason) {
      this(file, reason, null);
    }
  }

  /**
   * One result file.
   *
   * @param id the file name without {@code .json}, reduced to URL- and file-safe characters, unique
   * @param result the file as the viewer's answer key grades its stored answers (in memory, whatever summary
   *     the file states; never written), without its answers' texts ({@link Slim}: they are read when shown)
   * @param summary the summary under that key
   * @param stamp the file as it was when read: what it is reused by ({@link Reuse})
   */
  public record Run(String id, Path file, ResultFile result, Summary summary, Stamp stamp) {
    public String name() {
      return result.metadata().name();
    }

    /** A run is its file as read: comparing the whole of two files' answers would be costly and mean the same. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Run r && r.id.equals(id) && r.stamp.equals(stamp);
    }

    @Override
    public int hashCode() {
      return id.hashCode() * 31 + stamp.hashCode();
    }
  }


  public ViewerData {
    runs = List.copyOf(runs);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reads every {@code *.json} in {@code resultsDir}, all of {@code dataset}'s exam: a result file of another
   * exam is an error (a folder of several exams is read by {@link ViewerSite#load}). JSON without a
   * {@code results} array (such as the leaderboard's {@code leaderboard.json}, written beside the results) is
   * skipped; a result file with a fault is an error.
   */
  public static ViewerData load(Path resultsDir, Dataset dataset, AnswerKey key) {
    Reuse reuse = new Reuse();
    AnswerKey checked = key.checkedAgainst(dataset);
    Folder folder = Folder.read(resultsDir, reuse, true, (f, file) -> ResultFiles.examOf(file).equals(dataset.exam())
        ? reuse.slim.of(Rescorer.under(file, checked, () -> dataset, f.toString())) : file);
    for (Folder.Read r : folder.results()) {
      String exam = ResultFiles.examOf(r.result());
      if (!exam.equals(dataset.exam())) {
        throw new UserError(r.file() + ": holds results of exam " + exam + ", but the dataset is exam " + dataset.exam());
      }
    }
    return of(dataset, key, folder.results(), folder.skipped(), reuse);
  }

  /** The runs of one exam, each as {@code key} grades its stored answers (in memory). */
  static ViewerData of(Dataset dataset, AnswerKey key, List<Folder.Read> files, List<Skipped> skipped) {
    return of(dataset, key, files, skipped, new Reuse());
  }

  /** As {@link #of(Dataset, AnswerKey, List, List)}; the graded files are kept in {@code reuse} for the next reading. */
  static ViewerData of(Dataset dataset, AnswerKey key, List<Folder.Read> files, List<Skipped> skipped, Reuse reuse) {
    AnswerKey checked = key.checkedAgainst(dataset);
    List<Run> runs = new ArrayList<>(files.size());
    for (Folder.Read r : files) {
      // Read through ViewerSite.prepare, a file is graded and slim already; else it is graded and slimmed here.
      ResultFile graded = r.result();
      if (!reuse.isGraded(r.stamp())) {
        graded = reuse.slim.of(Rescorer.under(r.result(), checked, () -> dataset, r.file().toString()));
        reuse.graded(r.stamp(), graded);
      }
      runs.add(new Run(r.id(), r.file(), graded, graded.summary(), r.stamp()));
    }
    runs.sort(Ranking.highestFirst(r -> r.summary().scorePct(), r -> r.file().getFileName().toString()));
    return new ViewerData(dataset, checked, runs, skipped);
  }

  /**
   * The result files of a folder, each with its id, and the {@code *.json} that are not shown. A symbolic
   * link is skipped unread: it could lead anywhere on the disk, and the viewer shows only the files of the
   * folder it was given.
   */
  record Folder(List<Read> results, List<Skipped> skipped) {
    /** One result file as read, with the id it has in URLs and the stamp it had when read. */
    record Read(String id, Path file, ResultFile result, Stamp stamp) {}

    static Folder read(Path resultsDir) {
      return read(resultsDir, new Reuse(), true, (f, file) -> file);
    }

    /**
     * Reads the folder, taking from {@code reuse} each file whose stamp is unchanged, and passing each file read
     * through {@code prepare} at once (grading it and leaving out its texts, so that the whole folder is never
     * in memory as read). With {@code strict}, a result file with a fault, or a folder without result files, is
     * an error; otherwise (a folder followed while runs write into it) such a file is skipped with its fault as
     * the reason, and the folder may be empty.
     */
    static Folder read(Path resultsDir, Reuse reuse, boolean strict, BiFunction<Path, ResultFile, ResultFile> prepare) {
      return read(resultsDir, ResultFolder.list(resultsDir, "--results " + resultsDir), reuse, strict, prepare,
          (done, folder) -> {});
    }

    /** What has been read so far, told after each file: how many of the listed files, and the folder of those. */
    interface SoFar {
      void read(int done, Supplier<Folder> folder);
    }

    /** As {@link #read(Path, Reuse, boolean, BiFunction)}, over {@code files} as listed, telling {@code soFar} as it goes. */
    static Folder read(Path resultsDir, List<Path> files, Reuse reuse, boolean strict,
        BiFunction<Path, ResultFile, ResultFile> prepare, SoFar soFar) {
      List<Read> results = new ArrayList<>(files.size());
      List<Skipped> skipped = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      int done = 0;
      for (Path f : files) {
        int before = done++;
        if (before > 0) {
          soFar.read(before, () -> new Folder(List.copyOf(results), List.copyOf(skipped)));
        }
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          skipped.add(new Skipped(f, "a symbolic link; the viewer shows only the folder's own files"));
          continue;
        }
        Optional<Stamp> stamp = Stamp.of(f);
        if (stamp.isEmpty()) {
          continue; // gone since it was listed
        }
        ResultFolder.Entry read;
        try {
          read = reuse.read(stamp.get(), () -> {
            ResultFolder.Entry e = ResultFolder.read(f);
            if (e instanceof ResultFolder.Result r) {
              ResultFile prepared = prepare.apply(f, r.result());
              if (prepared != r.result()) {
                reuse.graded(stamp.get(), prepared);
              }
              return new ResultFolder.Result(f, prepared);
            }
            return e;
          });
        } catch (UserError fault) {
          if (strict) {
            throw fault;
          }
          skipped.add(new Skipped(f, fault.getMessage()));
          continue;
        }
        RunVariant variant = read instanceof ResultFolder.Result r ? RunVariant.of(r.result().metadata()) : null;
        if (variant != null && !variant.isRanked()) {
          // The viewer's runs are ranked on its leaderboard, compared in its matrix: the published protocol's only.
          // Kept as read, for the robustness cards: read again, a file could have changed — or be anything.
          skipped.add(new Skipped(f, "a variant run (" + variant.label() + "): never ranked beside the published "
              + "protocol's runs; `robustness` compares it with its default run",
              ((ResultFolder.Result) read).result()));
        } else if (read instanceof ResultFolder.Result r) {
          results.add(new Read(uniqueId(f, ids), f, r.result(), stamp.get()));
        } else if (read instanceof ResultFolder.Skipped s && !s.ours()) {
          skipped.add(new Skipped(f, "not a result file"));
        }
      }
      if (strict && results.isEmpty()) {
        throw new UserError("--results " + resultsDir + ": holds no result files (*.json)");
      }
      return new Folder(List.copyOf(results), List.copyOf(skipped));
    }
  }

  /**
   * The name pages show: the display name, told apart by the file name when another run has the same one,
   * and marked "(partial 20/400)" when the run did not answer every question it set out to ask.
   */
  public String label(Run run) {
    boolean shared = runs.stream().filter(r -> r.name().equals(run.name())).count() > 1;
    String name = shared ? run.name() + " · " + run.file().getFileName() : run.name();
    return Completeness.of(run.result().metadata(), run.summary()).label(name);
  }

  /** Ids appear in URLs and, in a static report, as file names: keep them to a safe alphabet. */
  private static String uniqueId(Path file, Set<String> taken) {
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    String base = stem.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}
