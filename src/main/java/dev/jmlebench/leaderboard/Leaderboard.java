package dev.jmlebench.leaderboard;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code leaderboard} command's work: result files of a folder → (optionally rescored) → README tables,
 * JSON and CSV exports with each run's confidence intervals, and the charts. Files are read and rescored in
 * parallel; nothing is written until every file has been read and checked.
 */
public final class Leaderboard {
  private Leaderboard() {}

  /**
   * What to build.
   *
   * @param readme the README whose tables to rebuild, or null for none
   * @param chart the score chart's PNG; the other outputs are named after it (see {@link Outputs})
   * @param rescore files to rescore first: null for none, empty for every file of {@code resultsDir}
   * @param dataset loads the dataset (once): for the bootstrap's serial groups, and to grade a file under
   *     another key
   * @param key the answer key to rank by, given the exam; every file is graded under it (files are rewritten
   *     only with {@code rescore})
   */
  public record Request(Path resultsDir, Path readme, Path chart, boolean plotOnly, List<Path> rescore,
      Supplier<Dataset> dataset, Function<String, AnswerKey> key) {
    public Request {
      Objects.requireNonNull(resultsDir, "resultsDir");
      Objects.requireNonNull(chart, "chart");
      rescore = rescore == null ? null : List.copyOf(rescore);
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(key, "key");
      if (plotOnly && rescore != null) {
        throw new UserError("--plot-only only redraws the charts; it cannot be combined with --rescore");
      }
    }
  }

  /** What was done, one line each, and what the user should know (warnings), one line each. */
  public record Report(List<String> done, List<String> warnings) {}

