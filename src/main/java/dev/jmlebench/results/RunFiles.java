package dev.jmlebench.results;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one run keeps beside its result file, named after it: {@code results/x.json} has its journal
 * {@code x.journal.jsonl} (each answer as it arrives), its lock {@code x.lock} (one run at a time) and, while a
 * batch waits, its batch journal {@code x.batch.json}. The one place these names are made, and so the one place
 * that knows them when a results folder is read ({@link ResultFolder}).
 */
public record RunFiles(Path result) {
  public static final String JOURNAL = ".journal.jsonl";
  public static final String LOCK = ".lock";
  public static final String BATCH_JOURNAL = ".batch.json";
  private static final String JSON = ".json";
  private static final List<String> SIBLINGS = List.of(JOURNAL, LOCK, BATCH_JOURNAL);

  public static RunFiles of(Path result) {
    return new RunFiles(result);
  }

  /** {@code results/x.json} → {@code results/x.journal.jsonl}. */
  public Path journal() {
    return sibling(JOURNAL);
  }

  /** {@code results/x.json} → {@code results/x.lock}. */
  public Path lock() {
    return sibling(LOCK);
  }

  /** {@code results/x.json} → {@code results/x.batch.json}. */
  public Path batchJournal() {
    return sibling(BATCH_JOURNAL);
  }

  private Path sibling(String suffix) {
    String name = result.getFileName().toString();
    String stem = name.endsWith(JSON) ? name.substring(0, name.length() - JSON.length()) : name;
    return result.resolveSibling(stem + suffix);
  }

  /** Whether {@code file} is named as a run's journal, lock or batch journal (not as a result file). */
  public static boolean isSibling(Path file) {
    String name = file.getFileName().toString();
    return SIBLINGS.stream().anyMatch(s -> name.endsWith(s) && name.length() > s.length());
  }
}
