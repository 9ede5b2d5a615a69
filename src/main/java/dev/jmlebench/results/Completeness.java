package dev.jmlebench.results;

import dev.jmlebench.score.Summary;

/**
 * Whether a run answered every question it should have: a run stopped by Ctrl-C or ended with errors has
 * fewer answers than its selection, and its score ratio must not pass unmarked for a complete run's.
 *
 * @param answered questions with an answer (no error)
 * @param expected the questions the run set out to ask: {@code total_questions - skipped_image}
 */
public record Completeness(int answered, int expected) {
  public static Completeness of(RunMetadata metadata, Summary summary) {
    return new Completeness(summary.attempted() - summary.errors(),
        metadata.totalQuestions() - metadata.skippedImage());
  }

  public boolean partial() {
    return answered < expected;
  }

  /** "partial 20/400", the mark tables and the viewer put beside a partial run's name. */
  public String mark() {
    return "partial " + answered + "/" + expected;
  }

  /** The name with the mark when partial: "Claude Opus 4.6 (partial 20/400)". */
  public String label(String name) {
    return partial() ? name + " (" + mark() + ")" : name;
  }
}
