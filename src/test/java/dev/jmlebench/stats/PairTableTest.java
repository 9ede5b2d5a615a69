package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PairTableTest {
  private static final Function<String, AnswerKey> AUTHOR = exam -> AnswerKey.of(exam, "author");

  @Test
  void everyPairCountsAsAllPairsComparesItWithoutItsBootstrap() {
    List<ScoredRun> runs = new ArrayList<>(ScoredRun.readDirectory(SharedData.results(), AUTHOR, SharedData::dataset,
        (skipped, why) -> {
          throw new AssertionError("skipped " + skipped);
        }));
    // A run that left out a block: pairs with it count only the questions both answered.
    ScoredRun full = runs.get(0);
    runs.add(new ScoredRun(full.name() + " without A", full.model(), "partial.json",
        full.questions().stream().filter(q -> !q.block().equals("A")).toList()));
    AllPairs all = AllPairs.of(runs);
    PairTable table = PairTable.of(runs);

    assertThat(table.ranking()).containsExactlyElementsOf(all.ranking());
    assertThat(table.pairs()).hasSameSizeAs(all.pairs());
    for (int k = 0; k < all.pairs().size(); k++) {
      AllPairs.Pair expected = all.pairs().get(k);
      PairedComparison c = expected.comparison();
      PairTable.Pair p = table.pairs().get(k);
      assertThat(List.of(p.a(), p.b(), p.questions(), p.scoreMax(), p.aScore(), p.bScore(), p.aOnly(), p.bOnly()))
          .as("pair %d", k)
          .containsExactly(expected.a(), expected.b(), c.questions(), c.scoreMax(), c.aScore(), c.bScore(), c.aOnly(),
              c.bOnly());
      assertThat(p.mcnemarP()).isEqualTo(c.mcnemarP());
      assertThat(p.holmP()).isEqualTo(expected.holmP());
      assertThat(p.distinguishable()).isEqualTo(expected.distinguishable());
      assertThat(table.pair(p.a(), p.b())).isSameAs(p);
    }
    assertThat(table.neighbours()).extracting(PairTable.Pair::holmP)
        .containsExactlyElementsOf(all.neighbours().stream().map(AllPairs.Pair::holmP).toList());
    assertThat(table.pairs()).anySatisfy(p -> assertThat(p.questions()).isLessThan(400));
  }
}
