package dev.jmlebench.dataset;

import dev.jmlebench.common.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks a local dataset folder against the manifest, file by file. */
public final class DatasetVerifier {
  private DatasetVerifier() {}

  /** What is wrong with one file; {@code actual} is null when the file is missing. */
  public record Problem(Manifest.Entry entry, String actual) {
    public String describe() {
      return actual == null
          ? entry.path() + ": missing"
          : entry.path() + ": SHA-256 mismatch (expected " + entry.sha256() + ", found " + actual + ")";
    }
  }

  public static List<Problem> verify(Path directory, Manifest manifest) {
    List<Problem> problems = new ArrayList<>();
    for (Manifest.Entry e : manifest.entries()) {
      Path file = directory.resolve(e.path());
      if (!Files.isRegularFile(file)) {
        problems.add(new Problem(e, null));
        continue;
      }
      String actual = Hashing.sha256Hex(file);
      if (!actual.equals(e.sha256())) {
        problems.add(new Problem(e, actual));
      }
    }
    return problems;
  }
}
