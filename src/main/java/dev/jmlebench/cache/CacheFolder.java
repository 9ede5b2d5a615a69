package dev.jmlebench.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * What a response cache holds ({@code cache stats}) and its clearing out ({@code cache prune}). Both look only
 * at a folder jmle-bench marked as its cache, and only at its entries ({@link CacheLayout}): a folder that is
 * not a cache is refused in one line, and a stranger inside a cache is left where it is.
 */
public final class CacheFolder {
  private CacheFolder() {}

  /** @param oldest when the oldest entry was stored, null for an empty cache */
  public record Stats(int entries, long bytes, Instant oldest, Instant newest) {}

  /** What the cache holds; a folder that does not exist yet holds nothing. */
  public static Stats stats(Path dir) {
    if (!Files.exists(dir)) {
      return new Stats(0, 0, null, null);
    }
    int n = 0;
    long bytes = 0;
    Instant oldest = null;
    Instant newest = null;
    for (Path f : CacheLayout.entries(dir)) {
      try {
        long size = Files.size(f);
        Instant t = Files.getLastModifiedTime(f).toInstant();
        n++;
        bytes += size;
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
    for (Path f : CacheLayout.entries(dir)) {
      try {
        FileTime t = Files.getLastModifiedTime(f);
        if (before == null || t.toInstant().isBefore(before)) {
          removed += Files.deleteIfExists(f) ? 1 : 0;
        }
      } catch (NoSuchFileException e) {
        // removed meanwhile by another prune
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + f + ": " + e.getMessage(), e);
      }
    }
    return removed;
  }
}
