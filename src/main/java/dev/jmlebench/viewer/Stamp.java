package dev.jmlebench.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A file as it was when read: its path, size and time of last change (what make and rsync compare). A result
 * file is replaced whole when written (a new file moved into place), so a file whose stamp is unchanged holds
 * what it held, and what was made from it (its grading, its intervals, its pairs) still holds.
 */
record Stamp(Path file, long size, long modifiedNanos, Object fileKey) {
  /** The stamp of {@code file} now, or empty when it is gone or cannot be read. */
  static Optional<Stamp> of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return Optional.of(new Stamp(file, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          a.fileKey()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
