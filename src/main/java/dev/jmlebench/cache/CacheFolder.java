package dev.jmlebench.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** What a response cache holds ({@code cache stats}) and its clearing out ({@code cache prune}). */
public final class CacheFolder {
  private CacheFolder() {}

  /** @param oldest when the oldest entry was stored, null for an empty cache */
  public record Stats(int entries, long bytes, Instant oldest, Instant newest) {}

  public static Stats stats(Path dir) {
    int n = 0;
    long bytes = 0;
    Instant oldest = null;
    Instant newest = null;
    for (Path f : entries(dir)) {
      try {
        n++;
        bytes += Files.size(f);
        Instant t = Files.getLastModifiedTime(f).toInstant();
        oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
        newest = newest == null || t.isAfter(newest) ? t : newest;
      } catch (IOException e) {
        // removed meanwhile by another run's prune: not counted
      }
    }
    return new Stats(n, bytes, oldest, newest);
  }

  /** Removes the entries stored before {@code before} (all of them for null); returns how many. */
  public static int prune(Path dir, Instant before) {
    int removed = 0;
    for (Path f : entries(dir)) {
      try {
        FileTime t = Files.getLastModifiedTime(f);
        if (before == null || t.toInstant().isBefore(before)) {
          removed += Files.deleteIfExists(f) ? 1 : 0;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + f + ": " + e.getMessage(), e);
      }
    }
    return removed;
  }

  /** The entry files ({@code ab/<sha-256>.json}); temporary files of an interrupted write are entries too. */
  private static List<Path> entries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir, 2)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getParent() != null && !p.getParent().equals(dir))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the cache " + dir + ": " + e.getMessage(), e);
    }
  }
}
