package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return Leaderboard.build(new Leaderboard.Request(dir, null, dir.resolve(chart), plotOnly, null,
        exam -> SharedData.dataset(), exam -> AnswerKey.of("120", "author")), RunStatistics::of, cache).done();
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
}
