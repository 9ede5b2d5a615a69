package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaderboard build reads only the result files that changed since the last build: what grading the others
 * yields is in the {@link GradingIndex}, used only while the file's stamp (size, time, CRC32C), its exam's
 * grading and the code are as they were. Each build here counts the files it reads.
 */
class GradingIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final AtomicInteger reads = new AtomicInteger();

  private Path results() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (Path f : ExpectedLeaderboard.eight()) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    Files.writeString(tmp.resolve("README.md"), "<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n");
    return dir;
  }

  /** Builds the leaderboard of {@code dir} as {@code leaderboard --key KEY} does; returns the files it read. */
  private int build(Path dir, String key, List<Path> rescore, boolean plotOnly) {
    reads.set(0);
    AnswerKey answerKey = AnswerKey.of("120", key);
    Leaderboard.build(new Leaderboard.Request(dir, tmp.resolve("README.md"), dir.resolve("leaderboard.png"), plotOnly,
        rescore, exam -> SharedData.dataset(), exam -> answerKey), RunStatistics::of,
        new ChartCache(tmp.resolve("chart-records")), GradingIndex.of(tmp.resolve("index"), dir), f -> {
          reads.incrementAndGet();
          return ResultFolder.read(f);
        });
    return reads.get();
  }

  private int build(Path dir) {
    return build(dir, "author", null, false);
  }

  private int rescore(Path dir) {
    return build(dir, "author", List.of(), false);
  }

  @Test
  void anUnchangedFolderIsNotReadAgainAndItsOutputsAreThoseOfAFullReading() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    byte[] json = Files.readAllBytes(dir.resolve("leaderboard.json"));
    byte[] csv = Files.readAllBytes(dir.resolve("leaderboard.csv"));
    byte[] readme = Files.readAllBytes(tmp.resolve("README.md"));
    Files.delete(dir.resolve("leaderboard.csv"));
    Files.writeString(tmp.resolve("README.md"), "<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n");

    assertThat(build(dir)).isZero();
    assertThat(dir.resolve("leaderboard.json")).hasBinaryContent(json);
    assertThat(dir.resolve("leaderboard.csv")).hasBinaryContent(csv);
    assertThat(tmp.resolve("README.md")).hasBinaryContent(readme);
    assertThat(build(dir, "author", null, true)).as("--plot-only").isZero();
  }

  @Test
  void rescoringReadsEachFileOnceThenOnlyWhatChanged() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    // Whether rescoring changes a file is known only once it was rescored.
    assertThat(rescore(dir)).isEqualTo(8);
    assertThat(rescore(dir)).isZero();
    assertThat(build(dir)).isZero();
  }

  @Test
  void aTouchedFileIsReadAgainAndOnlyIt() throws IOException {
    Path dir = results();
    assertThat(rescore(dir)).isEqualTo(8);
    Path touched = dir.resolve("Qwen_Qwen3-32B.json");
    Files.setLastModifiedTime(touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 2000));

    assertThat(rescore(dir)).isEqualTo(1);
    assertThat(rescore(dir)).isZero();
  }

  @Test
  void anEditThatKeepsTheSizeAndTimeIsSeenByItsChecksum() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    Path edited = dir.resolve("openai_gpt-oss-120b_low.json");
    FileTime time = Files.getLastModifiedTime(edited);
    String text = Files.readString(edited);
    // 120A-1's answer a (right) becomes e (wrong): same length, same time.
    String changed = text.replaceFirst("\"predicted\": \\[\\s*\"a\"", "\"predicted\": [\"e\"");
    changed = changed + " ".repeat(text.getBytes(StandardCharsets.UTF_8).length
        - changed.getBytes(StandardCharsets.UTF_8).length);
    assertThat(changed).isNotEqualTo(text).hasSameSizeAs(text);
    Files.writeString(edited, changed);
    Files.setLastModifiedTime(edited, time);
    String before = row(dir, "openai_gpt-oss-120b_low.json");

    assertThat(build(dir)).isEqualTo(1);
    assertThat(row(dir, "openai_gpt-oss-120b_low.json")).isNotEqualTo(before);
  }

  @Test
  void aFileWhoseStoredSummaryDisagreesWithTheKeyIsStillRewrittenByRescore() throws IOException {
    Path dir = results();
    assertThat(rescore(dir)).isEqualTo(8);
    Path file = dir.resolve("openai_gpt-5.2.json");
    byte[] rescored = Files.readAllBytes(file);
    ObjectNode root = (ObjectNode) JSON.readTree(rescored);
    ((ObjectNode) root.get("summary")).put("score", 1);
    Files.write(file, JSON.writeValueAsBytes(root));

    assertThat(rescore(dir)).isEqualTo(1);
    assertThat(file).hasBinaryContent(rescored);
  }

  @Test
  void anotherAnswerKeyReadsEveryFileAgain() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    assertThat(build(dir, "official", null, false)).isEqualTo(8);
    assertThat(build(dir, "official", null, false)).isZero();
  }

  @Test
  void withoutTheExportsIntervalsTheFilesAreReadToComputeThem() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    byte[] json = Files.readAllBytes(dir.resolve("leaderboard.json"));
    Files.delete(dir.resolve("leaderboard.json"));

    assertThat(build(dir)).isEqualTo(8);
    assertThat(dir.resolve("leaderboard.json")).hasBinaryContent(json);
  }

  @Test
  void aDamagedOrForeignIndexIsRebuiltNeverAnError() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    byte[] json = Files.readAllBytes(dir.resolve("leaderboard.json"));
    Path record = index();
    String good = Files.readString(record);

    Files.writeString(record, good.substring(0, good.length() / 2));
    assertThat(build(dir)).as("cut in half").isEqualTo(8);
    assertThat(build(dir)).as("rebuilt").isZero();

    // Each entry's run replaced by something that is no result file, stamps and keys left as they were.
    ObjectNode root = (ObjectNode) JSON.readTree(record.toFile());
    root.get("files").forEach(e -> ((ObjectNode) e).put("run", "not a run").put("of_exam", 7));
    Files.write(record, JSON.writeValueAsBytes(root));
    assertThat(build(dir)).as("entries that do not decode").isEqualTo(8);

    Files.write(record, new byte[] {0, (byte) 0xff, '{'});
    assertThat(build(dir)).as("not JSON").isEqualTo(8);
    assertThat(dir.resolve("leaderboard.json")).hasBinaryContent(json);
  }

  private Path index() throws IOException {
    try (Stream<Path> records = Files.list(tmp.resolve("index"))) {
      List<Path> all = records.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static String row(Path dir, String source) throws IOException {
    for (var r : JSON.readTree(dir.resolve("leaderboard.json").toFile()).get("runs")) {
      if (r.path("source_file").asText().equals(source)) {
        return r.toString();
      }
    }
    throw new AssertionError(source + " not in leaderboard.json");
  }
}
