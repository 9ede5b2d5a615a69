package dev.jmlebench.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.leaderboard.ExamMatrix;
import dev.jmlebench.leaderboard.LeaderboardEntry;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.stats.MeanOverExams;
import dev.jmlebench.viewer.ViewerData.Run;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;

/**
 * Everything the viewer serves for one results folder, which may hold several exams: one {@link ViewerApi}
 * per exam, each exam's runs graded by its own key and criteria. The newest exam is the default: its
 * documents keep their plain keys ({@code index}, {@code model/ID}, …), so a folder of one exam is served
 * exactly as before; another exam's are the same keys under {@code exam/ID/} ({@code exam/119/index}). With
 * several exams, {@code exams} is the model × exam table ({@link ExamMatrix}, the leaderboard's rule).
 */
public final class ViewerSite {
  /** The key prefix of a document of an exam other than the default. */
  static final String EXAM_PREFIX = "exam/";
  static final String EXAMS_KEY = "exams";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ViewerApi> byExam;
  private final ViewerApi primary;
  private final List<ViewerData.Skipped> skipped;
  private final byte[] examsJson;

  private ViewerSite(List<ViewerApi> exams, List<ViewerData.Skipped> skipped) {
    this.byExam = new LinkedHashMap<>();
    exams.forEach(api -> byExam.put(api.data().dataset().exam(), api));
    this.primary = exams.get(0);
    this.skipped = List.copyOf(skipped);
    this.examsJson = exams.size() > 1 ? bytes(examsJson()) : null;
  }

  /** The site of one exam's data, as the viewer of one exam always was. */
  public static ViewerSite of(ViewerApi api) {
    return new ViewerSite(List.of(api), api.data().skipped());
  }

  /**
   * Reads every result file of {@code resultsDir} and groups the runs by exam (as {@link ResultFiles#examOf}
   * recognises it); each exam's dataset and key come from the functions, as the {@code leaderboard} command
   * loads them.
   */
  public static ViewerSite load(Path resultsDir, Function<String, Dataset> dataset, Function<String, AnswerKey> key) {
    Reuse reuse = new Reuse();
    return load(ViewerData.Folder.read(resultsDir, reuse, true, prepare(dataset, key, reuse)), dataset, key, reuse);
  }

  /**
   * What each file goes through as it is read: graded by its exam's key and kept without its texts ({@link Slim}),
   * so that a folder is held in memory only in that form.
   */
  static BiFunction<Path, ResultFile, ResultFile> prepare(Function<String, Dataset> dataset,
      Function<String, AnswerKey> key, Reuse reuse) {
    return (path, file) -> {
      String exam = ResultFiles.examOf(file);
      Dataset d = dataset.apply(exam);
      return reuse.slim.of(Rescorer.under(file, key.apply(exam).checkedAgainst(d), () -> d, path.toString()));
    };
  }

  /** The site of a folder as read, reusing what {@code reuse} holds of its unchanged files; null when it holds no runs. */
  static ViewerSite load(ViewerData.Folder folder, Function<String, Dataset> dataset, Function<String, AnswerKey> key,
      Reuse reuse) {
    return load(folder, dataset, key, reuse, null);
  }

  /** As {@link #load(ViewerData.Folder, Function, Function, Reuse)}; of part of the folder when {@code partial} says so. */
  static ViewerSite load(ViewerData.Folder folder, Function<String, Dataset> dataset, Function<String, AnswerKey> key,
      Reuse reuse, ViewerApi.Partial partial) {
    if (folder.results().isEmpty()) {
      return null;
    }
    Map<String, List<ViewerData.Folder.Read>> byExam = new TreeMap<>(Exams.NEWEST_FIRST);
    folder.results().forEach(r -> byExam.computeIfAbsent(ResultFiles.examOf(r.result()), e -> new ArrayList<>()).add(r));
    List<String> ids = List.copyOf(byExam.keySet());
    List<ViewerApi> apis = new ArrayList<>();
    byExam.forEach((exam, files) -> apis.add(new ViewerApi(
        ViewerData.of(dataset.apply(exam), key.apply(exam), files, folder.skipped(), reuse), ids, reuse, partial)));
    return new ViewerSite(apis, folder.skipped());
  }

  /** The exams, newest first; the first is the default. */
  public List<ViewerApi> exams() {
    return List.copyOf(byExam.values());
  }

  public List<ViewerData.Skipped> skipped() {
    return skipped;
  }

  /** How many result files are shown, over every exam. */
  public int runs() {
    return byExam.values().stream().mapToInt(api -> api.data().runs().size()).sum();
  }

