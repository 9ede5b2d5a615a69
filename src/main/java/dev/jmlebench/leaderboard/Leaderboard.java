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
   * @param dataset loads an exam's dataset (once per exam): for the bootstrap's serial groups, and to grade a
   *     file under another key
   * @param key the answer key to rank by, given the exam; every file is graded under it (files are rewritten
   *     only with {@code rescore})
   */
  public record Request(Path resultsDir, Path readme, Path chart, boolean plotOnly, List<Path> rescore,
      Function<String, Dataset> dataset, Function<String, AnswerKey> key) {
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

  /**
   * Builds the leaderboard of a folder. A folder may hold several exams: each is ranked on its own, into its
   * own README tables and its own exports and charts (the 120th's, or else the newest exam's, named after
   * {@code chart}; another exam's after {@code chart} with {@code -<exam>} added), and a README's model ×
   * exam table sets them side by side.
   */
  public static Report build(Request request) {
    Outputs out = Outputs.beside(request.chart());
    List<Path> files = ResultFolder.list(request.resultsDir(), "--results " + request.resultsDir()).stream()
        .filter(p -> !isExport(p, request.chart()))
        .toList();
    if (files.isEmpty()) {
      throw new UserError("--results " + request.resultsDir() + ": no result files (*.json) to rank");
    }
    // The first chart drawn loads AWT, the font files, ImageIO and JFreeChart: that happens on a thread of
    // its own while the result files are read, so the start-up cost of drawing overlaps the reading.
    Thread warmUp = new Thread(LeaderboardCharts::warmUp, "chart-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    Function<String, Dataset> dataset = memoized(request.dataset());
    List<String> done = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    Map<Path, ResultFile> rescored = request.rescore() == null ? Map.of()
        : rescore(request.rescore().isEmpty() ? files : request.rescore(), dataset, request.key(), done);
    // Each file's bootstrap is computed right after it is read, on the same core: the 10,000 resamples are
    // the leaderboard's largest piece of arithmetic, and so it spreads over both cores with the reading.
    // Files unchanged since the last export reuse its figures instead.
    Map<String, IntervalCache> caches = new java.util.concurrent.ConcurrentHashMap<>();
    List<Read> read = files.parallelStream()
        .map(f -> read(f, rescored, dataset, request.key(),
            exam -> caches.computeIfAbsent(exam, e -> {
              // An exam's earlier export, else the plain one (a folder that held one exam); entries of
              // another exam or criteria never match, so reading the wrong file only costs recomputing.
              Path own = outputsOf(out, e, null).json();
              return IntervalCache.read(java.nio.file.Files.isRegularFile(own) ? own : out.json());
            })))
        .toList();
    List<LeaderboardEntry> entries = read.stream().map(Read::entry).toList();
    entries.stream().filter(e -> e.completeness().partial()).forEach(e -> warnings.add(e.source()
        + ": a partial run (" + e.completeness().answered() + " of " + e.completeness().expected()
        + " questions answered); its rows and export are marked partial, and its score is not comparable"));
    Map<String, List<LeaderboardEntry>> byExam = ExamMatrix.byExam(entries);
    String primary = byExam.containsKey(TableKind.UPSTREAM_EXAM) ? TableKind.UPSTREAM_EXAM
        : byExam.keySet().iterator().next();

    List<CompletableFuture<Drawn>> charts = new ArrayList<>();
    for (Map.Entry<String, List<LeaderboardEntry>> exam : byExam.entrySet()) {
      Outputs outputs = outputsOf(out, exam.getKey(), primary);
      List<LeaderboardEntry> runs = exam.getValue();
      ExamCriteria criteria = request.key().apply(exam.getKey()).criteria();
      Map<String, RunIntervals> statistics = new LinkedHashMap<>();
      read.stream().filter(r -> r.statistics() != null && runs.contains(r.entry()))
          .forEach(r -> statistics.put(r.entry().source(), r.statistics()));
      ChartData data = ChartData.of(runs, statistics, criteria);
      charts.add(CompletableFuture.supplyAsync(() -> {
        joinQuietly(warmUp);
        return new Drawn(outputs, LeaderboardCharts.write(data, outputs));
      }));
      if (!request.plotOnly()) {
        LeaderboardExport.write(outputs.json(), outputs.csv(), runs, statistics, criteria);
        done.add("wrote " + outputs.json() + " and " + outputs.csv() + " (" + runs.size() + " runs"
            + (byExam.size() > 1 ? " of exam " + exam.getKey() : "") + ")");
      }
    }
    if (!request.plotOnly() && request.readme() != null) {
      ReadmeUpdate u = ReadmeLeaderboard.rebuild(request.readme(), entries);
      warnings.addAll(u.warnings());
      if (!u.tables().isEmpty()) {
        done.add(request.readme() + ": " + String.join(", ", u.tables()) + (u.changed() ? "" : " (unchanged)"));
      }
    }
    for (CompletableFuture<Drawn> c : charts) {
      Drawn d = join(c);
      d.drawn().warning().filter(w -> !warnings.contains(w)).ifPresent(warnings::add);
      done.add("drew " + String.join(", ", d.outputs().charts().stream().map(Path::toString).toList())
          + " (font: " + d.drawn().fontFamily() + ")");
    }
    return new Report(done, warnings);
  }

  /** One exam's charts, drawn. */
  private record Drawn(Outputs outputs, LeaderboardCharts.Drawn drawn) {
  }

  /** The outputs of one exam: the primary exam's are named after the chart, another's carry its id. */
  private static Outputs outputsOf(Outputs out, String exam, String primary) {
    if (exam.equals(primary) || primary == null && exam.equals(TableKind.UPSTREAM_EXAM)) {
      return out;
    }
    Path chart = out.scorePng();
    String name = chart.getFileName().toString();
    String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
        : name;
    return Outputs.beside(chart.resolveSibling(stem + "-" + exam + ".png"));
  }

  /** Whether a file is one of the leaderboard's own exports ({@code leaderboard.json}, {@code leaderboard-119.json}). */
  private static boolean isExport(Path file, Path chart) {
    String name = chart.getFileName().toString();
    String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
        : name;
    Path dir = chart.toAbsolutePath().normalize().getParent();
    Path f = file.toAbsolutePath().normalize();
    String fn = f.getFileName().toString();
    return f.getParent().equals(dir) && (fn.equals(stem + ".json") || fn.matches(java.util.regex.Pattern.quote(stem)
        + "-\\d+\\.json"));
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
  private static Map<Path, ResultFile> rescore(List<Path> targets, Function<String, Dataset> dataset,
      Function<String, AnswerKey> key, List<String> done) {
    List<Rescoring> results = targets.parallelStream()
        .map(f -> {
          ResultFile before = ResultFiles.read(f);
          Dataset d = dataset.apply(ResultFiles.examOf(before));
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

  private static Read read(Path f, Map<Path, ResultFile> rescored, Function<String, Dataset> dataset,
      Function<String, AnswerKey> keyOf, Function<String, IntervalCache> caches) {
    ResultFile file = rescored.get(f.toAbsolutePath().normalize());
    if (file == null) {
      file = ResultFiles.read(f);
    }
    String exam = ResultFiles.examOf(file);
    AnswerKey key = keyOf.apply(exam);
    file = Rescorer.under(file, key, () -> dataset.apply(exam), f.toString());
    LeaderboardEntry entry = LeaderboardEntry.of(f.getFileName().toString(), file);
    return new Read(entry, file.results().isEmpty() ? null
        : caches.apply(exam).of(file, key.criteria(), dataset.apply(exam), entry.source()));
  }

  /** Each exam's dataset loaded once, on first use, while other threads read on. */
  private static Function<String, Dataset> memoized(Function<String, Dataset> load) {
    Map<String, Dataset> loaded = new LinkedHashMap<>();
    return exam -> {
      synchronized (loaded) {
        return loaded.computeIfAbsent(exam, load);
      }
    };
  }
}
