package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetResolver;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --exam} and {@code --dataset} options shared by every command that reads an exam: which exam, and
 * where its data is. Finding, fetching and reading it is {@link DatasetResolver}'s.
 */
public final class DatasetOption {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--exam", paramLabel = "ID", completionCandidates = Candidates.ExamIds.class,
      description = "The exam: 120 (February 2026, JMLE2026-Bench), 119 (February 2025, IgakuQA119) or "
          + "112-116 (2018-2022, IgakuQA). "
          + "Default: 120, or the exam of the result files given.")
  String exam;

  @Option(names = "--dataset", paramLabel = "PATH",
      description = "The exam's folder laid out as its upstream repository (120: the folder of "
          + "jmle2026_dataset.json, or that file; 119: an IgakuQA119 checkout; 112-116: an IgakuQA checkout); given once per exam for result "
          + "files of several exams. Default: $JMLE_BENCH_DATASET, else ~/.cache/jmle-bench/{exam}, fetched there "
          + "when missing (see 'dataset download').")
  List<Path> paths;

  /** The options as a command that takes them its own way (a run's exam is part of the run) has them. */
  static DatasetOption of(String exam, List<Path> paths) {
    DatasetOption o = new DatasetOption();
    o.exam = exam;
    o.paths = paths == null || paths.isEmpty() ? null : List.copyOf(paths);
    return o;
  }

  private DatasetResolver resolver;

  /** The one resolver of this command: it loads (or fetches) each exam once. */
  private synchronized DatasetResolver resolver() {
    if (resolver == null) {
      resolver = new DatasetResolver(paths, exam, Exams.ids().stream().map(id -> Exams.get(id).source()).toList(),
          () -> mixee == null || mixee.commandLine() == null ? new PrintWriter(System.err, true)
              : mixee.commandLine().getErr());
    }
    return resolver;
  }

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

  /** The {@code --dataset} options as given, to repeat them in a printed command. */
  public List<String> asArguments() {
    return resolver().asArguments();
  }

  public Path directory() {
    return directory(exam());
  }

  public Path directory(ExamSpec spec) {
    return resolver().directory(spec.source());
  }

  /** The command's exam, fetched into the cache first when missing there ({@code progress} says so). */
  public Dataset loadOrDownload(PrintWriter progress) {
    return loadOrDownload(exam(), progress);
  }

  public Dataset loadOrDownload(ExamSpec spec, PrintWriter progress) {
    return resolver().load(spec.source(), progress);
  }

  /** The command's exam, fetched into the cache first when missing there (progress on standard error). */
  public Dataset load() {
    return load(exam());
  }

  public Dataset load(ExamSpec spec) {
    return resolver().load(spec.source());
  }

  /** The exam as it is on disk, never fetched: what {@code dataset info} describes. */
  public Dataset loadAsItIs(ExamSpec spec) {
    return resolver().loadAsItIs(spec.source());
  }

  /** The dataset, loaded on first use only, once: for commands that need it for some files only. */
  public Supplier<Dataset> lazily() {
    return this::load;
  }

  /**
   * Each exam's dataset, loaded (or fetched) on first use, once: for commands reading result files of several
   * exams. {@code --dataset} names one exam's folder, so it serves the exam it holds (or {@code --exam}'s).
   */
  public Function<String, Dataset> perExam() {
    return id -> resolver().amongSeveral(exam(id, "a result file").source());
  }

  /**
   * The datasets of the exams a suite's runs sit, each loaded once, before any run starts (parallel runs
   * must not each load or fetch one); an exam missing from the default cache is downloaded there first, as
   * {@code run} does. {@code --dataset} is given once per exam, as for {@code leaderboard}.
   *
   * @param what names the runs in an error, e.g. the suite's file
   * @param progress where a download reports; null for standard error
   */
  public Map<String, Dataset> eachOf(Collection<String> exams, String what, PrintWriter progress) {
    Map<String, Dataset> loaded = new LinkedHashMap<>();
    exams.forEach(id -> loaded.computeIfAbsent(id, k -> progress == null
        ? resolver().amongSeveral(exam(k, what).source()) : resolver().amongSeveral(exam(k, what).source(), progress)));
    return loaded;
  }
}
