package dev.jmlebench.stats;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.dataset.SerialGroup;
import dev.jmlebench.results.Completeness;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.RunVariant;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Outcome;
import dev.jmlebench.score.Part;
import dev.jmlebench.score.Points;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The per-question outcomes of one result file, in exam order (block, then number). Points come from the
 * question id ({@code 120B-30} → block B, number 30); the serial groups the bootstrap keeps together come from
 * the dataset.
 *
 * @param name the name leaderboards show (display name, else model)
 * @param source where the run came from, e.g. the file path, for messages and reports
 */
public record ScoredRun(String name, String model, String source, List<ScoredQuestion> questions) {
  private static final Comparator<ScoredQuestion> EXAM_ORDER =
      Comparator.comparing(ScoredQuestion::block).thenComparingInt(ScoredQuestion::number);

  public ScoredRun {
    questions = questions.stream().sorted(EXAM_ORDER).toList();
  }

  /**
   * Reads a result file as the answer key of its exam grades its stored answers ({@code keyOf} gives the key
   * of an exam), in memory, which loads its exam's dataset ({@code dataset} gives the dataset of an exam).
   */
  public static ScoredRun read(Path file, Function<String, AnswerKey> keyOf, Function<String, Dataset> dataset) {
    return graded(ResultFiles.read(file), keyOf, dataset, file.toString());
  }

  /** As {@link #read(Path, Function, Function)}, with one dataset for files known to be of one exam. */
  public static ScoredRun read(Path file, Function<String, AnswerKey> keyOf, Supplier<Dataset> dataset) {
    return read(file, keyOf, exam -> dataset.get());
  }

  private static ScoredRun graded(ResultFile file, Function<String, AnswerKey> keyOf,
      Function<String, Dataset> dataset, String source) {
    String exam = ResultFiles.examOf(file);
    AnswerKey key = keyOf.apply(exam);
    return of(Rescorer.under(file, key, () -> dataset.apply(exam), source), key.criteria(), dataset.apply(exam),
        source);
  }

  /** As {@link #readDirectory(Path, Function, Function, BiConsumer)}, with one dataset for one exam's files. */
  public static List<ScoredRun> readDirectory(Path dir, Function<String, AnswerKey> keyOf, Supplier<Dataset> dataset,
      BiConsumer<Path, String> skipped) {
    return readDirectory(dir, keyOf, exam -> dataset.get(), skipped);
  }

  /**
   * Reads every result file directly inside {@code dir}, in file-name order, as {@link ResultFolder} tells
   * them: another tool's JSON lying beside the results, and a variant run (never ranked beside the published
   * protocol's, {@link RunVariant#isRanked}), is passed to {@code skipped} with the reason; jmle-bench's own files
   * (its exports, a waiting batch's journal) are passed over silently. Anything else that fails to read is an
   * error naming the file.
   */
  public static List<ScoredRun> readDirectory(Path dir, Function<String, AnswerKey> keyOf,
      Function<String, Dataset> dataset, BiConsumer<Path, String> skipped) {
    return readDirectory(dir, keyOf, dataset, skipped, exam -> true);
  }

  /**
   * As {@link #readDirectory(Path, Function, Function, BiConsumer)}, keeping the files of the exams {@code exams}
   * accepts; the others are neither graded nor loaded (a folder of several exams, {@code compare --all --exam}).
   */
  public static List<ScoredRun> readDirectory(Path dir, Function<String, AnswerKey> keyOf,
      Function<String, Dataset> dataset, BiConsumer<Path, String> skipped, Predicate<String> exams) {
    // Files are read and graded on every core (a lab's folder is thousands of them), a few at a time, each into
    // its own slot; what each gave is then taken in file-name order, so the skipped lines, the first error and the
    // runs come out as one by one. A file that does not read stops its batch there: only the files before it are
    // graded (loading their exam's dataset), as one by one. The key and the dataset of an exam are looked up once,
    // by one thread at a time.
    List<Path> files = ResultFolder.list(dir, dir.toString());
    Function<String, AnswerKey> key = once(keyOf);
    Function<String, Dataset> data = once(dataset);
    int batch = 2 * Runtime.getRuntime().availableProcessors();
    List<ScoredRun> runs = new ArrayList<>();
    for (int from = 0; from < files.size(); from += batch) {
      int start = from;
      Object[] read = new Object[Math.min(batch, files.size() - from)];
      IntStream.range(0, read.length).parallel().forEach(k -> {
        try {
          read[k] = ResultFolder.read(files.get(start + k));
        } catch (RuntimeException e) {
          read[k] = e;
        }
      });
      int stop = 0;
      while (stop < read.length && !(read[stop] instanceof RuntimeException)) {
        stop++;
      }
      IntStream.range(0, stop).parallel().filter(k -> read[k] instanceof ResultFolder.Result).forEach(k -> {
        try {
          read[k] = ranked(files.get(start + k), (ResultFolder.Result) read[k], exams, key, data);
        } catch (RuntimeException e) {
          read[k] = e;
        }
      });
      for (int k = 0; k < read.length; k++) {
        Path f = files.get(start + k);
        if (read[k] instanceof RuntimeException e) {
          throw e;
        } else if (read[k] instanceof ScoredRun run) {
          runs.add(run);
        } else if (read[k] instanceof String why) {
          skipped.accept(f, why);
        } else if (read[k] instanceof ResultFolder.Skipped s && !s.ours()) {
          skipped.accept(f, "not a result file (no results array)");
        }
      }
    }
    return runs;
  }

