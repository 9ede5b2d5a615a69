package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.stats.RunStatistics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What grading each result file of a folder yielded at the last build, so that a build reads only the files that
 * changed. Reading and grading a published file (1.2 MB, 400 answers) costs tens of milliseconds, while what the
 * leaderboard keeps of it — the run's metadata and graded summary, whether it is a variant run, whether
 * {@code --rescore} left it as it was, and the {@link IntervalCache} key of its answers — is a few hundred bytes.
 *
 * <p>The rule: an entry is used only when all of these are as they were when it was written — the file's name and
 * {@link FileStamp} (size, time, CRC32C of its bytes); the grading of its exam (the answer key's every rule, as
 * {@link ChartCache#identity} spells it, and the SHA-256 of the exam's dataset); and the code (this index's
 * {@link #VERSION}, {@link RunStatistics#VERSION}, and the jar or class files it runs from, by place, size and
 * time). Anything else is a miss: the file is read, graded, and its entry replaced. The result files stay the
 * source of truth: the index is a cache rebuilt from them, kept in the user cache (one record per results folder),
 * written whole to a temporary file and moved into place, and an index that cannot be read, or an entry that does
 * not decode, is a miss — never an error.
 */
final class GradingIndex {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the leaderboard needs of one result file, graded.
   *
   * @param exam the exam its questions belong to
   * @param variant the variant's label for a variant run (never ranked, {@code entry} then null), else null
   * @param rescoreClean whether rescoring under this grading changed nothing (null: not known, the file was not
   *     rescored when it was read)
   * @param entry the run as ranked (metadata and summary as graded), for a run of the published protocol
   * @param intervalsKey its answers' {@link IntervalCache} key; null when it answered no question
   */
  record Known(String exam, String variant, Boolean rescoreClean, LeaderboardEntry entry, String intervalsKey) {}

  private final Path record;
  private final String folder;
  private final String code;
  private final JsonNode earlier;
  private final Map<String, ObjectNode> now = new ConcurrentHashMap<>();

  private GradingIndex(Path record, String folder, String code, JsonNode earlier) {
    this.record = record;
    this.folder = folder;
    this.code = code;
    this.earlier = earlier;
  }

  /** No index: every file is read (and nothing is written). */
  static GradingIndex none() {
    return new GradingIndex(null, "", "", JSON.createObjectNode());
  }

  /** The index of {@code resultsDir} kept in {@code records}; empty when there is none or it cannot be used. */
  static GradingIndex of(Path records, Path resultsDir) {
    String place = resultsDir.toAbsolutePath().normalize().toString();
    Path record = records.resolve(Hashing.sha256Hex(place.getBytes(StandardCharsets.UTF_8)) + ".json");
    String code = VERSION + " " + RunStatistics.VERSION + " " + codeOf(GradingIndex.class);
    JsonNode files = JSON.createObjectNode();
    try {
      if (Files.isRegularFile(record)) {
        JsonNode r = JSON.readTree(Files.readAllBytes(record));
        if (r != null && code.equals(r.path("code").asText()) && place.equals(r.path("folder").asText())
            && r.path("files").isObject()) {
          files = r.get("files");
        }
      }
    } catch (IOException | RuntimeException e) {
      // damaged or not ours: rebuilt from the files
    }
    return new GradingIndex(record, place, code, files);
  }

  /**
   * The earlier build's entry for {@code name}, when the file is as it was then ({@code stamp}) and its exam is
   * graded as it was then ({@code grading}, given the exam).
   */
  Optional<Known> known(String name, FileStamp stamp, Function<String, String> grading) {
    JsonNode e = earlier.path(name);
    if (stamp == null || !e.isObject() || !stamp.toString().equals(e.path("stamp").asText())) {
      return Optional.empty();
    }
    try {
      String exam = e.path("of_exam").asText(null);
      if (exam == null || !grading.apply(exam).equals(e.path("grading").asText())) {
        return Optional.empty();
      }
      JsonNode clean = e.path("rescore_clean");
      Boolean rescoreClean = clean.isBoolean() ? clean.booleanValue() : null;
      if (e.path("variant").isTextual()) {
        return Optional.of(new Known(exam, e.get("variant").asText(), rescoreClean, null, null));
      }
      ResultFile run = ResultFiles.fromJson(e.path("run"), name);
      ImageMode mode = ImageMode.fromWireName(run.metadata().imageMode());
      if (mode == null) {
        return Optional.empty();
      }
      String key = e.path("intervals_key").isTextual() ? e.get("intervals_key").asText() : null;
      return Optional.of(new Known(exam, null, rescoreClean,
          new LeaderboardEntry(name, run.metadata(), run.summary(), mode, exam), key));
    } catch (RuntimeException notOurs) {
      return Optional.empty();
    }
  }

  /** Records what grading {@code name} yielded, for the next build. */
  void remember(String name, FileStamp stamp, String grading, Known known) {
    if (stamp == null || record == null) {
      return;
    }
    ObjectNode e = JSON.createObjectNode();
    e.put("stamp", stamp.toString());
    e.put("of_exam", known.exam());
    e.put("grading", grading);
    if (known.rescoreClean() != null) {
      e.put("rescore_clean", known.rescoreClean());
    }
    if (known.variant() != null) {
      e.put("variant", known.variant());
    } else {
      LeaderboardEntry entry = known.entry();
      e.set("run", ResultFiles.toJson(new ResultFile(entry.metadata(), entry.summary(), List.of())));
      if (known.intervalsKey() != null) {
        e.put("intervals_key", known.intervalsKey());
      }
    }
    now.put(name, e);
  }

  /** Keeps the earlier entry of {@code name}, which was used as it is. */
  void keep(String name) {
    JsonNode e = earlier.path(name);
    if (e instanceof ObjectNode o && record != null) {
      now.put(name, o);
    }
  }

  /**
   * Writes the entries remembered or kept during this build (files gone since are dropped) when they differ from
   * the earlier ones. A cache: a failure to write is no error, the next build reads the files again.
   */
  void write() {
    if (record == null) {
      return;
    }
    ObjectNode files = JSON.createObjectNode();
    new TreeMap<>(now).forEach(files::set);
    if (files.equals(earlier)) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "jmle-bench-grading-index");
    root.put("version", VERSION);
    root.put("code", code);
    root.put("folder", folder);
    root.set("files", files);
    try {
      Files.createDirectories(record.getParent());
      Path tmp = Files.createTempFile(record.getParent(), ".index", ".tmp");
      try {
        Files.write(tmp, JSON.writeValueAsBytes(root));
        Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      ChartCache.prune(record.getParent());
    } catch (IOException | RuntimeException e) {
      // a cache: the next build reads the files
    }
  }

  /**
   * The code that grades, as a stamp: the jar it runs from (place, size, time), or, run from a build's class
   * folder (tests, a developer's build), the newest time and number of its class files — a changed grader or parser
   * is other code, and its index is not used.
   */
  private static String codeOf(Class<?> c) {
    try {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      Path p = Path.of(source.getLocation().toURI());
      if (!Files.isDirectory(p)) {
        return ChartCache.code(c);
      }
      long newest = 0;
      long count = 0;
      try (Stream<Path> all = Files.walk(p)) {
        for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
          newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
          count++;
        }
      }
      return p + " " + count + " classes, newest " + newest;
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return "unknown code " + System.nanoTime(); // never equal to a recorded one
    }
  }
}
