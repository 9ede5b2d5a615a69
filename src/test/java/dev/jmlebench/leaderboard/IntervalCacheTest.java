package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.Annotation;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intervals of a run are bootstrapped once for its answers: a rebuild of a folder whose answers did not
 * change bootstraps nothing, whatever else changed, and {@code --plot-only} never bootstraps. Each build here
 * counts the bootstraps it asks for.
 */
class IntervalCacheTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AnswerKey AUTHOR = AnswerKey.of("120", "author");

  @TempDir Path tmp;

  private final AtomicInteger bootstraps = new AtomicInteger();

  private Path results() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (Path f : ExpectedLeaderboard.eight()) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }

  /** Builds the leaderboard of {@code dir} as {@code leaderboard --key author} does; returns its bootstraps. */
  private int build(Path dir, boolean plotOnly, List<Path> rescore) {
    bootstraps.set(0);
    Leaderboard.build(new Leaderboard.Request(dir, null, dir.resolve("leaderboard.png"), plotOnly, rescore,
        exam -> SharedData.dataset(), exam -> AUTHOR), (file, criteria, dataset, source) -> {
          bootstraps.incrementAndGet();
          return RunStatistics.of(file, criteria, dataset, source);
        }, new ChartCache(tmp.resolve("chart-records")));
    return bootstraps.get();
  }

  private int build(Path dir) {
    return build(dir, false, null);
  }

  @Test
  void aRebuildOfAnUnchangedFolderBootstrapsNothing() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    byte[] export = Files.readAllBytes(dir.resolve("leaderboard.json"));

    assertThat(build(dir)).isZero();
    assertThat(build(dir, false, List.of())).as("with --rescore").isZero();
    assertThat(dir.resolve("leaderboard.json")).hasBinaryContent(export);
  }

  @Test
  void whateverElseChangedTheIntervalsOfUnchangedAnswersAreReused() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    // A file renamed, another given a new display name (its answers as they were).
    Files.move(dir.resolve("openai_gpt-5.2.json"), dir.resolve("gpt-5.2-renamed.json"));
    Path renamed = dir.resolve("Qwen_Qwen3-32B.json");
    ObjectNode file = (ObjectNode) JSON.readTree(renamed.toFile());
    ((ObjectNode) file.get("metadata")).put("display_name", "Qwen3 32B, named anew");
    Files.writeString(renamed, JSON.writeValueAsString(file));
    // The export's rows in another order, with a field of a later version and a row of a file since removed.
    ObjectNode export = (ObjectNode) JSON.readTree(dir.resolve("leaderboard.json").toFile());
    ArrayNode rows = (ArrayNode) export.get("runs");
    List<JsonNode> reversed = new ArrayList<>();
    rows.forEach(row -> reversed.add(0, ((ObjectNode) row).put("a_later_field", 1)));
    rows.removeAll();
    rows.addAll(reversed);
    rows.addObject().put("source_file", "gone.json").put("intervals_key", "0".repeat(64)).putObject("intervals");
    export.put("version", 99);
    Files.writeString(dir.resolve("leaderboard.json"), JSON.writeValueAsString(export));

    assertThat(build(dir)).isZero();
    JsonNode rebuilt = JSON.readTree(dir.resolve("leaderboard.json").toFile());
    assertThat(rebuilt.get("runs")).hasSize(8);
    assertThat(rebuilt.get("runs")).allSatisfy(row -> assertThat(row.get("intervals").get("score_ci")).hasSize(2));
  }

  @Test
  void filesWithTheSameAnswersAreBootstrappedOnce() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (int i = 1; i <= 3; i++) {
      ObjectNode file = (ObjectNode) JSON.readTree(SharedData.results().resolve("openai_gpt-5.2.json").toFile());
      ((ObjectNode) file.get("metadata")).put("display_name", "copy " + i);
      Files.writeString(dir.resolve("copy" + i + ".json"), JSON.writeValueAsString(file));
    }

    assertThat(build(dir)).isEqualTo(1);
    JsonNode runs = JSON.readTree(dir.resolve("leaderboard.json").toFile()).get("runs");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(1).get("intervals")).isEqualTo(runs.get(0).get("intervals"));
    assertThat(runs.get(2).get("intervals")).isEqualTo(runs.get(0).get("intervals"));
  }

  @Test
  void aChangedAnswerIsBootstrappedAgainAndOnlyIt() throws IOException {
    Path dir = results();
    assertThat(build(dir)).isEqualTo(8);
    Path changed = dir.resolve("openai_gpt-oss-120b_low.json");
    ObjectNode file = (ObjectNode) JSON.readTree(changed.toFile());
    ObjectNode first = (ObjectNode) file.get("results").get(0);
    // The answer itself changes (120A-1: a, right, becomes e): the leaderboard grades the stored answers, not the
    // file's own word on them, so a changed `correct` alone changes nothing.
    assertThat(first.get("predicted").toString()).isEqualTo("[\"a\"]");
    first.putArray("predicted").add("e");
    Files.writeString(changed, JSON.writeValueAsString(file));

    assertThat(build(dir)).isEqualTo(1);
  }

  @Test
  void plotOnlyNeverBootstrapsAndDrawsTheIntervalsTheExportHolds() throws IOException {
    Path dir = results();
    assertThat(build(dir, true, null)).as("no export yet: drawn without error bars").isZero();
    assertThat(dir.resolve("leaderboard.json")).doesNotExist();
    byte[] withoutBars = Files.readAllBytes(dir.resolve("leaderboard.svg"));

    assertThat(build(dir)).isEqualTo(8);
    byte[] png = Files.readAllBytes(dir.resolve("leaderboard.png"));
    byte[] svg = Files.readAllBytes(dir.resolve("leaderboard.svg"));
    assertThat(svg).isNotEqualTo(withoutBars);
    Files.delete(dir.resolve("leaderboard.png"));
    Files.delete(dir.resolve("leaderboard.svg"));

    assertThat(build(dir, true, null)).isZero();
    assertThat(dir.resolve("leaderboard.png")).hasBinaryContent(png);
    assertThat(dir.resolve("leaderboard.svg")).hasBinaryContent(svg);
  }

  @Test
  void theKeysOfThe120thAreThoseEarlierExportsHold() {
    ResultFile opus = ResultFiles.read(SharedData.results().resolve("anthropic_claude-opus-4.6.json"));
    // As leaderboard.json of the published files under the author key holds it since statistics version 3.
    assertThat(IntervalCache.key(opus, AUTHOR.criteria(), SharedData.dataset()))
        .isEqualTo("d7a53c5cc426d34c619afe38f651469d293b57d5fa14ce65d9219b6afbcaa82a");
  }

  @Test
  void whereTheExamJudgesProhibitedChoicesAWrongAnswerThatChoosesOneHasAnotherKey() {
    Dataset d = SharedData.datasetIgakuqa("114");
    AnswerKey key = AnswerKey.of("114", "official");
    ExamCriteria criteria = key.criteria();
    Question q = d.questions().stream()
        .filter(x -> d.annotation(x.questionId()).map(Annotation::prohibited).filter(p -> !p.isEmpty()).isPresent()
            && x.answer().size() == 1)
        .findFirst().orElseThrow();
    String prohibited = d.annotation(q.questionId()).orElseThrow().prohibited().get(0);
    String otherWrong = List.of("a", "b", "c", "d", "e").stream()
        .filter(l -> !l.equals(prohibited) && !q.answer().contains(l)
            && !d.annotation(q.questionId()).orElseThrow().prohibited().contains(l))
        .findFirst().orElseThrow();
    ResultFile plain = answering(d, key, q, otherWrong);
    ResultFile choosingProhibited = answering(d, key, q, prohibited);

    assertThat(IntervalCache.key(choosingProhibited, criteria, d)).isNotEqualTo(IntervalCache.key(plain, criteria, d));
  }

  /** Every question answered right but {@code wrong}, answered {@code letter}. */
  private static ResultFile answering(Dataset d, AnswerKey key, Question wrong, String letter) {
    List<QuestionResult> results = new ArrayList<>();
    for (Question q : d.questions()) {
      List<String> predicted = q == wrong ? List.of(letter) : key.gold(q);
      results.add(new QuestionResult(q.questionId(), predicted, key.gold(q), q != wrong, "【回答】" + predicted.get(0),
          true, null, null, Map.of()));
    }
    return new ResultFile(new RunMetadata("m", null, null, "blind", null, results.size(), results.size(), 0, null,
        Map.of()), null, results);
  }
}