  /** A result file graded, or why it is not ranked (a String), or null for an exam not asked for. */
  private static Object ranked(Path f, ResultFolder.Result r, Predicate<String> exams, Function<String, AnswerKey> keyOf,
      Function<String, Dataset> dataset) {
    RunVariant variant = RunVariant.of(r.result().metadata());
    if (!variant.isRanked()) {
      // A folder's runs compared all against all are a leaderboard's: the published protocol's alone.
      return "a variant run (" + variant.label() + "), never ranked beside the published "
          + "protocol's runs (compare it with its default run: compare A B, or robustness)";
    }
    return exams.test(ResultFiles.examOf(r.result())) ? graded(r.result(), keyOf, dataset, f.toString()) : null;
  }

  /** {@code f}, each value computed once, by one thread at a time. */
  private static <T> Function<String, T> once(Function<String, T> f) {
    Map<String, T> done = new HashMap<>();
    return k -> {
      synchronized (done) {
        return done.computeIfAbsent(k, f);
      }
    };
  }

  /** The exam the questions belong to ({@code 120} for {@code 120A-1}); empty for a run without answers. */
  public Optional<String> exam() {
    return questions.stream().findFirst().flatMap(q -> QuestionId.parse(q.questionId())).map(QuestionId::exam);
  }

  /** Runs compared question by question must be of one exam: the first that is not is named in one line. */
  static void checkOneExam(List<ScoredRun> runs) {
    ScoredRun first = runs.get(0);
    for (ScoredRun r : runs) {
      if (r.exam().isPresent() && first.exam().isPresent() && !r.exam().equals(first.exam())) {
        throw new UserError(r.source() + " is of exam " + r.exam().get() + " but " + first.source() + " of exam "
            + first.exam().get() + "; runs of different exams cannot be compared question by question");
      }
    }
  }

  /**
   * The run's questions with their points, whether each is scored under {@code criteria}, and the serial
   * group of each from {@code dataset} (a question the dataset does not know is a unit of its own).
   */
  public static ScoredRun of(ResultFile file, ExamCriteria criteria, Dataset dataset, String source) {
    return of(file, criteria, id -> dataset.question(id).flatMap(Question::serialGroup).map(SerialGroup::groupId)
        .orElse(id), r -> Rescorer.choosesProhibited(dataset, r), source);
  }

  /** The run with every question a unit of its own: for what needs only points, never for resampling. */
  static ScoredRun ungrouped(ResultFile file, ExamCriteria criteria, String source) {
    return of(file, criteria, Function.identity(), r -> null, source);
  }

  private static ScoredRun of(ResultFile file, ExamCriteria criteria, Function<String, String> unitOf,
      Function<QuestionResult, Boolean> prohibitedOf, String source) {
    List<ScoredQuestion> out = new ArrayList<>(file.results().size());
    for (QuestionResult r : file.results()) {
      QuestionId id = QuestionId.parse(r.questionId()).orElseThrow(() -> new UserError(source
          + ": results: question id '" + r.questionId() + "' is not of the form 120A-1 (exam, block A-F, number)"));
      out.add(new ScoredQuestion(r.questionId(), id.block(), id.number(), Points.of(id), Part.isRequired(id),
          !criteria.isExcluded(r.questionId()), r.outcome() == Outcome.CORRECT, r.predicted(), r.gold(),
          unitOf.apply(r.questionId()), prohibitedOf.apply(r)));
    }
    return new ScoredRun(shownName(file), file.metadata().model(), source, out);
  }

  /**
   * The name a ranking shows: a run of part of the exam ({@code --limit}, {@code --questions}) or one that did not
   * answer all it set out to ask is marked, so that 9/10 is not read beside 430/500 as a better run.
   */
  private static String shownName(ResultFile file) {
    String name = file.metadata().name();
    if (file.summary() == null) {
      return name;
    }
    if (file.summary().requiredPass() == null || file.summary().generalPass() == null) {
      return name + " (part of the exam: " + file.results().size() + " questions)";
    }
    return Completeness.of(file.metadata(), file.summary()).label(name);
  }

  public int correct() {
    return (int) questions.stream().filter(ScoredQuestion::correct).count();
  }

  public int score() {
    return questions.stream().mapToInt(ScoredQuestion::earnedPoints).sum();
  }

  public int scoreMax() {
    return questions.stream().mapToInt(ScoredQuestion::maxPoints).sum();
  }
}
