package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.exam.Edition;
import dev.jmlebench.score.AnswerKey;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * The charts of the previous build, kept when what they show has not changed. Drawing the two charts as PNG
 * and SVG loads AWT, a 20 MB CJK font and JFreeChart and takes more CPU than reading and ranking 20 result
 * files, while a rebuild after new README text, an unchanged rescoring or a second run of the same command
 * would draw the same bytes again. So each drawing is recorded in the user cache: a fingerprint of everything
 * the pixels depend on — the chart data (names, figures, intervals, pass mark), the files' names (the SVG's
 * ids come from them), the drawing code (this jar, JFreeChart's and JFreeSVG's, by place, size and time), the
 * JVM, and the font configuration (fontconfig's caches, which change when fonts are installed) — and the
 * SHA-256 of each file written. A build whose fingerprint matches the record, and whose four files still hold
 * exactly those bytes, draws nothing. A drawing that warned (no font for every character) is never kept, so
 * installing a font is seen at once. A record that cannot be read or written is a miss, never an error.
 */
final class ChartCache {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Records not used for this long are removed when another is written, so test folders do not pile up. */
  private static final Duration KEEP = Duration.ofDays(30);

  private final Path records;

  ChartCache(Path records) {
    this.records = records;
  }

  /** Whether the charts {@code out} names are, byte for byte, those the record says were drawn for this. */
  boolean intact(Outputs out) {
    return read(out).filter(r -> filesMatch(r, out)).isPresent();
  }

  /** The earlier drawing of exactly {@code data} into {@code out}, when the files still hold it. */
  Optional<LeaderboardCharts.Drawn> unchanged(ChartData data, Outputs out) {
    String fingerprint = fingerprint(data, out);
    return read(out).filter(r -> fingerprint.equals(r.path("fingerprint").asText()) && filesMatch(r, out))
        .map(r -> {
          touch(out);
          return new LeaderboardCharts.Drawn(r.path("font").asText(), Optional.empty());
        });
  }

  /**
   * Whether the charts of every exam a folder had when they were last drawn are still there, drawn from the very
   * {@code inputs} of now (see {@link #inputs}): then there is nothing to redraw, and nothing need be read to
   * know it.
   */
  boolean current(Outputs primary, String inputs) {
    Optional<JsonNode> record = read(primary);
    if (record.isEmpty() || !inputs.equals(record.get().path("inputs").asText())
        || !record.get().path("charts_of_the_build").isArray()) {
      return false;
    }
    for (JsonNode chart : record.get().path("charts_of_the_build")) {
      Outputs out = Outputs.beside(Path.of(chart.asText()));
      if (!read(out).filter(r -> filesMatch(r, out)).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** The exams whose charts the last build of {@code primary}'s folder drew; empty when unknown. */
  List<String> examsOfBuild(Outputs primary) {
    return texts(primary, "exams_of_the_build");
  }

  /** What the last build of {@code primary}'s folder warned of the runs it ranked. */
  List<String> warningsOfBuild(Outputs primary) {
    return texts(primary, "warnings_of_the_build");
  }

  private List<String> texts(Outputs primary, String field) {
    List<String> texts = new ArrayList<>();
    read(primary).ifPresent(r -> r.path(field).forEach(e -> texts.add(e.asText())));
    return texts;
  }

  /** An answer key as far as the charts see it: its exam, name and every rule it grades by. */
  static String identity(AnswerKey key) {
    Edition e = key.edition();
    return key.exam().id() + "/" + e.name() + " " + e.answers() + " " + e.criteria() + " " + e.excludedQuestions()
        + " " + e.acceptedAlternatives() + " " + e.correctForEveryone() + " " + e.comparison()
        + " " + e.calculationGold();
  }

  /**
   * What a folder's charts are drawn from, cheap to look at without parsing it: each result file's name and
   * {@link FileStamp}, that of the export whose intervals the charts show, each answer key's content, and the drawing code,
   * JVM and fonts. The datasets are not looked at: a dataset changed under unchanged result files is seen by the
   * next build that is not {@code --plot-only}.
   */
  static String inputs(List<Path> files, List<Path> exports, List<String> keys) {
    StringBuilder sb = new StringBuilder(8192).append(VERSION).append('\n').append(environment());
    // Summing a folder's bytes is the only real work here: on every core.
    Parallel.map(files, ChartCache::stamped).forEach(f -> sb.append(f).append('\n'));
    exports.forEach(f -> sb.append(stamped(f)).append('\n'));
    keys.forEach(k -> sb.append(k).append('\n'));
    return Hashing.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Records, for the first exam's charts, the inputs of the build, every chart set it drew or kept and what it
   * warned of the runs, so that {@link #current} can tell the whole build's charts up to date.
   */
  void rememberBuild(Outputs primary, String inputs, List<String> exams, List<Outputs> all, List<String> warnings) {
    Path record = recordOf(primary);
    try {
      JsonNode r = JSON.readTree(Files.readAllBytes(record));
      if (!(r instanceof ObjectNode root)) {
        return;
      }
      root.put("inputs", inputs);
      var examsNode = root.putArray("exams_of_the_build");
      exams.forEach(examsNode::add);
      var charts = root.putArray("charts_of_the_build");
      all.forEach(o -> charts.add(o.scorePng().toAbsolutePath().normalize().toString()));
      warnings.forEach(root.putArray("warnings_of_the_build")::add);
      write(record, root);
    } catch (IOException | RuntimeException e) {
      // a cache: the next --plot-only reads the folder
    }
  }

  /** Records what was just drawn; a drawing with a warning is not kept. */
  void remember(ChartData data, Outputs out, LeaderboardCharts.Drawn drawn) {
    Path record = recordOf(out);
    try {
      if (drawn.warning().isPresent()) {
        Files.deleteIfExists(record);
        return;
      }
      ObjectNode root = JSON.createObjectNode();
      root.put("format", "jmle-bench-chart-cache");
      root.put("version", VERSION);
      root.put("charts", out.scorePng().toAbsolutePath().normalize().toString());
      root.put("fingerprint", fingerprint(data, out));
      root.put("font", drawn.fontFamily());
      ObjectNode files = root.putObject("files");
      for (Path f : out.charts()) {
        files.put(f.getFileName().toString(), Hashing.sha256Hex(Files.readAllBytes(f)));
      }
      write(record, root);
      prune(records);
    } catch (IOException | RuntimeException e) {
      // a cache: the next build draws again
    }
  }

  private void write(Path record, ObjectNode root) throws IOException {
    Files.createDirectories(records);
    Path tmp = Files.createTempFile(records, ".record", ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(root));
    Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Optional<JsonNode> read(Outputs out) {
    try {
      JsonNode r = JSON.readTree(Files.readAllBytes(recordOf(out)));
      return r != null && r.path("version").asInt() == VERSION && r.path("files").isObject() ? Optional.of(r)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean filesMatch(JsonNode record, Outputs out) {
    try {
      for (Path f : out.charts()) {
        String sha = record.path("files").path(f.getFileName().toString()).asText();
        if (sha.isEmpty() || !Files.isRegularFile(f) || !sha.equals(Hashing.sha256Hex(Files.readAllBytes(f)))) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Path recordOf(Outputs out) {
    String place = out.scorePng().toAbsolutePath().normalize().toString();
    return records.resolve(Hashing.sha256Hex(place.getBytes(StandardCharsets.UTF_8)) + ".json");
  }

  private void touch(Outputs out) {
    try {
      Files.setLastModifiedTime(recordOf(out), FileTime.from(Instant.now()));
    } catch (IOException | RuntimeException e) {
      // only its age for pruning
    }
  }

  /** Removes the records of {@code folder} not used for {@link #KEEP}, so test folders do not pile up. */
  static void prune(Path folder) throws IOException {
    Instant old = Instant.now().minus(KEEP);
    try (Stream<Path> all = Files.list(folder)) {
      for (Path p : all.toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(old)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static String fingerprint(ChartData data, Outputs out) {
    StringBuilder sb = new StringBuilder(4096).append(VERSION).append('\n').append(data).append('\n');
    out.charts().forEach(f -> sb.append(f.getFileName()).append(','));
    sb.append('\n').append(environment());
    return Hashing.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The drawing code (this jar, JFreeChart's, JFreeSVG's), the JVM and the font configuration. */
  private static String environment() {
    StringBuilder sb = new StringBuilder(1024).append(System.getProperty("java.home")).append(' ')
        .append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.vm.version"))
        .append(' ').append(System.getProperty("os.arch")).append('\n');
    for (Class<?> c : List.of(ChartCache.class, JFreeChart.class, SVGGraphics2D.class)) {
      sb.append(code(c)).append('\n');
    }
    for (Path dir : fontCaches()) {
      sb.append(state(dir)).append('\n');
    }
    return sb.toString();
  }

  /** fontconfig's caches, system and user (as fontconfig finds them), rewritten whenever fonts are installed. */
  private static List<Path> fontCaches() {
    Path home = Path.of(Optional.ofNullable(System.getenv("HOME")).orElse(System.getProperty("user.home")));
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path userCache = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
    return List.of(Path.of("/var/cache/fontconfig"), userCache.resolve("fontconfig"), home.resolve(".fontconfig"));
  }

  /** Where a class was loaded from, with that file's size and time: a rebuilt jar is other code. */
  static String code(Class<?> c) {
    try {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      Path p = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(p)) { // classes of a build tree (tests): the class file itself
        p = p.resolve(c.getName().replace('.', '/') + ".class");
      }
      return state(p);
    } catch (URISyntaxException | RuntimeException e) {
      return c.getName() + " from an unknown place";
    }
  }

  /** A file named with its {@link FileStamp}: an edit that keeps its size and time is seen too. */
  private static String stamped(Path f) {
    return f.toAbsolutePath().normalize() + " " + Optional.ofNullable(FileStamp.of(f)).map(FileStamp::toString)
        .orElse("absent");
  }

  private static String state(Path p) {
    p = p.toAbsolutePath().normalize();
    try {
      String own = p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
      if (!Files.isDirectory(p)) {
        return own;
      }
      try (Stream<Path> files = Files.list(p)) {
        return own + " " + files.count();
      }
    } catch (IOException | RuntimeException e) {
      return p + " absent";
    }
  }
}
