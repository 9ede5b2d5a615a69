package dev.jmlebench.dataset;

import java.util.Set;

/**
 * What finding, fetching and reading an exam's dataset needs to know of the exam (its {@code exam.json}
 * gives it, {@code exam.ExamSpec.source()}): its id, the bundled manifest of its pinned upstream files, the
 * upstream's layout and the questions whose gold letters are alternatives.
 *
 * @param manifest the resource of the SHA-256 manifest a download fetches and verifies
 * @param format the upstream's layout, naming its converter ({@code sources.DatasetFormat})
 * @param alternatives question ids whose gold letters are alternatives (either one is correct)
 */
public record ExamSource(String exam, String manifest, String format, Set<String> alternatives) {
  public ExamSource {
    alternatives = Set.copyOf(alternatives);
  }
}
