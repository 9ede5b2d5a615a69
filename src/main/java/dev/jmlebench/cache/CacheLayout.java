package dev.jmlebench.cache;

import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a response cache folder looks like, the one place that says it: a {@code CACHEDIR.TAG} of jmle-bench
 * at its top (the <a href="https://bford.info/cachedir/">cache directory tag</a> backup tools skip, with a line
 * naming this tool), and entries {@code ab/<sha-256>.json} whose shard {@code ab} is the name's first two
 * digits, beside the temporary files an interrupted write leaves ({@code ab/.<sha-256>.json.<n>.tmp}).
 * Only what has exactly this shape, in a folder marked as a cache, is ever counted or removed: a folder given
 * by mistake ({@code cache prune results/}) loses nothing.
 */
final class CacheLayout {
  static final String TAG = "CACHEDIR.TAG";
  /** The signature the cache directory tag standard prescribes, then our own line. */
  private static final String TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n"
      + "# This file is a cache directory tag created by jmle-bench: its response cache (run --cache).\n"
      + "# For information about cache directory tags, see https://bford.info/cachedir/\n";
  private static final String OWNER_LINE = TAG_TEXT.lines().skip(1).findFirst().orElseThrow();
  private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
  private static final Pattern ENTRY = Pattern.compile("([0-9a-f]{64})\\.json");
  /** What writing the tag and probing the folder leave when killed: {@code .CACHEDIR.TAG.<n>.tmp|probe}. */
  private static final Pattern OWN_LEFTOVER = Pattern.compile("\\.CACHEDIR\\.TAG\\.[0-9]+\\.(tmp|probe)");
  private static final Pattern TEMPORARY = Pattern.compile("\\.([0-9a-f]{64})\\.json\\.[0-9]+\\.tmp");

  private CacheLayout() {}

  /** Whether jmle-bench marked {@code dir} as its response cache. */
  static boolean isMarked(Path dir) {
    Path tag = dir.resolve(TAG);
    if (!Files.isRegularFile(tag, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      // A tag is a few hundred bytes; a larger file under that name is not ours.
      return Files.size(tag) < 4096 && Files.readString(tag, StandardCharsets.UTF_8).lines()
          .anyMatch(OWNER_LINE::equals);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Makes {@code dir} a cache, or checks it is one, before anything is asked: a folder that does not exist or
   * is empty is marked; a folder already marked is used; a folder holding anything but cache entries (a
   * cache made before caches were marked holds only entries) is refused, as is one that cannot be written.
   * Every fault is a {@link UserError} naming {@code option}.
   */
  static void claim(Path dir, String option) {
    try {
      Files.createDirectories(dir);
      if (!isMarked(dir)) {
        Path stranger = firstStranger(dir);
        if (stranger != null) {
          throw new UserError(option + " " + dir + ": holds " + dir.relativize(stranger) + ", which is not a cache "
              + "entry; the response cache needs a folder of its own (a new or empty one)");
        }
        AtomicFiles.write(dir.resolve(TAG), TAG_TEXT.getBytes(StandardCharsets.UTF_8));
      }
      // Written into, not only looked at: a read-only folder is found now, not after the first paid answer.
      Files.delete(Files.createTempFile(dir, "." + TAG + ".", ".probe"));
    } catch (NotDirectoryException | java.nio.file.FileAlreadyExistsException e) {
      throw new UserError(option + " " + dir + ": cannot keep a cache there: " + e.getFile() + " is a file, not a "
          + "folder");
    } catch (IOException | UncheckedIOException e) {
      throw new UserError(option + " " + dir + ": cannot keep a cache there: " + reason(e));
    }
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof java.nio.file.AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    return cause.getMessage();
  }

  /** The first thing in a folder not yet marked that is no cache entry (nor a shard holding only entries). */
  private static Path firstStranger(Path dir) throws IOException {
    try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
      for (Path p : top) {
        if (OWN_LEFTOVER.matcher(p.getFileName().toString()).matches()) {
          continue;
        }
        if (!isShard(p)) {
          return p;
        }
        try (DirectoryStream<Path> inside = Files.newDirectoryStream(p)) {
          for (Path f : inside) {
            if (!isEntry(f)) {
              return f;
            }
          }
        }
      }
    }
    return null;
  }

  private static boolean isShard(Path p) {
    return SHARD.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  /** An entry or a leftover temporary file: its shape, in the shard its name belongs to, not a link. */
  private static boolean isEntry(Path f) {
    String name = f.getFileName().toString();
    var m = ENTRY.matcher(name);
    var t = TEMPORARY.matcher(name);
    String hash = m.matches() ? m.group(1) : t.matches() ? t.group(1) : null;
    return hash != null && hash.startsWith(f.getParent().getFileName().toString())
        && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
  }

  /** {@code ab/<key>.json}: the file of the entry of a request key. */
  static Path fileOf(Path dir, String key) {
    if (!ENTRY.matcher(key + ".json").matches()) {
      throw new IllegalArgumentException("a cache key is a hex SHA-256, not " + key);
    }
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  /**
   * Every entry (and leftover temporary file) of a marked cache; nothing else in it — a file of another name,
   * a link, a folder not a shard — is listed. An unmarked folder is refused: one line, nothing listed.
   */
  static List<Path> entries(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": no such folder");
    }
    if (!isMarked(dir)) {
      Path stranger;
      try {
        stranger = firstStranger(dir);
      } catch (IOException e) {
        stranger = dir;
      }
      throw new UserError(dir + ": not a response cache of jmle-bench (it has no " + TAG + " of jmle-bench"
          + (stranger != null ? ", and holds " + dir.relativize(stranger) + ", which is no cache entry); nothing in "
              + "it is touched" : "); nothing in it is touched. A cache made before caches were marked is marked by "
              + "the next 'run --cache " + dir + "'"));
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> top = Files.newDirectoryStream(dir, CacheLayout::isShard)) {
      for (Path shard : top) {
        try (DirectoryStream<Path> inside = Files.newDirectoryStream(shard, CacheLayout::isEntry)) {
          inside.forEach(entries::add);
        } catch (NoSuchFileException e) {
          // removed meanwhile
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the cache " + dir + ": " + e.getMessage(), e);
    }
    return entries;
  }
}
