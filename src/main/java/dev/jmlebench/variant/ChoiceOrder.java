package dev.jmlebench.variant;

import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.UserError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order a run shows each question's choices in ({@code --choice-order}), as a rule from the question to
 * a permutation: {@code order[i]} is the index of the exam's choice shown at position i (lettered a + i).
 *
 * <ul>
 *   <li>{@code cyclic:K}: position i shows the exam's choice (i + K) mod n, so over K = 0 … n−1 every choice
 *       sits in every position once; {@code cyclic:0} is the exam's own order (its requests are the default
 *       run's, byte for byte, so a response cache serves it).</li>
 *   <li>{@code shuffle:SEED}: a Fisher–Yates shuffle (from the last position down, j = r mod (i + 1)) drawn
 *       from SplitMix64 seeded with SEED XOR the first 8 bytes, big-endian, of SHA-256(question id): the same
 *       on every machine and Java version, and independent from question to question.</li>
 * </ul>
 */
public record ChoiceOrder(Kind kind, long parameter) {
  /** The two rules. */
  public enum Kind {
    CYCLIC("cyclic"), SHUFFLE("shuffle");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }
  }

  private static final Pattern FORM = Pattern.compile("(cyclic|shuffle):(\\d{1,18})");

  public ChoiceOrder {
    if (parameter < 0) {
      throw new IllegalArgumentException("the parameter of a choice order should be 0 or more, not " + parameter);
    }
  }

  public static ChoiceOrder cyclic(int k) {
    return new ChoiceOrder(Kind.CYCLIC, k);
  }

  public static ChoiceOrder shuffle(long seed) {
    return new ChoiceOrder(Kind.SHUFFLE, seed);
  }

  /**
   * Reads {@code cyclic:K} or {@code shuffle:SEED}; a malformed value is the user's mistake, named with
   * {@code what} (the flag, or a file and field).
   */
  public static ChoiceOrder parse(String value, String what) {
    Matcher m = FORM.matcher(value == null ? "" : value.strip());
    if (!m.matches()) {
      throw new UserError(what + ": expected cyclic:K (K = 0, 1, 2, …) or shuffle:SEED (a whole number), not '"
          + value + "'");
    }
    return new ChoiceOrder(m.group(1).equals("cyclic") ? Kind.CYCLIC : Kind.SHUFFLE, Long.parseLong(m.group(2)));
  }

  /** As written on the command line and in a result file's metadata, e.g. {@code cyclic:2}. */
  public String wireName() {
    return kind.wireName + ":" + parameter;
  }

  @Override
  public String toString() {
    return wireName();
  }

  /** The permutation of the {@code n} choices of question {@code questionId}. */
  public int[] order(String questionId, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (kind == Kind.CYCLIC) {
      int shift = (int) (parameter % n);
      for (int i = 0; i < n; i++) {
        order[i] = (i + shift) % n;
      }
      return order;
    }
    SplitMix64 random = new SplitMix64(parameter ^ ByteBuffer.wrap(
        Hashing.sha256().digest(questionId.getBytes(StandardCharsets.UTF_8))).getLong());
    for (int i = n - 1; i > 0; i--) {
      int j = (int) Long.remainderUnsigned(random.next(), i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Steele, Lea and Flood's SplitMix64 (2014), written out so the shuffle does not depend on the JDK's. */
  private static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      state = seed;
    }

    long next() {
      long z = state += 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
