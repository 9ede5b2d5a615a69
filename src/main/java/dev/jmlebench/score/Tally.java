package dev.jmlebench.score;

/** Correct out of total, with the accuracy as SPEC §4 rounds it. */
public record Tally(int correct, int total) {
  public double accuracy() {
    return Ratio.of(correct, total);
  }

  Tally plus(boolean isCorrect) {
    return new Tally(correct + (isCorrect ? 1 : 0), total + 1);
  }

  static final Tally EMPTY = new Tally(0, 0);
}