  public static Report build(Request request) {
    Outputs out = Outputs.beside(request.chart());
    Path export = out.json().toAbsolutePath().normalize();
    List<Path> files = ResultFolder.list(request.resultsDir(), "--results " + request.resultsDir()).stream()
        .filter(p -> !p.toAbsolutePath().normalize().equals(export))
        .toList();
    if (files.isEmpty()) {
      throw new UserError("--results " + request.resultsDir() + ": no result files (*.json) to rank");
    }
    // The first chart drawn loads AWT, the font files, ImageIO and JFreeChart: that happens on a thread of
    // its own while the result files are read, so the start-up cost of drawing overlaps the reading.
    Thread warmUp = new Thread(LeaderboardCharts::warmUp, "chart-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    Supplier<Dataset> dataset = memoized(request.dataset());
    List<String> done = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    Map<Path, ResultFile> rescored = request.rescore() == null ? Map.of()
        : rescore(request.rescore().isEmpty() ? files : request.rescore(), dataset, request.key(), done);
    // Each file's bootstrap is computed right after it is read, on the same core: the 10,000 resamples are
    // the leaderboard's largest piece of arithmetic, and so it spreads over both cores with the reading.
    // Files unchanged since the last export reuse its figures instead.
    IntervalCache cache = IntervalCache.read(out.json());
    List<Read> read = files.parallelStream()
        .map(f -> read(f, rescored, dataset, request.key(), cache))
        .toList();
    List<LeaderboardEntry> entries = read.stream().map(Read::entry).toList();
    entries.stream().filter(e -> e.completeness().partial()).forEach(e -> warnings.add(e.source()
        + ": a partial run (" + e.completeness().answered() + " of " + e.completeness().expected()
        + " questions answered); its rows and export are marked partial, and its score is not comparable"));
    ExamCriteria criteria = request.key().apply(exam(entries, files)).criteria();
    Map<String, RunIntervals> statistics = new LinkedHashMap<>();
    read.stream().filter(r -> r.statistics() != null)
        .forEach(r -> statistics.put(r.entry().source(), r.statistics()));

    ChartData data = ChartData.of(entries, statistics, criteria);
    CompletableFuture<LeaderboardCharts.Drawn> charts = CompletableFuture.supplyAsync(() -> {
      joinQuietly(warmUp);
      return LeaderboardCharts.write(data, out);
    });
    if (!request.plotOnly()) {
      if (request.readme() != null) {
        ReadmeUpdate u = ReadmeLeaderboard.rebuild(request.readme(), entries);
        warnings.addAll(u.warnings());
        if (!u.tables().isEmpty()) {
          done.add(request.readme() + ": " + String.join(", ", u.tables()) + (u.changed() ? "" : " (unchanged)"));
        }
      }
      LeaderboardExport.write(out.json(), out.csv(), entries, statistics, criteria);
      done.add("wrote " + out.json() + " and " + out.csv() + " (" + entries.size() + " runs)");
    }
    LeaderboardCharts.Drawn drawn = join(charts);
    drawn.warning().ifPresent(warnings::add);
    done.add("drew " + String.join(", ", out.charts().stream().map(Path::toString).toList())
        + " (font: " + drawn.fontFamily() + ")");
    return new Report(done, warnings);
  }

  /** The value of a task, or the exception it failed with, as thrown by the task itself. */
  private static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Rescores every file first and writes them only when all succeeded; returns them by path. A file whose
   * rescoring changes nothing is not rewritten: its content would be the same.
   */
  private static Map<Path, ResultFile> rescore(List<Path> targets, Supplier<Dataset> dataset,
      Function<String, AnswerKey> key, List<String> done) {
    List<Rescoring> results = targets.parallelStream()
        .map(f -> {
          ResultFile before = ResultFiles.read(f);
          Dataset d = dataset.get();
          return new Rescoring(f.toAbsolutePath().normalize(), before,
              Rescorer.rescore(before, d, key.apply(d.exam()), f.toString()));
        })
        .toList();
    List<Rescoring> changed = results.stream().filter(Rescoring::changed).toList();
    changed.parallelStream().forEach(r -> ResultFiles.write(r.path(), r.rescored().file()));
    Map<Path, ResultFile> byPath = new LinkedHashMap<>();
    int answers = 0;
    for (Rescoring r : results) {
      byPath.put(r.path(), r.rescored().file());
      answers += r.rescored().changes().size();
    }
    done.add("rescored " + plural(targets.size(), "file") + ": " + plural(answers, "answer") + " changed, "
        + plural(changed.size(), "file") + " rewritten (the others were up to date)");
    return byPath;
  }

  private record Rescoring(Path path, ResultFile before, Rescorer.Rescored rescored) {
    boolean changed() {
      return !rescored.file().equals(before);
    }
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A file as ranked, and the uncertainty of its figures: null when it answered no question to resample. */
  private record Read(LeaderboardEntry entry, RunIntervals statistics) {}

  private static Read read(Path f, Map<Path, ResultFile> rescored, Supplier<Dataset> dataset,
      Function<String, AnswerKey> keyOf, IntervalCache cache) {
    ResultFile file = rescored.get(f.toAbsolutePath().normalize());
    if (file == null) {
      file = ResultFiles.read(f);
    }
    AnswerKey key = keyOf.apply(ResultFiles.examOf(file));
    file = Rescorer.under(file, key, dataset, f.toString());
    LeaderboardEntry entry = LeaderboardEntry.of(f.getFileName().toString(), file);
    return new Read(entry, file.results().isEmpty() ? null
        : cache.of(file, key.criteria(), dataset.get(), entry.source()));
  }

  /** The one exam every file is of: a leaderboard ranks one exam. */
  private static String exam(List<LeaderboardEntry> entries, List<Path> files) {
    String exam = entries.get(0).exam();
    for (int i = 1; i < entries.size(); i++) {
      if (!entries.get(i).exam().equals(exam)) {
        throw new UserError(files.get(i) + ": is of exam " + entries.get(i).exam() + " but " + files.get(0)
            + " is of exam " + exam + "; a leaderboard ranks one exam, so keep each exam's results in its own folder");
      }
    }
    return exam;
  }

  private static <T> Supplier<T> memoized(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
