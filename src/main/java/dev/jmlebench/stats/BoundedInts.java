package dev.jmlebench.stats;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Uniform ints below a bound, exactly the ones Commons RNG's {@code nextInt(bound)} returns for a 64-bit generator,
 * in the same order — the bootstrap's draws are a contract (docs/STATISTICS.md) — at one call into the generator
 * per two ints instead of three calls per int. The bootstrap draws millions of them, compiled by C1 alone in a
 * short command (the launcher's -XX:TieredStopAtLevel=1), where those calls are not inlined: a summary's draws
 * took 2-3 times as long. What is reproduced (Commons RNG 1.6, held by BoundedIntsTest against the library): a
 * 64-bit generator's {@code nextInt()} is the low half of a {@code nextLong()}, then its high half; and
 * {@code nextInt(n)} is Lemire's multiply-and-reject on those 32-bit values (Lemire 2019, "Fast random integer
 * generation in an interval"). Mutable, one thread; it must be the generator's only user.
 */
final class BoundedInts {
  private static final long LOW = 0xffff_ffffL;
  private static final long POW_32 = 1L << 32;

  private final UniformRandomProvider generator;
  /** The high half of the last long, not yet used; negative when there is none. */
  private long held = -1;

  BoundedInts(UniformRandomProvider generator) {
    this.generator = generator;
  }

  /** The next int in [0, n), as {@code generator.nextInt(n)} would return it; n must be positive. */
  int next(int n) {
    long m = (nextInt() & LOW) * n;
    long l = m & LOW;
    if (l < n) {
      long t = POW_32 % n;
      while (l < t) {
        m = (nextInt() & LOW) * n;
        l = m & LOW;
      }
    }
    return (int) (m >>> 32);
  }

  private int nextInt() {
    if (held >= 0) {
      int high = (int) held;
      held = -1;
      return high;
    }
    long bits = generator.nextLong();
    held = bits >>> 32;
    return (int) bits;
  }
}
