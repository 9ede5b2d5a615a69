package dev.jmlebench.viewer;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.Completeness;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Summary;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the viewer shows: the dataset and every result file of one folder, each graded under one answer
 * key with its summary, ranked by score. Read once; the viewer never writes.
 */
public record ViewerData(Dataset dataset, AnswerKey key, List<Run> runs, List<Skipped> skipped) {

  /** The pass marks of the key the runs are graded with. */
  public ExamCriteria criteria() {
    return key.criteria();
  }

  /** A {@code *.json} of the folder that is not shown, and why. */
  public record Skipped(Path file, String reason) {}

  /**
   * One result file.
   *
   * @param id the file name without {@code .json}, reduced to URL- and file-safe characters, unique
   * @param result the file as the viewer's answer key grades it (re-graded in memory when it was graded with
   *     another key; never written)
   * @param summary the summary under that key
   */
  public record Run(String id, Path file, ResultFile result, Summary summary) {
    public String name() {
      return result.metadata().name();
    }
  }


  public ViewerData {
    runs = List.copyOf(runs);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reads every {@code *.json} in {@code resultsDir}. JSON without a {@code results} array (such as the
   * leaderboard's {@code leaderboard.json}, written beside the results) is skipped; a result file with a
   * fault is an error. A symbolic link is skipped unread: it could lead anywhere on the disk, and the viewer
   * shows only the files of the folder it was given.
   */
  public static ViewerData load(Path resultsDir, Dataset dataset, AnswerKey key) {
    AnswerKey checked = key.checkedAgainst(dataset);
    List<Path> files = ResultFolder.list(resultsDir, "--results " + resultsDir);
    List<Run> runs = new ArrayList<>(files.size());
    List<Skipped> skipped = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        skipped.add(new Skipped(f, "a symbolic link; the viewer shows only the folder's own files"));
        continue;
      }
      Optional<ResultFile> read = ResultFolder.readIfResultFile(f);
      if (read.isEmpty()) {
        skipped.add(new Skipped(f, "not a result file"));
        continue;
      }
      ResultFile result = read.get();
      String exam = ResultFiles.examOf(result);
      if (!exam.equals(dataset.exam())) {
        throw new UserError(f + ": holds results of exam " + exam + ", but the dataset is exam " + dataset.exam());
      }
      ResultFile graded = Rescorer.under(result, checked, () -> dataset, f.toString());
      runs.add(new Run(uniqueId(f, ids), f, graded, graded.summary()));
    }
    if (runs.isEmpty()) {
      throw new UserError("--results " + resultsDir + ": holds no result files (*.json)");
    }
    runs.sort(Comparator.comparingDouble((Run r) -> -r.summary().scorePct())
        .thenComparing(Comparator.comparingInt((Run r) -> -r.summary().correct()))
        .thenComparing(Run::name));
    return new ViewerData(dataset, checked, runs, skipped);
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
