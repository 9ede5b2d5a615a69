package dev.jmlebench.leaderboard;

import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.UserCache;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.RunVariant;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.stats.RunStatistics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code leaderboard} command's work, a pipeline: the result files of a folder are read (rescored first
 * when asked), graded under the answer key, given their confidence intervals, and written out as README
 * tables, JSON and CSV exports and charts. Each step is one method below; how the steps spread over the
 * cores is {@link Parallel}'s. Nothing is written until every file has been read and checked.
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

  /**
   * What was done, one line each; what the user should know (warnings), one line each; and the ranking of
   * each exam as text ({@link RankingText}), none with {@code --plot-only}.
   */
  public record Report(List<String> done, List<String> warnings, List<String> ranking) {}

  /**
   * Builds the leaderboard of a folder. A folder may hold several exams: each is ranked on its own, into its
   * own README tables and its own exports and charts (the 120th's, or else the newest exam's, named after
   * {@code chart}; another exam's after {@code chart} with {@code -<exam>} added), and a README's model ×
   * exam table sets them side by side.
   */
  public static Report build(Request request) {
    Path cache = UserCache.root();
    return build(request, RunStatistics::of, new ChartCache(cache.resolve("leaderboard-charts")),
        GradingIndex.of(cache.resolve("leaderboard-index"), request.resultsDir()), ResultFolder::read);
  }

  /**
   * As {@link #build(Request)}, with the statistics computed by {@code statistics} (a test counts them), the
   * charts drawn recorded in {@code charts}, and no {@link GradingIndex}: every file is read.
   */
  static Report build(Request request, IntervalCache.Statistics statistics, ChartCache charts) {
    return build(request, statistics, charts, GradingIndex.none(), ResultFolder::read);
  }

  /**
   * As {@link #build(Request)}, with what grading each file yielded kept in {@code index}, and each file that must
   * be read read by {@code read} (a test counts them).
   */
  static Report build(Request request, IntervalCache.Statistics statistics, ChartCache charts, GradingIndex index,
      Function<Path, ResultFolder.Entry> read) {
    Outputs out = Outputs.beside(request.chart());
    List<Path> files = resultFiles(request.resultsDir(), out);
    // The first chart drawn loads AWT, the font files, ImageIO and JFreeChart: that happens while the files
    // are read, so the start-up cost of drawing overlaps the reading — unless the charts are there as last
    // drawn, when they will most likely be kept as they are.
    Parallel.Task<Void> drawingLoaded = charts.intact(out) ? Parallel.done()
        : Parallel.inBackground("chart-warm-up", LeaderboardCharts::warmUp);
    Function<String, Dataset> dataset = Parallel.oncePerKey(request.dataset());
    Function<String, IntervalCache> earlier =
        Parallel.oncePerKey(exam -> IntervalCache.read(out.earlierExport(exam), statistics));
    Function<String, String> grading = Parallel.oncePerKey(exam -> grading(request.key().apply(exam),
        dataset.apply(exam)));
    Log log = new Log();
    if (request.plotOnly() && chartsCurrent(files, out, request, charts, log)) {
      return log.report();
    }

    Set<Path> toRescore = request.rescore() == null ? Set.of() : normalized(request.rescore().isEmpty() ? files
        : request.rescore());
    // File by file, each read once and then let go: rescored when asked, graded, and given its intervals (the
    // build's largest piece of arithmetic) right after it is read, spreading over the cores with the reading.
    // Only a file that rescoring changed is kept, to be written once every file has been read and checked. A file
    // unchanged since the last build is not read at all: the index holds what grading it yields.
    List<Processed> processed = Parallel.map(files, f -> {
      boolean rescoreIt = toRescore.contains(normalized(f));
      String name = f.getFileName().toString();
      FileStamp stamp = FileStamp.of(f);
      Processed unchanged = index.known(name, stamp, grading)
          .filter(k -> !rescoreIt || Boolean.TRUE.equals(k.rescoreClean()))
          .map(k -> fromIndex(k, f, rescoreIt, earlier, request.plotOnly()))
          .orElse(null);
      if (unchanged != null) {
        index.keep(name);
        return unchanged;
      }
      ResultFolder.Entry entry = read.apply(f);
      if (entry instanceof ResultFolder.Skipped skipped) {
        return new Processed(null, null, skipped, null);
      }
      ResultFile file = ((ResultFolder.Result) entry).result();
      Rescoring rescoring = null;
      if (rescoreIt) {
        Rescorer.Rescored r = rescore(f, file, dataset, request.key());
        rescoring = rescoring(f, file, r);
        file = r.file();
      }
      // A file rescoring changes is rewritten, and read again by the next build: only an unchanged one is indexed.
      Boolean clean = rescoring == null ? null : rescoring.toWrite() == null && rescoring.changes() == 0;
      String exam = ResultFiles.examOf(file);
      RunVariant variant = RunVariant.of(file.metadata());
      if (!variant.isRanked()) {
        if (!Boolean.FALSE.equals(clean)) {
          index.remember(name, stamp, grading.apply(exam), new GradingIndex.Known(exam, variant.label(), clean,
              null, null));
        }
        return new Processed(null, rescoring, null, name + " [" + variant.label() + "]");
      }
      Graded graded = grade(file, f, dataset, request.key());
      Ranked ranked = intervals(graded, dataset, earlier, request.plotOnly());
      if (!Boolean.FALSE.equals(clean)) {
        String key = graded.file().results().isEmpty() ? null : ranked.intervals() != null
            ? ranked.intervals().key() : IntervalCache.key(graded.file(), graded.key().criteria(), dataset.apply(exam));
        index.remember(name, stamp, grading.apply(exam), new GradingIndex.Known(exam, null, clean, graded.entry(),
            key));
      }
      return new Processed(ranked, rescoring, null, null);
    });
    if (request.rescore() != null) {
      // Files named with --rescore that are not in the folder are rescored, not ranked.
      Set<Path> inFolder = normalized(files);
      List<Rescoring> rescorings = new ArrayList<>(Parallel.map(
          toRescore.stream().filter(f -> !inFolder.contains(f)).toList(),
          f -> {
            ResultFile before = ResultFiles.read(f);
            return rescoring(f, before, rescore(f, before, dataset, request.key()));
          }));
      processed.stream().map(Processed::rescoring).filter(Objects::nonNull).forEach(rescorings::add);
      writeRescored(rescorings, log);
    }
    List<Ranked> ranked = processed.stream().map(Processed::ranked).filter(Objects::nonNull).toList();
    List<String> variants = processed.stream().map(Processed::variant).filter(Objects::nonNull).toList();
    if (!variants.isEmpty()) {
      // The leaderboard is the published protocol: a variant is shown by `robustness`, never ranked beside it.
      log.done("not ranked: " + plural(variants.size(), "variant run") + " (another choice order or language "
          + "than the published protocol's; see docs/ROBUSTNESS.md): " + String.join(", ", variants));
    }
    if (ranked.isEmpty()) {
      throw new UserError("--results " + request.resultsDir() + (variants.isEmpty()
          ? ": no result files (*.json) to rank"
          : ": no result file of the published protocol to rank (only " + plural(variants.size(), "variant run")
              + ")"));
    }
    // What the folder's reading says about the runs ranked (passed over, partial, without error bars): said again
    // by a --plot-only that keeps the charts without reading the folder.
    int aboutTheRuns = log.warnings.size();
    // Another tool's JSON passed over is said once; jmle-bench's own files (a waiting batch's journal) are not.
    processed.stream().map(Processed::skipped).filter(x -> x != null && !x.ours())
        .forEach(x -> log.warn("skipped " + x.file() + ": " + x.reason()));
    warnOfPartialRuns(ranked, log);
    if (request.plotOnly()) {
      warnOfMissingIntervals(ranked, out, log);
    }
    List<String> runWarnings = List.copyOf(log.warnings.subList(aboutTheRuns, log.warnings.size()));
    writeOutputs(ranked, request, out, drawingLoaded, charts, log);
    List<String> exams = new ArrayList<>(ExamMatrix.byExam(ranked.stream().map(Ranked::entry).toList()).keySet());
    String primary = primaryExam(exams);
    exams.remove(primary);
    exams.add(0, primary);
    charts.rememberBuild(out, inputs(files, out, exams, request), exams,
        exams.stream().map(e -> out.ofExam(e, primary)).toList(), runWarnings);
    index.write();
    return log.report();
  }

  /** How an exam is graded, for {@link GradingIndex}: the answer key's every rule and the dataset's SHA-256. */
  private static String grading(AnswerKey key, Dataset dataset) {
    return Hashing.sha256Hex((ChartCache.identity(key) + "\n" + dataset.sha256()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A file unchanged since the last build, as the index knows it (rescored: it was, and rescoring changed nothing);
   * null when its intervals are not at hand to reuse and must be computed (the previous export is gone), which
   * needs its answers.
   */
  private static Processed fromIndex(GradingIndex.Known k, Path f, boolean rescored,
      Function<String, IntervalCache> earlier, boolean reuseOnly) {
    Rescoring rescoring = rescored ? new Rescoring(normalized(f), 0, null) : null;
    if (k.variant() != null) {
      return new Processed(null, rescoring, null, f.getFileName() + " [" + k.variant() + "]");
    }
    if (k.intervalsKey() == null) {
      return new Processed(new Ranked(k.entry(), null, false), rescoring, null, null);
    }
    Optional<RunIntervals> reused = earlier.apply(k.exam()).withKey(k.intervalsKey());
    if (reused.isEmpty() && !reuseOnly) {
      return null;
    }
    return new Processed(new Ranked(k.entry(), reused.orElse(null), reused.isEmpty()), rescoring, null, null);
  }

  /**
   * Redrawing the charts only: whether they are already what the folder's files, exports and answer keys give, as
   * their record tells without reading a file (then the charts are kept, and said so).
   */
  private static boolean chartsCurrent(List<Path> files, Outputs out, Request request, ChartCache charts, Log log) {
    List<String> exams = charts.examsOfBuild(out);
    if (exams.isEmpty() || !charts.current(out, inputs(files, out, exams, request))) {
      return false;
    }
    charts.warningsOfBuild(out).forEach(log::warn);
    String primary = exams.get(0);
    for (String exam : exams) {
      log.done("kept " + String.join(", ", out.ofExam(exam, primary).charts().stream().map(Path::toString).toList())
          + " (nothing they are drawn from changed: result files, " + out.json().getFileName() + ", answer key)");
    }
    return true;
  }

  /** What the charts of {@code exams} are drawn from, for {@link ChartCache#current}; the first exam is the primary. */
  private static String inputs(List<Path> files, Outputs out, List<String> exams, Request request) {
    String primary = exams.get(0);
    return ChartCache.inputs(files, exams.stream().map(e -> out.ofExam(e, primary).json()).toList(),
        exams.stream().map(e -> ChartCache.identity(request.key().apply(e))).toList());
  }

  /**
   * The folder's {@code *.json} but the leaderboard's own exports (known by name, whatever their chart's name):
   * which of them are result files is {@link ResultFolder}'s rule, applied as each is read.
   */
  private static List<Path> resultFiles(Path dir, Outputs out) {
    List<Path> files = ResultFolder.list(dir, "--results " + dir).stream().filter(p -> !out.isExport(p)).toList();
    if (files.isEmpty()) {
      throw new UserError("--results " + dir + ": no result files (*.json) to rank");
    }
    return files;
  }

  private static Path normalized(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static Set<Path> normalized(List<Path> paths) {
    Set<Path> out = new LinkedHashSet<>();
    paths.forEach(p -> out.add(normalized(p)));
    return out;
  }

  /**
   * A file as ranked, and, when it was rescored, what rescoring did to it; or, for a {@code *.json} that is no
   * result file, why it was passed over ({@link ResultFolder#read}); or, for a variant run, which is never ranked
   * ({@link RunVariant#isRanked}), its name and variant.
   */
  private record Processed(Ranked ranked, Rescoring rescoring, ResultFolder.Skipped skipped, String variant) {}

  /**
   * What rescoring did to a file: the answers it changed, and the file to write when it changed anything (null
   * when it did not: its content would be the same, so it is neither kept nor rewritten).
   */
  private record Rescoring(Path path, int changes, ResultFile toWrite) {}

  /** Step 1, with --rescore: the file re-parsed and re-scored as {@code rescore} does. */
  private static Rescorer.Rescored rescore(Path f, ResultFile before, Function<String, Dataset> dataset,
      Function<String, AnswerKey> key) {
    Dataset d = dataset.apply(ResultFiles.examOf(before));
    return Rescorer.rescore(before, d, key.apply(d.exam()), f.toString());
  }

  private static Rescoring rescoring(Path f, ResultFile before, Rescorer.Rescored r) {
    return new Rescoring(normalized(f), r.changes().size(), r.file().equals(before) ? null : r.file());
  }

  /** Writes the files rescoring changed, once all were read and checked. */
  private static void writeRescored(List<Rescoring> rescorings, Log log) {
    List<Rescoring> changed = rescorings.stream().filter(r -> r.toWrite() != null).toList();
    Parallel.forEach(changed, r -> ResultFiles.write(r.path(), r.toWrite()));
    int answers = rescorings.stream().mapToInt(Rescoring::changes).sum();
    log.done("rescored " + plural(rescorings.size(), "file") + ": " + plural(answers, "answer") + " changed, "
        + plural(changed.size(), "file") + " rewritten (the others were up to date)");
  }

  /** A file as the answer key of its exam grades it, and its entry in the tables. */
  private record Graded(ResultFile file, AnswerKey key, LeaderboardEntry entry) {}

  /** Step 2: the file graded under its exam's answer key (in memory: a file graded by another key is not rewritten). */
  private static Graded grade(ResultFile read, Path f, Function<String, Dataset> dataset,
      Function<String, AnswerKey> keyOf) {
    String exam = ResultFiles.examOf(read);
    AnswerKey key = keyOf.apply(exam);
    ResultFile file = Rescorer.under(read, key, () -> dataset.apply(exam), f.toString());
    return new Graded(file, key, LeaderboardEntry.of(f.getFileName().toString(), file));
  }

  /**
   * A file as ranked, and the uncertainty of its figures: null when it answered no question to resample, or,
   * redrawing the charts only, when the previous export does not hold them ({@code missing}).
   */
  private record Ranked(LeaderboardEntry entry, RunIntervals intervals, boolean missing) {}

  /**
   * Step 3: the run's intervals, reused from the previous export when nothing they depend on changed. Redrawing
   * the charts only, nothing is bootstrapped: a run the export has no intervals for is drawn without them.
   */
  private static Ranked intervals(Graded g, Function<String, Dataset> dataset,
      Function<String, IntervalCache> earlier, boolean reuseOnly) {
    String exam = g.entry().exam();
    if (g.file().results().isEmpty()) {
      return new Ranked(g.entry(), null, false);
    }
    IntervalCache cache = earlier.apply(exam);
    if (reuseOnly) {
      RunIntervals reused = cache.reusable(g.file(), g.key().criteria(), dataset.apply(exam)).orElse(null);
      return new Ranked(g.entry(), reused, reused == null);
    }
    return new Ranked(g.entry(), cache.of(g.file(), g.key().criteria(), dataset.apply(exam), g.entry().source()),
        false);
  }

  private static void warnOfMissingIntervals(List<Ranked> ranked, Outputs out, Log log) {
    List<String> missing = ranked.stream().filter(Ranked::missing).map(r -> r.entry().source()).toList();
    if (!missing.isEmpty()) {
      log.warn("--plot-only: " + plural(missing.size(), "run") + " drawn without error bars, as "
          + out.json().getFileName() + " holds no intervals for " + (missing.size() == 1 ? "its" : "their")
          + " answers (" + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
          + (missing.size() > 3 ? ", ..." : "") + "); a build without --plot-only computes them");
    }
  }

  private static void warnOfPartialRuns(List<Ranked> ranked, Log log) {
    ranked.stream().map(Ranked::entry).filter(e -> e.completeness().partial()).forEach(e -> log.warn(e.source()
        + ": a partial run (" + e.completeness().answered() + " of " + e.completeness().expected()
        + " questions answered); its rows and export are marked partial, and its score is not comparable"));
  }

  /**
   * Step 4: per exam its exports and charts (the charts drawn in the background meanwhile), and the README's
   * tables.
   */
  private static void writeOutputs(List<Ranked> ranked, Request request, Outputs out,
      Parallel.Task<Void> drawingLoaded, ChartCache chartCache, Log log) {
    List<LeaderboardEntry> entries = ranked.stream().map(Ranked::entry).toList();
    Map<String, List<LeaderboardEntry>> byExam = ExamMatrix.byExam(entries);
    String primary = primaryExam(byExam.keySet());
    List<Parallel.Task<Drawn>> charts = new ArrayList<>();
    // One exam's charts after another: a chart's image grows with its runs (a lab's folder: hundreds a chart, tens
    // of megabytes an image), so drawing every exam's at once would hold them all.
    Parallel.Task<?> previous = drawingLoaded;
    for (Map.Entry<String, List<LeaderboardEntry>> exam : byExam.entrySet()) {
      Outputs outputs = out.ofExam(exam.getKey(), primary);
      List<LeaderboardEntry> runs = exam.getValue();
      AnswerKey key = request.key().apply(exam.getKey());
      ExamCriteria criteria = key.criteria();
      Map<String, RunIntervals> intervals = new LinkedHashMap<>();
      // By identity: the runs' deep equality, once per run and ranked run, was quadratic in a folder's files.
      Set<LeaderboardEntry> inExam = Collections.newSetFromMap(new IdentityHashMap<>());
      inExam.addAll(runs);
      ranked.stream().filter(r -> r.intervals() != null && inExam.contains(r.entry()))
          .forEach(r -> intervals.put(r.entry().source(), r.intervals()));
      ChartData data = ChartData.of(runs, intervals, criteria);
      Parallel.Task<Drawn> drawing = previous.then(() -> chartCache.unchanged(data, outputs)
          .map(kept -> new Drawn(outputs, kept, false))
          .orElseGet(() -> {
            LeaderboardCharts.Drawn drawn = LeaderboardCharts.write(data, outputs);
            chartCache.remember(data, outputs, drawn);
            return new Drawn(outputs, drawn, true);
          }));
      charts.add(drawing);
      previous = drawing;
      if (!request.plotOnly()) {
        if (!log.ranking.isEmpty()) {
          log.ranking.add("");
        }
        log.ranking.addAll(RankingText.of(exam.getKey(), key.name(), runs, intervals));
        LeaderboardExport.write(outputs.json(), outputs.csv(), runs, intervals, key);
        log.done("wrote " + outputs.json() + " and " + outputs.csv() + " (" + plural(runs.size(), "run")
            + (byExam.size() > 1 ? " of exam " + exam.getKey() : "") + ")");
      }
    }
    if (!request.plotOnly() && request.readme() != null) {
      ReadmeUpdate u = ReadmeLeaderboard.rebuild(request.readme(), entries);
      u.warnings().forEach(log::warn);
      if (!u.tables().isEmpty()) {
        log.done(request.readme() + ": " + String.join(", ", u.tables()) + (u.changed() ? "" : " (unchanged)"));
      }
    }
    for (Parallel.Task<Drawn> c : charts) {
      Drawn d = c.join();
      d.drawn().warning().filter(w -> !log.warnings.contains(w)).ifPresent(log::warn);
      log.done((d.drawnNow() ? "drew " : "kept ")
          + String.join(", ", d.outputs().charts().stream().map(Path::toString).toList())
          + (d.drawnNow() ? "" : " (as drawn before: nothing they show changed)")
          + " (font: " + d.drawn().fontFamily() + ")");
    }
  }

  /** The exam whose outputs are named after the chart itself: the 120th's, else the newest exam's. */
  private static String primaryExam(Collection<String> exams) {
    return exams.contains(TableKind.UPSTREAM_EXAM) ? TableKind.UPSTREAM_EXAM : exams.iterator().next();
  }

  /** One exam's charts, drawn now or kept as an earlier build drew them. */
  private record Drawn(Outputs outputs, LeaderboardCharts.Drawn drawn, boolean drawnNow) {
  }

  /** What the build did and what the user should know, in the order it happened. */
  private static final class Log {
    private final List<String> done = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> ranking = new ArrayList<>();

    void done(String line) {
      done.add(line);
    }

    void warn(String line) {
      warnings.add(line);
    }

    Report report() {
      return new Report(done, warnings, ranking);
    }
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
