package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void everyPairReadsTheSameInTheMatrixAsOnItsOwn() {
    // The matrix compares runs of the same questions from each run's own replicates (SameQuestions); on its own
    // a pair is bootstrapped as a pair. Every figure must be the same integers.
    for (AllPairs.Pair p : all.pairs()) {
      PairedComparison alone = PairedComparison.of(all.ranking().get(p.a()), all.ranking().get(p.b()));
      assertThat(p.figures()).as("pair %d-%d", p.a(), p.b()).isEqualTo(PairFigures.of(alone));
    }
    assertThat(all.pair(4, 5).comparison()).isEqualTo(PairedComparison.of(all.ranking().get(4), all.ranking().get(5)));
  }

  @Test
  void runsOfOtherQuestionsArePairedAsPairsAndReadTheSameToo() {
    // A run of part of the exam, and one whose answers are in a new order, beside full runs: three layouts.
    ScoredRun full = runs.get(0);
    ScoredRun part = new ScoredRun(full.name() + " (part)", full.model(), "part.json",
        full.questions().subList(0, 150));
    ScoredRun other = runs.get(1);
    List<ScoredQuestion> regrouped = other.questions().stream().map(q -> new ScoredQuestion(q.questionId(), q.block(),
        q.number(), q.points(), q.required(), q.scored(), q.correct(), q.predicted(), q.gold(),
        "own-" + q.questionId(), q.prohibited())).toList();
    List<ScoredRun> mixed = new ArrayList<>(runs);
    mixed.add(part);
    mixed.add(new ScoredRun(other.name() + " (ungrouped)", other.model(), "ungrouped.json", regrouped));
    AllPairs matrix = AllPairs.of(mixed);
    assertThat(matrix.pairs()).hasSize(mixed.size() * (mixed.size() - 1) / 2).allSatisfy(p ->
        assertThat(p.figures()).as("pair %s-%s", p.runA().source(), p.runB().source())
            .isEqualTo(PairFigures.of(PairedComparison.of(p.runA(), p.runB()))));
    for (int i = 0; i < mixed.size(); i++) {
      for (int j = i + 1; j < mixed.size(); j++) {
        assertThat(matrix.pair(i, j).a()).isEqualTo(i);
        assertThat(matrix.pair(i, j).b()).isEqualTo(j);
      }
    }
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
  void aFolderIsReadInFileNameOrderWhateverTheThreadsDoSkippedFilesAndTheFirstErrorIncluded(@TempDir Path dir)
      throws IOException {
    // Read on every core, told one by one: the runs, the skipped files and the first bad file in name order.
    List<Path> published = SharedData.publishedResults();
    for (int i = 0; i < 12; i++) {
      Path name = dir.resolve(String.format("%02d.json", i));
      if (i % 3 == 1) {
        Files.writeString(name, "{\"other\": \"tool\"}");
      } else {
        Files.copy(published.get(i % published.size()), name);
      }
    }
    List<String> skipped = new ArrayList<>();
    List<ScoredRun> read = ScoredRun.readDirectory(dir, AUTHOR, SharedData::dataset,
        (f, why) -> skipped.add(f.getFileName().toString()));
    assertThat(read).extracting(r -> Path.of(r.source()).getFileName().toString())
        .containsExactly("00.json", "02.json", "03.json", "05.json", "06.json", "08.json", "09.json", "11.json");
    assertThat(skipped).containsExactly("01.json", "04.json", "07.json", "10.json");

    Files.writeString(dir.resolve("07.json"), "{\"results\": 7");
    Files.writeString(dir.resolve("10.json"), "{\"results\": 10");
    skipped.clear();
    List<String> loaded = new ArrayList<>();
    assertThatThrownBy(() -> ScoredRun.readDirectory(dir, AUTHOR, exam -> {
      loaded.add(exam);
      return SharedData.dataset();
    }, (f, why) -> skipped.add(f.getFileName().toString()))).hasMessageContaining("07.json");
    assertThat(skipped).containsExactly("01.json", "04.json");

    // A bad first file stops the reading before any dataset is loaded (it could be a download), as one by one.
    Files.writeString(dir.resolve("00.json"), "{\"results\": 0");
    loaded.clear();
    assertThatThrownBy(() -> ScoredRun.readDirectory(dir, AUTHOR, exam -> {
      loaded.add(exam);
      return SharedData.dataset();
    }, (f, why) -> { })).hasMessageContaining("00.json");
    assertThat(loaded).isEmpty();
  }

  @Test
  void oneRunIsNotEnoughToCompare() {
    assertThatThrownBy(() -> AllPairs.of(runs.subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
  }
}
