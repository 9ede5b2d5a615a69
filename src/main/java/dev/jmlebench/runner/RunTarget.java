package dev.jmlebench.runner;

import dev.jmlebench.results.ResultSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's answers go, and which earlier answers it may keep: not what the run is ({@link RunSpec}), so
 * the same run may be written anywhere.
 *
 * @param out the result file; an existing one (or its journal) is continued
 * @param resumeFrom another result file whose answers to keep, or null to continue only {@code out} itself
 * @param startedAt when the run started; its UTC timestamp names the default result file and the metadata
 * @param regrade whether to keep the answers of a file made with another answer key, graded by this one
 */
public record RunTarget(Path out, Path resumeFrom, Instant startedAt, boolean regrade) {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
      .withZone(ZoneOffset.UTC);

  /** A new or continued file {@code out}, started now. */
  public static RunTarget at(Path out) {
    return new RunTarget(out, null, Instant.now(), false);
  }

  /** The same target written to {@code newOut}. */
  public RunTarget withOut(Path newOut) {
    return new RunTarget(newOut, resumeFrom, startedAt, regrade);
  }

  /** {@code YYYYmmdd_HHMMSS} in UTC (SPEC §5). */
  public static String timestamp(Instant at) {
    return TIMESTAMP.format(at);
  }

  /** {@code results/{model, / → _}_{UTC timestamp}.json}. */
  public static Path defaultOut(String model, Instant at) {
    return Path.of(ResultSchema.FOLDER, model.replace('/', '_') + "_" + timestamp(at) + ".json");
  }
}
