package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run a result file or its journal records, and the one check that a run may continue it: the recorded
 * {@link RunSpec} and this one must not differ in any identity field. A journal records its run in its
 * header (so a killed run, which has no result file, is known by it); a result file in its metadata.
 */
public final class RecordedRun {
  private RecordedRun() {}

  /** The result file a path names: the file itself, or the result file of a journal ({@code x.journal.jsonl}). */
  public static Path resultFileOf(Path fileOrJournal) {
    String name = fileOrJournal.getFileName().toString();
    return name.endsWith(Journal.SUFFIX)
        ? fileOrJournal.resolveSibling(name.substring(0, name.length() - Journal.SUFFIX.length()) + ".json")
        : fileOrJournal;
  }

  /** The journal beside a result file. */
  public static Path journalOf(Path out) {
    return Journal.pathFor(out);
  }

  /**
   * The run recorded at {@code out}: by its journal's header when a journal is there (it is the newer), else
   * by the result file's metadata; empty when neither exists, or the journal predates recording its run and
   * no result file says more.
   *
   * @param env reads the environment for what the record leaves to the defaults (the key's variable)
   */
  public static Optional<RunSpec> at(Path out, Function<String, String> env) {
    Path journal = Journal.pathFor(out);
    if (Files.exists(journal)) {
      Journal.Contents c = Journal.header(journal);
      JsonNode run = c.header().get(ResultSchema.Journal.RUN);
      if (run != null && run.isObject()) {
        return Optional.of(RunSpec.fromMetadata(run, null, env, journal.toString()));
      }
    }
    if (Files.exists(out)) {
      ResultFile f = withoutTexts(out);
      return Optional.of(RunSpec.fromMetadata(ResultFiles.toJson(f.metadata()), ResultFiles.examOf(f), env,
          out.toString()));
    }
    return Optional.empty();
  }

  /**
   * The identity fields in which the run recorded at {@code out} (journal and result file) differs from
   * {@code spec}; empty when it is the same run or nothing is recorded.
   */
  static List<RunSpec.Difference> differences(Path out, RunSpec spec) {
    Path journal = Journal.pathFor(out);
    if (Files.exists(journal)) {
      Journal.Contents c = Journal.header(journal);
      List<RunSpec.Difference> d = differences(journal, c, spec);
      if (!d.isEmpty() || !Files.exists(out)) {
        return d;
      }
    }
    if (Files.exists(out)) {
      ResultFile f = withoutTexts(out);
      return spec.differencesFrom(ResultFiles.toJson(f.metadata()), ResultFiles.examOf(f), out.toString());
    }
    return List.of();
  }

  private static List<RunSpec.Difference> differences(Path journal, Journal.Contents c, RunSpec spec) {
    JsonNode run = c.header().get(ResultSchema.Journal.RUN);
    if (run != null && run.isObject()) {
      return spec.differencesFrom(run, null, journal.toString());
    }
    // A journal of an earlier version names only its model.
    return c.model() == null || c.model().equals(spec.model()) ? List.of()
        : List.of(new RunSpec.Difference(RunField.MODEL, c.model(), spec.model()));
  }

  /** Refuses a result file whose metadata records another run than {@code spec}. */
  static void requireSame(Path file, JsonNode metadata, String examIfUnrecorded, RunSpec spec, boolean regrade) {
    refuseIfAny(file, spec.differencesFrom(metadata, examIfUnrecorded, file.toString()), spec, regrade);
  }

  /** Refuses a journal whose header records another run than {@code spec}. */
  static void requireSame(Path journal, Journal.Contents contents, RunSpec spec, boolean regrade) {
    refuseIfAny(journal, differences(journal, contents, spec), spec, regrade);
  }

  /**
   * One line naming each differing field with both values, and the ways forward. A different answer key
   * alone may be overcome by {@code --regrade} (the answers are kept and graded by this run's key).
   */
  private static void refuseIfAny(Path file, List<RunSpec.Difference> differences, RunSpec spec, boolean regrade) {
    List<RunSpec.Difference> d = regrade
        ? differences.stream().filter(x -> x.field() != RunField.ANSWER_KEY).toList() : differences;
    if (d.isEmpty()) {
      return;
    }
    boolean onlyTheKey = d.stream().allMatch(x -> x.field() == RunField.ANSWER_KEY);
    throw new UserError(refusal(file, d) + (onlyTheKey ? ", or --regrade to keep its answers and grade them by "
        + "the answer key " + spec.answerKey() : ""));
  }

  /** "r.json is another run (image mode blind there, vision here): choose another --out, or --new …". */
  public static String refusal(Path file, List<RunSpec.Difference> differences) {
    return file + " is another run (" + RunSpec.describe(differences) + "): it is continued only as that run; "
        + "choose another --out for this one, or --new to start it in a new file";
  }

  /** A result file's answers without their texts, one read at a time: an unfinished run's answers may be large. */
  private static ResultFile withoutTexts(Path out) {
    List<dev.jmlebench.results.QuestionResult> slim = new java.util.ArrayList<>();
    ResultFile f = ResultFiles.scan(out, (r, span) -> slim.add(r.withoutTexts()));
    return f.withResults(slim);
  }
}