  /** What the commands print: {@code 8 result files}, and with several exams {@code 9 result files of exams 120, 119}. */
  public String runsText() {
    return runs() + " result files" + (byExam.size() > 1 ? " of exams " + String.join(", ", byExam.keySet()) : "");
  }

  /** Every key: the default exam's, the model × exam table, then each other exam's under its prefix. */
  public List<String> keys() {
    return keys(ViewerApi::keys);
  }

  /** The keys a static report holds ({@link ViewerApi#reportKeys()} of each exam). */
  public List<String> reportKeys() {
    return keys(ViewerApi::reportKeys);
  }

  private List<String> keys(Function<ViewerApi, List<String>> keysOf) {
    List<String> keys = new ArrayList<>(keysOf.apply(primary));
    if (examsJson != null) {
      keys.add(EXAMS_KEY);
    }
    byExam.forEach((exam, api) -> {
      if (api != primary) {
        keysOf.apply(api).forEach(k -> keys.add(EXAM_PREFIX + exam + "/" + k));
      }
    });
    return keys;
  }

  /** The JSON of a key, or empty for a key that names nothing. */
  public Optional<byte[]> json(String key) {
    if (key.equals(EXAMS_KEY)) {
      return Optional.ofNullable(examsJson);
    }
    if (key.startsWith(EXAM_PREFIX)) {
      String rest = key.substring(EXAM_PREFIX.length());
      int slash = rest.indexOf('/');
      ViewerApi api = slash < 0 ? null : byExam.get(rest.substring(0, slash));
      return api == null ? Optional.empty() : api.json(rest.substring(slash + 1));
    }
    return primary.json(key);
  }

  /** Whether the document of {@code key} is built, so that sending it costs no work; false for an unknown key. */
  boolean ready(String key) {
    if (key.equals(EXAMS_KEY)) {
      return true;
    }
    if (key.startsWith(EXAM_PREFIX)) {
      String rest = key.substring(EXAM_PREFIX.length());
      int slash = rest.indexOf('/');
      ViewerApi api = slash < 0 ? null : byExam.get(rest.substring(0, slash));
      return api == null || api.ready(rest.substring(slash + 1));
    }
    return primary.ready(key);
  }

  /** The clinical images of every exam (their names carry the exam, so they never clash). */
  List<DatasetImages> images() {
    return byExam.values().stream().map(api -> new DatasetImages(api.data().dataset())).toList();
  }

  /**
   * The model × exam table as {@link ExamMatrix} builds it for the README: rows by display name, a cell per
   * exam with the score, the verdict and the run it shows (so that the page links to it), and the mean over the
   * exams with its interval. Runs whose image mode the leaderboard does not know are left out, as it refuses them.
   */
  private ObjectNode examsJson() {
    List<LeaderboardEntry> entries = new ArrayList<>();
    Map<String, Run> bySource = new HashMap<>();
    byExam.forEach((exam, api) -> {
      for (Run run : api.data().runs()) {
        if (ImageMode.fromWireName(run.result().metadata().imageMode()) != null) {
          String source = run.file().getFileName().toString();
          entries.add(LeaderboardEntry.of(source, run.result()));
          bySource.put(source, run);
        }
      }
    });
    ExamMatrix matrix = ExamMatrix.of(entries);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode exams = root.putArray(EXAMS_KEY);
    byExam.forEach((exam, api) -> exams.addObject().put("id", exam).put("held", Exams.get(exam).held())
        .put("title", Exams.get(exam).title()).put("runs", api.data().runs().size()));
    root.put("min_exams_for_interval", MeanOverExams.MIN_EXAMS);
    ArrayNode rows = root.putArray("rows");
    for (ExamMatrix.Row row : matrix.rowList()) {
      ObjectNode r = rows.addObject();
      r.put("name", row.name());
      ObjectNode cells = r.putObject("cells");
      row.cells().forEach((exam, cell) -> cells.putObject(exam)
          .put("run", bySource.get(cell.source()).id())
          .put(ResultSchema.Summary.SCORE_PCT, cell.scorePct())
          .put("score_pct_text", cell.scorePctText())
          .put("passed", cell.passed()));
      MeanOverExams mean = row.mean();
      r.put("exams", mean.exams());
      r.put("mean", mean.mean());
      if (mean.hasInterval()) {
        r.putArray("mean_ci").add(mean.low()).add(mean.high());
      }
      r.put("mean_text", row.meanText());
    }
    return root;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
