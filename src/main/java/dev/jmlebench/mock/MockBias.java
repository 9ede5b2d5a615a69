package dev.jmlebench.mock;

/**
 * How the mock model departs from an order-blind, language-blind reader that gains nothing from images —
 * for demos and tests of the robustness card (docs/ROBUSTNESS.md).
 *
 * @param position which shown positions it picks regardless of the choices; null for none (it answers the same
 *     choice, in the exam's letters, in whatever order it is shown)
 * @param share the share of questions (0-1, fixed by the seed) the position bias applies to; on the others it
 *     answers as without it
 * @param visionGain an image question asked without its images is answered wrong when its number is even, as a
 *     model that needs the picture would; without, images change nothing
 * @param englishAware a question asked in English is also answered wrong when its number is a multiple of 5
 */
public record MockBias(PositionBias position, double share, boolean visionGain, boolean englishAware) {
  public static final MockBias NONE = new MockBias(null, 1, false, false);

  public MockBias {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("the share of biased questions should be from 0 to 1, not " + share);
    }
  }
}
