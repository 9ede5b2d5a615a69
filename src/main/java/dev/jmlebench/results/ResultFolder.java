package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of result files, as every command that reads one sees it ({@code leaderboard}, {@code serve},
 * {@code report}, {@code compare --all}, {@code suite from-results}, {@code mock-server --replay}): the one
 * rule for which {@code *.json} of a folder are result files. Beside the results lie files jmle-bench writes
 * itself — the leaderboard's exports ({@code leaderboard.json}, {@code leaderboard-119.json}) and a waiting
 * batch's journal ({@code x.batch.json}) — which are passed over without a word, and perhaps other tools' JSON,
 * which is passed over with one line saying so.
 */
public final class ResultFolder {
  /** The {@code format} every JSON document jmle-bench writes that is not a result file starts with. */
  static final String OWN_FORMAT_PREFIX = "jmle-bench-";

  private ResultFolder() {}

  /** One {@code *.json} of a folder, as read. */
  public sealed interface Entry permits Result, Skipped {
    Path file();
  }

  /** A result file. */
  public record Result(Path file, ResultFile result) implements Entry {}

  /**
   * A {@code *.json} that is not a result file.
   *
   * @param ours whether jmle-bench wrote it (an export, a batch journal): passed over silently
   * @param reason why it is passed over, e.g. {@code not a result file (no results array)}
   */
  public record Skipped(Path file, boolean ours, String reason) implements Entry {}

  /**
   * Every {@code *.json} directly in {@code dir}, sorted by name.
   *
   * @param what how an error names the folder, e.g. {@code "--results results"}
   */
  public static List<Path> list(Path dir, String what) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new UserError(what + ": no such folder");
    } catch (IOException e) {
      throw new UserError(what + ": cannot list: " + e.getMessage());
    }
  }

  /**
   * Reads a file of such a folder: a result file, or one passed over — jmle-bench's own (named as a run's
   * sibling, {@link RunFiles}, or a document whose {@code format} is {@code jmle-bench-…}), or another tool's
   * JSON without a top-level {@code results} array. A result file with a fault, or a file that is no JSON, is
   * an error. The shape is looked at only when reading fails, so a result file is parsed once.
   */
  public static Entry read(Path file) {
    try {
      return new Result(file, ResultFiles.read(file));
    } catch (UserError e) {
      JsonNode root;
      try {
        root = JsonFiles.parse(JsonFiles.readBytes(file, "no such file"), file, "");
      } catch (UserError notJson) {
        throw e;
      }
      if (root != null && root.path(ResultSchema.RESULTS).isArray()) {
        throw e;
      }
      if (RunFiles.isSibling(file)) {
        return new Skipped(file, true, "a run's own file, not a result file");
      }
      if (root != null && root.path("format").asText("").startsWith(OWN_FORMAT_PREFIX)) {
        return new Skipped(file, true, "written by jmle-bench (" + root.path("format").asText() + "), not a result file");
      }
      return new Skipped(file, false, "not a result file (no results array)");
    }
  }

  /** The result file {@code file} holds; empty for any file {@link #read} passes over. */
  public static Optional<ResultFile> readIfResultFile(Path file) {
    return read(file) instanceof Result r ? Optional.of(r.result()) : Optional.empty();
  }
}
