package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  private record Run(String file, double share) {}

  private static List<String> ranked(Run... runs) {
    List<Run> list = new ArrayList<>(List.of(runs));
    list.sort(Ranking.highestFirst(Run::share, Run::file));
    return list.stream().map(Run::file).toList();
  }

  @Test
  void theHigherShareComesFirstAndATieGoesToTheFileNameThatSortsFirst() {
    assertThat(ranked(new Run("pfnet_Preferred-MedRECT-32B.json", 0.898), new Run("a.json", 0.866),
        new Run("Qwen_Qwen3-32B.json", 0.898), new Run("z.json", 0.986)))
        .containsExactly("z.json", "Qwen_Qwen3-32B.json", "pfnet_Preferred-MedRECT-32B.json", "a.json");
  }

  @Test
  void fileNamesCompareByCodePointAsPythonDoesNotByUtf16Units() {
    // U+1F600 is stored as the surrogates D83D DE00, which String.compareTo puts before U+FF21 (Ａ).
    assertThat(ranked(new Run("\uD83D\uDE00.json", 0.5), new Run("\uFF21.json", 0.5)))
        .containsExactly("\uFF21.json", "\uD83D\uDE00.json");
    assertThat(Ranking.byCodePoint("ab", "abc")).isNegative();
    assertThat(Ranking.byCodePoint("abc", "abc")).isZero();
  }
}
