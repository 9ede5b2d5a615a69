package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts are drawn when what they show changed, and kept otherwise: a rebuild of an unchanged folder draws
 * nothing, and leaves the four files as they were, byte for byte.
 */
class ChartCacheTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path dir;
  private ChartCache cache;

  @BeforeEach
  void threePublishedFiles() throws IOException {
    dir = Files.createDirectories(tmp.resolve("results"));
    for (String f : List.of("openai_gpt-5.2.json", "Qwen_Qwen3-32B.json", "openai_gpt-oss-120b_low.json")) {
      Files.copy(SharedData.results().resolve(f), dir.resolve(f));
    }
    cache = new ChartCache(tmp.resolve("records"));
  }

  private List<String> build(String chart, boolean plotOnly) {
    return report(chart, plotOnly).done();
  }

  private Leaderboard.Report report(String chart, boolean plotOnly) {
    return Leaderboard.build(new Leaderboard.Request(dir, null, dir.resolve(chart), plotOnly, null,
        exam -> SharedData.dataset(), exam -> AnswerKey.of("120", "author")), RunStatistics::of, cache);
  }

  private Map<Path, byte[]> charts(String stem) throws IOException {
    Map<Path, byte[]> bytes = new LinkedHashMap<>();
    for (String suffix : List.of(".png", ".svg", "-blocks.png", "-blocks.svg")) {
      bytes.put(dir.resolve(stem + suffix), Files.readAllBytes(dir.resolve(stem + suffix)));
    }
    return bytes;
  }

  private static String chartLine(List<String> done) {
    return done.stream().filter(l -> l.contains("leaderboard.png")).findFirst().orElseThrow();
  }

  @Test
  void aRebuildOfAnUnchangedFolderKeepsTheChartsAsTheyWere() throws IOException {
    assertThat(chartLine(build("leaderboard.png", false))).startsWith("drew ");
    Map<Path, byte[]> first = charts("leaderboard");
    long modified = Files.getLastModifiedTime(dir.resolve("leaderboard.png")).toMillis();

    assertThat(chartLine(build("leaderboard.png", false))).startsWith("kept ").contains("nothing they show changed");
    assertThat(chartLine(build("leaderboard.png", true))).as("--plot-only").startsWith("kept ");

    charts("leaderboard").forEach((f, b) -> assertThat(f).hasBinaryContent(first.get(f)));
    assertThat(Files.getLastModifiedTime(dir.resolve("leaderboard.png")).toMillis()).isEqualTo(modified);
  }

  @Test
  void whatTheChartsShowChangingRedrawsThem() throws IOException {
    build("leaderboard.png", false);
    Map<Path, byte[]> first = charts("leaderboard");
    Path f = dir.resolve("Qwen_Qwen3-32B.json");
    ObjectNode file = (ObjectNode) JSON.readTree(f.toFile());
    ((ObjectNode) file.get("metadata")).put("display_name", "Qwen3 32B, named anew");
    Files.writeString(f, JSON.writeValueAsString(file));

    assertThat(chartLine(build("leaderboard.png", false))).startsWith("drew ");

    assertThat(dir.resolve("leaderboard.png")).satisfies(p -> assertThat(Files.readAllBytes(p))
        .isNotEqualTo(first.get(p)));
    assertThat(new String(Files.readAllBytes(dir.resolve("leaderboard.svg")))).contains("Qwen3 32B, named anew");
  }

  @Test
  void aChartFileChangedOrRemovedSinceIsDrawnAgain() throws IOException {
    build("leaderboard.png", false);
    Map<Path, byte[]> first = charts("leaderboard");

    Files.writeString(dir.resolve("leaderboard-blocks.svg"), "edited by hand");
    assertThat(chartLine(build("leaderboard.png", false))).startsWith("drew ");
    Files.delete(dir.resolve("leaderboard.png"));
    assertThat(chartLine(build("leaderboard.png", false))).startsWith("drew ");

    charts("leaderboard").forEach((p, b) -> assertThat(p).hasBinaryContent(first.get(p)));
  }

  @Test
  void chartsOfAnotherNameAreTheirOwn() throws IOException {
    build("leaderboard.png", true); // no export, which a build under another name would take for a result file

    List<String> other = build("board.png", true);

    assertThat(other.stream().filter(l -> l.contains("board.png")).findFirst().orElseThrow()).startsWith("drew ");
    // The SVG's ids are named after the file, so the same data gives other bytes under another name.
    assertThat(new String(Files.readAllBytes(dir.resolve("board.svg")))).contains("board-svg-");
  }

  @Test
  void plotOnlyOverAnUnchangedFolderKeepsTheChartsWithoutReadingAFile() throws IOException {
    build("leaderboard.png", false);
    Map<Path, byte[]> first = charts("leaderboard");
    AtomicInteger reads = new AtomicInteger();
    Leaderboard.Report kept = Leaderboard.build(new Leaderboard.Request(dir, null, dir.resolve("leaderboard.png"), true,
        null, exam -> SharedData.dataset(), exam -> AnswerKey.of("120", "author")), RunStatistics::of, cache,
        GradingIndex.none(), f -> {
          reads.incrementAndGet();
          return ResultFolder.read(f);
        });

    assertThat(chartLine(kept.done())).startsWith("kept ").contains("nothing they are drawn from");
    assertThat(reads).hasValue(0);
    charts("leaderboard").forEach((p, b) -> assertThat(p).hasBinaryContent(first.get(p)));

    // A file made unreadable as JSON, its size and time kept: its checksum (FileStamp) tells it changed, so the
    // folder is read again and the file's fault found.
    Path f = dir.resolve("openai_gpt-5.2.json");
    long size = Files.size(f);
    var time = Files.getLastModifiedTime(f);
    Files.write(f, new byte[(int) size]);
    Files.setLastModifiedTime(f, time);
    assertThatThrownBy(() -> build("leaderboard.png", true))
        .hasMessageContaining("openai_gpt-5.2.json");
  }

  @Test
  void aPlotOnlyThatKeepsTheChartsSaysWhatTheBuildThatDrewThemSaidOfTheRuns() {
    Leaderboard.Report drawn = report("leaderboard.png", true); // no leaderboard.json: no error bars
    assertThat(chartLine(drawn.done())).startsWith("drew ");
    assertThat(drawn.warnings()).anyMatch(w -> w.contains("3 runs drawn without error bars"));

    Leaderboard.Report kept = report("leaderboard.png", true);

    assertThat(chartLine(kept.done())).startsWith("kept ");
    assertThat(kept.warnings()).isEqualTo(drawn.warnings());
  }

  @Test
  void plotOnlyUnderAnotherAnswerKeyReadsTheFolderAgain() throws IOException {
    build("leaderboard.png", false);

    List<String> official = Leaderboard.build(new Leaderboard.Request(dir, null, dir.resolve("leaderboard.png"), true,
        null, exam -> SharedData.dataset(), exam -> AnswerKey.of("120", "official")), RunStatistics::of, cache).done();

    assertThat(chartLine(official)).startsWith("drew ");
  }

  /**
   * A chart cache that only one JVM can hit is no cache: each build is a new JVM. An edition's comparison rules
   * were a Map.copyOf, whose order (and so the record's text in the fingerprint) changes with each JVM's salt:
   * about every other build of an unchanged folder drew its charts again. Five JVMs compute the fingerprint of
   * the same chart data, without class-data sharing (whose archive fixes the salt of the JVMs that use the same
   * one); with the old order all six (this one too) agreed one time in 32.
   */
  @Test
  void theSameChartsHaveTheSameFingerprintInEveryJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Process> jvms = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jvms.add(new ProcessBuilder(java, "-Xshare:off", "-XX:TieredStopAtLevel=1", "-cp", cp,
          Fingerprint.class.getName(), dir.resolve("leaderboard.png").toString()).redirectErrorStream(true).start());
    }
    Set<String> printed = new TreeSet<>();
    for (Process p : jvms) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      printed.add(out);
    }

    assertThat(printed).containsExactly(Fingerprint.of(dir.resolve("leaderboard.png")));
  }

  /** Prints the fingerprint of the 120th's chart data (its spec, every edition) in a JVM of its own. */
  public static final class Fingerprint {
    static String of(Path chart) {
      ChartData data = new ChartData(Exams.get("120"), List.of(new ChartData.Run("a run", 0.9,
          null, 0.9, true, Map.of("A", 0.9))), 0.7, "70%");
      return ChartCache.fingerprint(data, Outputs.beside(chart));
    }

    public static void main(String[] args) {
      System.out.println(of(Path.of(args[0])));
    }
  }
}
