package dev.jmlebench.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChoiceOrderTest {
  @Test
  void cyclicKShowsTheChoiceKPlacesOnAtEachPosition() {
    assertThat(ChoiceOrder.cyclic(0).order("120A-1", 5)).containsExactly(0, 1, 2, 3, 4);
    assertThat(ChoiceOrder.cyclic(1).order("120A-1", 5)).containsExactly(1, 2, 3, 4, 0);
    assertThat(ChoiceOrder.cyclic(7).order("120A-1", 5)).containsExactly(2, 3, 4, 0, 1);
    assertThat(ChoiceOrder.cyclic(3).order("113F-83", 8)).containsExactly(3, 4, 5, 6, 7, 0, 1, 2);
  }

  @Test
  void overKFromZeroToNMinusOneEveryChoiceSitsInEveryPositionOnce() {
    for (int position = 0; position < 5; position++) {
      Set<Integer> shown = new HashSet<>();
      for (int k = 0; k < 5; k++) {
        shown.add(ChoiceOrder.cyclic(k).order("120B-3", 5)[position]);
      }
      assertThat(shown).as("position %d", position).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }
  }

  @Test
  void aShuffleIsAPermutationFixedBySeedAndQuestionAndPinnedAcrossVersions() {
    int[] a = ChoiceOrder.shuffle(42).order("120A-2", 5);
    assertThat(Arrays.stream(a).sorted().toArray()).containsExactly(0, 1, 2, 3, 4);
    assertThat(ChoiceOrder.shuffle(42).order("120A-2", 5)).isEqualTo(a);
    // The orders docs/ROBUSTNESS.md's recipe gives, computed apart from this code (in Python, from the recipe).
    assertThat(a).containsExactly(0, 2, 4, 1, 3);
    assertThat(ChoiceOrder.shuffle(7).order("119F-42", 5)).containsExactly(3, 0, 1, 4, 2);
    assertThat(ChoiceOrder.shuffle(2026).order("113F-83", 8)).containsExactly(5, 0, 1, 3, 2, 4, 6, 7);
    assertThat(ChoiceOrder.shuffle(42).order("120A-1", 5)).as("a shuffle may draw the exam's order")
        .containsExactly(0, 1, 2, 3, 4);
    Set<String> seen = new HashSet<>();
    for (int q = 1; q <= 75; q++) {
      seen.add(Arrays.toString(ChoiceOrder.shuffle(42).order("120A-" + q, 5)));
    }
    assertThat(seen.size()).as("75 questions draw many different orders").isGreaterThan(40);
  }

  @Test
  void theWireFormReadsBackAndABadValueIsNamed() {
    assertThat(ChoiceOrder.parse("cyclic:3", "--choice-order")).isEqualTo(ChoiceOrder.cyclic(3));
    assertThat(ChoiceOrder.parse("shuffle:12345", "--choice-order").wireName()).isEqualTo("shuffle:12345");
    for (String bad : new String[] {"cyclic", "cyclic:-1", "random:3", "shuffle:x", ""}) {
      assertThatThrownBy(() -> ChoiceOrder.parse(bad, "--choice-order")).isInstanceOf(UserError.class)
          .hasMessage("--choice-order: expected cyclic:K (K = 0, 1, 2, …) or shuffle:SEED (a whole number), not '"
              + bad + "'");
    }
  }
}
