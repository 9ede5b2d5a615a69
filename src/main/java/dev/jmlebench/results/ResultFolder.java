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
 * A folder of result files, as the leaderboard, the viewer and {@code compare --all} read it. Other tools'
 * JSON may lie beside the results (the leaderboard writes {@code leaderboard.json} there by default).
 */
public final class ResultFolder {
  private ResultFolder() {}

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
   * Reads a file of such a folder: empty for JSON without a top-level {@code results} array (another tool's
   * output), the result file otherwise; a result file with a fault, or a file that is no JSON, is an error.
   * The shape is looked at only when reading fails, so a result file is parsed once.
   */
  public static Optional<ResultFile> readIfResultFile(Path file) {
    try {
      return Optional.of(ResultFiles.read(file));
    } catch (UserError e) {
      JsonNode root;
      try {
        root = JsonFiles.parse(JsonFiles.readBytes(file, "no such file"), file, "");
      } catch (UserError notJson) {
        throw e;
      }
      if (root == null || !root.path(ResultSchema.RESULTS).isArray()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
