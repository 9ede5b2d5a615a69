package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class BoundedIntsTest {
  /**
   * The draws are a contract (docs/STATISTICS.md): every int equals the library's own {@code nextInt(n)} on a
   * generator of the same seed, bound after bound — small bounds as the bootstrap's groups have, and bounds near
   * 2^31 where Lemire's method rejects often (a wrong threshold or a half of a long used twice shows there).
   */
  @Test
  void everyIntIsTheOneCommonsRngDrawsForTheSameBoundsInTheSameOrder() {
    Random bounds = new Random(23);
    int[] near = {Integer.MAX_VALUE, (1 << 30) + 1, 3 << 29, 1 << 30, 1};
    for (long seed : new long[] {0, 1, Bootstrap.DEFAULT_SEED, -7, 1246579781L}) {
      UniformRandomProvider library = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
      BoundedInts ours = new BoundedInts(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
      int[] expected = new int[200_000];
      int[] actual = new int[expected.length];
      for (int i = 0; i < expected.length; i++) {
        int n = i % 10 == 9 ? near[bounds.nextInt(near.length)] : 1 + bounds.nextInt(300);
        expected[i] = library.nextInt(n);
        actual[i] = ours.next(n);
      }
      assertThat(Arrays.mismatch(actual, expected)).as("seed %d: the first draw that differs", seed).isEqualTo(-1);
    }
  }
}
