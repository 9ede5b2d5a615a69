package dev.jmlebench.viewer;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The only files the viewer hands out: the clinical images the dataset names, from its images folder, by
 * plain file name. Anything else — another path, a name the dataset does not use, a symbolic link — is
 * not found.
 */
final class DatasetImages {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path folder;
  private final Set<String> names;

  DatasetImages(Dataset dataset) {
    this.folder = realFolder(dataset.imagesDirectory());
    Set<String> all = new TreeSet<>();
    for (Question q : dataset.questions()) {
      all.addAll(q.clinicalImages());
    }
    this.names = Set.copyOf(all);
  }

  /** Every image the dataset names, sorted. */
  Set<String> names() {
    return new TreeSet<>(names);
  }

  /** The file of a requested image, or empty when the request names anything but a dataset image. */
  Optional<Path> resolve(String name) {
    if (folder == null || name == null || !PLAIN_NAME.matcher(name).matches() || !names.contains(name)) {
      return Optional.empty();
    }
    Path file = folder.resolve(name);
    // A link could point anywhere on the disk: refuse it rather than follow it.
    if (!file.getParent().equals(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  private static Path realFolder(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
