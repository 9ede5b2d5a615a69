package dev.jmlebench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a run left on disk, as text: for checks that a key is written nowhere. */
public final class FileTexts {
  private FileTexts() {}

  /** The text of every regular file below {@code root}, in walk order. */
  public static List<String> below(Path root) {
    return below(root, "");
  }

  /** The stored replies of a response cache: its {@code .json} entries, without its CACHEDIR.TAG. */
  public static List<String> cacheEntries(Path cache) {
    return below(cache, ".json");
  }

  private static List<String> below(Path root, String suffix) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).map(p -> {
        try {
          return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
