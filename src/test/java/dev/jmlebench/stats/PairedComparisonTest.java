package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
  /** The published files as published: graded with the author key. */
  private static final Function<String, AnswerKey> AUTHOR = exam -> AnswerKey.of(exam, "author");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path opus = SharedData.results().resolve("anthropic_claude-opus-4.6.json");
  private final Path gpt = SharedData.results().resolve("openai_gpt-5.2.json");
  private final Path qwen32 = SharedData.results().resolve("Qwen_Qwen3-32B.json");
  private final Path medrect = SharedData.results().resolve("pfnet_Preferred-MedRECT-32B.json");

  @Test
  void discordantCountsAgreeWithAHandCountOfTheCorrectFlags() throws IOException {
    for (Path[] pair : new Path[][] {{opus, gpt}, {qwen32, medrect}, {gpt, qwen32}}) {
      Map<String, Boolean> a = correctFlags(pair[0]);
      Map<String, Boolean> b = correctFlags(pair[1]);
      int aOnly = 0;
      int bOnly = 0;
      List<String> differ = new ArrayList<>();
      for (Map.Entry<String, Boolean> e : a.entrySet()) {
        boolean right = e.getValue();
        boolean otherRight = b.get(e.getKey());
        if (right != otherRight) {
          differ.add(e.getKey());
          if (right) {
            aOnly++;
          } else {
            bOnly++;
          }
        }
      }

      PairedComparison c = PairedComparison.of(ScoredRun.read(pair[0], AUTHOR, SharedData::dataset), ScoredRun.read(pair[1], AUTHOR, SharedData::dataset));

      assertThat(c.questions()).isEqualTo(400);
      assertThat(c.aOnly()).as("A right, B wrong").isEqualTo(aOnly);
      assertThat(c.bOnly()).as("A wrong, B right").isEqualTo(bOnly);
      assertThat(c.differing()).extracting(PairedComparison.Discordant::questionId)
          .containsExactlyInAnyOrderElementsOf(differ);
      assertThat(c.mcnemarP()).isEqualTo(McNemar.exactP(aOnly, bOnly));
    }
  }

  @Test
  void opusAgainstGpt52DiffersOnThirteenQuestions() throws IOException {
    PairedComparison c = PairedComparison.of(ScoredRun.read(opus, AUTHOR, SharedData::dataset), ScoredRun.read(gpt, AUTHOR, SharedData::dataset));

    // Counted from the two files: 9 questions only Opus got right, 4 only gpt-5.2.
    assertThat(c.aOnly()).isEqualTo(9);
    assertThat(c.bOnly()).isEqualTo(4);
    // 2 · (C(13,0) + … + C(13,4)) / 2^13 = 2 · 1093 / 8192.
    assertThat(c.mcnemarP()).isCloseTo(2.0 * 1093 / 8192, within(1e-12));
    assertThat(c.differing()).extracting(PairedComparison.Discordant::questionId)
        .startsWith("120A-41", "120B-14").endsWith("120F-72");
  }

  @Test
  void scoresAndBlocksAgreeWithThePublishedSummaries() throws IOException {
    JsonNode a = JSON.readTree(qwen32.toFile()).get("summary");
    JsonNode b = JSON.readTree(medrect.toFile()).get("summary");
    PairedComparison c = PairedComparison.of(ScoredRun.read(qwen32, AUTHOR, SharedData::dataset), ScoredRun.read(medrect, AUTHOR, SharedData::dataset));

    assertThat(c.aScore()).isEqualTo(a.get("score").intValue());
    assertThat(c.bScore()).isEqualTo(b.get("score").intValue());
    assertThat(c.scoreDifference()).isEqualTo(451 - 449);
    assertThat(c.differenceCi().contains(c.scoreDifference())).isTrue();
    assertThat(c.byBlock()).extracting(PairedComparison.BlockDifference::block)
        .containsExactly("A", "B", "C", "D", "E", "F");
    assertThat(c.byBlock().stream().mapToInt(PairedComparison.BlockDifference::difference).sum())
        .isEqualTo(c.scoreDifference());
    for (PairedComparison.BlockDifference d : c.byBlock()) {
      assertThat(d.aCorrect()).isEqualTo(a.get("by_block").get(d.block()).get("correct").intValue());
      assertThat(d.bCorrect()).isEqualTo(b.get("by_block").get(d.block()).get("correct").intValue());
      if (!d.block().equals("B") && !d.block().equals("E")) {
        assertThat(d.aScore()).as("1 point per question in block %s", d.block()).isEqualTo(d.aCorrect());
      }
    }
  }

  @Test
  void aRunComparedWithItselfHasNoDifferenceAtAll() {
    ScoredRun run = ScoredRun.read(gpt, AUTHOR, SharedData::dataset);
    PairedComparison c = PairedComparison.of(run, run);

    assertThat(c.aOnly()).isZero();
    assertThat(c.bOnly()).isZero();
    assertThat(c.mcnemarP()).isEqualTo(1.0);
    assertThat(c.differenceCi()).isEqualTo(new PointInterval(0, 0));
    assertThat(c.differing()).isEmpty();
  }

  @Test
  void swappingTheRunsSwapsTheCountsAndKeepsTheTest() {
    PairedComparison ab = PairedComparison.of(ScoredRun.read(qwen32, AUTHOR, SharedData::dataset), ScoredRun.read(medrect, AUTHOR, SharedData::dataset));
    PairedComparison ba = PairedComparison.of(ScoredRun.read(medrect, AUTHOR, SharedData::dataset), ScoredRun.read(qwen32, AUTHOR, SharedData::dataset));

    assertThat(ba.aOnly()).isEqualTo(ab.bOnly());
    assertThat(ba.bOnly()).isEqualTo(ab.aOnly());
    assertThat(ba.mcnemarP()).isEqualTo(ab.mcnemarP());
    assertThat(ba.scoreDifference()).isEqualTo(-ab.scoreDifference());
  }

  @Test
  void onlyQuestionsBothAnsweredAreCompared() {
    ResultFile full = ResultFiles.read(gpt);
    ResultFile requiredOnly = full.withResults(full.results().stream()
        .filter(r -> r.questionId().startsWith("120B-") || r.questionId().startsWith("120E-")).toList());
    ScoredRun partial = ScoredRun.of(requiredOnly, AnswerKey.of("120", "author").criteria(), SharedData.dataset(), "required only");

    PairedComparison c = PairedComparison.of(ScoredRun.read(opus, AUTHOR, SharedData::dataset), partial);

    assertThat(c.questions()).isEqualTo(100);
    assertThat(c.scoreMax()).isEqualTo(200);
    assertThat(c.byBlock()).extracting(PairedComparison.BlockDifference::block).containsExactly("B", "E");
  }

  @Test
  void runsWithNoQuestionInCommonAreAUserError() {
    ResultFile full = ResultFiles.read(gpt);
    ExamCriteria criteria = AnswerKey.of("120", "author").criteria();
    ScoredRun onlyA = ScoredRun.of(full.withResults(full.results().stream()
        .filter(r -> r.questionId().startsWith("120A-")).toList()), criteria, SharedData.dataset(), "a.json");
    ScoredRun onlyB = ScoredRun.of(full.withResults(full.results().stream()
        .filter(r -> r.questionId().startsWith("120B-")).toList()), criteria, SharedData.dataset(), "b.json");

    assertThatThrownBy(() -> PairedComparison.of(onlyA, onlyB)).isInstanceOf(UserError.class)
        .hasMessage("a.json and b.json have no answered question in common");
  }

  @Test
  void seededComparisonsAreIdenticalRunToRun() {
    assertThat(PairedComparison.of(ScoredRun.read(qwen32, AUTHOR, SharedData::dataset), ScoredRun.read(medrect, AUTHOR, SharedData::dataset)))
        .isEqualTo(PairedComparison.of(ScoredRun.read(qwen32, AUTHOR, SharedData::dataset), ScoredRun.read(medrect, AUTHOR, SharedData::dataset)));
  }

  /** question_id → correct, read straight from the file's JSON, not through the project's reader. */
  private static Map<String, Boolean> correctFlags(Path file) throws IOException {
    Map<String, Boolean> flags = new TreeMap<>();
    for (JsonNode r : JSON.readTree(file.toFile()).get("results")) {
      flags.put(r.get("question_id").textValue(), r.get("correct").booleanValue());
    }
    return flags;
  }
}
