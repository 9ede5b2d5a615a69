package dev.jmlebench.leaderboard;

import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The result files of a folder: every {@code *.json} in it (not below it), sorted by name. */
final class ResultFolder {
  private ResultFolder() {}

  /** {@code exclude} is a file of ours that may lie in the folder (the JSON export) and is no result file. */
  static List<Path> list(Path dir, Path exclude) {
    Path skip = exclude.toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .filter(p -> !p.toAbsolutePath().normalize().equals(skip))
          .sorted()
          .toList();
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new UserError("--results " + dir + ": no such folder");
    } catch (IOException e) {
      throw new UserError("--results " + dir + ": cannot list: " + e.getMessage());
    }
  }
}
