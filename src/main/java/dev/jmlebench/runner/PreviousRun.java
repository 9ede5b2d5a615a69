package dev.jmlebench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The earlier run that the same {@code run} command meets in the default folder: a command repeated after
 * Ctrl-C, a kill or a crash continues its unfinished run instead of starting afresh under a new timestamp,
 * and a command repeated after its run finished asks nothing (rather than buying the exam again). Only a run
 * recorded as this very run ({@link RunSpec#differencesFrom}: model, exam, image mode, extra body, questions
 * …) is taken; of several, the newest (by the timestamp in its name).
 */
public final class PreviousRun {
  private static final Pattern STAMP = Pattern.compile("_\\d{8}_\\d{6}\\.json");

  private PreviousRun() {}

  /**
   * @param unfinished whether its journal is still there (a run that completes removes it)
   */
  public record Found(Path out, boolean unfinished) {}

  /** The run to continue or report, among the default names {@code folder/{model}_{timestamp}.json}. */
  public static Optional<Found> find(Path folder, RunSpec spec) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    String stem = RunTarget.defaultOut(spec.model(), java.time.Instant.EPOCH).getFileName().toString();
    String prefix = stem.substring(0, stem.length() - "_yyyyMMdd_HHmmss.json".length());
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix))
          .map(n -> n.endsWith(Journal.SUFFIX) ? n.substring(0, n.length() - Journal.SUFFIX.length()) + ".json" : n)
          .filter(n -> STAMP.matcher(n.substring(prefix.length())).matches())
          .distinct()
          .sorted(Comparator.reverseOrder())
          .map(folder::resolve)
          .filter(out -> sameRun(out, spec))
          .findFirst()
          .map(out -> new Found(out, Files.exists(Journal.pathFor(out))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameRun(Path out, RunSpec spec) {
    try {
      return RecordedRun.at(out, RunSpec.NO_ENVIRONMENT).isPresent() && RecordedRun.differences(out, spec).isEmpty();
    } catch (RuntimeException e) {
      return false; // not a run this command could continue (unreadable): start a new one
    }
  }
}
