package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AllPairsTest {
  /** The published files as published: graded with the author key. */
  private static final Function<String, AnswerKey> AUTHOR = exam -> AnswerKey.of(exam, "author");
  private static List<ScoredRun> runs;
  private static AllPairs all;

  @BeforeAll
  static void compareEveryPublishedRun() {
    runs = ScoredRun.readDirectory(SharedData.results(), AUTHOR, SharedData::dataset, (skipped, why) -> {
      throw new AssertionError("skipped " + skipped);
    });
    all = AllPairs.of(runs);
  }

  @Test
  void theRankingIsTheLeaderboardOrderOfThePublishedScores() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> byPublishedScore = new ArrayList<>();
    List<Path> files = new ArrayList<>(SharedData.publishedResults());
    List<Integer> scores = new ArrayList<>();
    for (Path f : files) {
      scores.add(json.readTree(f.toFile()).get("summary").get("score").intValue());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> -scores.get(i)));
    order.forEach(i -> byPublishedScore.add(files.get(i).toString()));

    assertThat(all.ranking()).extracting(ScoredRun::source).containsExactlyElementsOf(byPublishedScore);
    assertThat(all.ranking().get(0).name()).isEqualTo("Claude Opus 4.6");
  }

  @Test
  void everyPairIsComparedOnceHigherRankedFirst() {
    int n = runs.size();
    assertThat(all.pairs()).hasSize(n * (n - 1) / 2);
    assertThat(all.pairs()).allSatisfy(p -> {
      assertThat(p.a()).isLessThan(p.b());
      assertThat(p.comparison().a()).isSameAs(all.ranking().get(p.a()));
      assertThat(p.comparison().b()).isSameAs(all.ranking().get(p.b()));
    });
    assertThat(all.neighbours()).hasSize(n - 1).allSatisfy(p -> assertThat(p.b()).isEqualTo(p.a() + 1));
  }

  @Test
  void holmAdjustsOverAllPairsAndDecidesDistinguishability() {
    double[] raw = all.pairs().stream().mapToDouble(p -> p.comparison().mcnemarP()).toArray();
    double[] adjusted = Holm.adjust(raw);
    for (int i = 0; i < raw.length; i++) {
      AllPairs.Pair p = all.pairs().get(i);
      assertThat(p.holmP()).isEqualTo(adjusted[i]).isGreaterThanOrEqualTo(raw[i]);
      assertThat(p.distinguishable()).isEqualTo(adjusted[i] <= AllPairs.ALPHA);
    }
    // The top three published models are within noise of each other; the best and the weakest are not.
    assertThat(all.pair(0, 1).distinguishable()).isFalse();
    assertThat(all.pair(1, 2).distinguishable()).isFalse();
    assertThat(all.pair(0, runs.size() - 1).distinguishable()).isTrue();
  }

  @Test
  void aPairReadsTheSameInTheMatrixAsOnItsOwn() {
    AllPairs.Pair p = all.pair(4, 5);
    assertThat(PairedComparison.of(p.comparison().a(), p.comparison().b())).isEqualTo(p.comparison());
  }

  @Test
  void theTextReportRanksTheRunsAndGivesAVerdictPerNeighbourPair() {
    String text = StatisticsReport.compareAll(all);

    assertThat(text).startsWith("Ranking by score\n   1  Claude Opus 4.6 ")
        .contains("Holm-adjusted over " + all.pairs().size() + " pairs")
        .contains("   1–2  Claude Opus 4.6 vs Gemini 3.1 Pro Preview: Holm p 1.0000, not distinguishable\n");
    long verdicts = text.lines().filter(l -> l.endsWith("distinguishable")).count();
    assertThat(verdicts).isEqualTo(runs.size() - 1);
  }

  @Test
  void oneRunIsNotEnoughToCompare() {
    assertThatThrownBy(() -> AllPairs.of(runs.subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
  }
}
