package dev.jmlebench.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers only ever see the old or the new content: the bytes go to a temporary
 * file in the same directory, are forced to disk, and the temporary file is renamed over the target.
 * A crash at any instant leaves the previous file intact. The new file keeps the permissions of the one
 * it replaces (a new file gets rw-r--r--), not the owner-only mode of a temporary file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * As {@link #write}, unless {@code target} already holds exactly {@code content}: then it is left as it is
   * (its time included) and false is returned. Rebuilt outputs that did not change cost no write and no sync.
   */
  public static boolean writeIfChanged(Path target, byte[] content) {
    try {
      if (Files.isRegularFile(target) && Files.size(target) == content.length
          && java.util.Arrays.equals(Files.readAllBytes(target), content)) {
        return false;
      }
    } catch (IOException e) {
      // unreadable: written anew below, which reports a real problem
    }
    write(target, content);
    return true;

  }

  /** What goes into a file written by {@link #write(Path, Content)}: written to the stream it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, byte[] content) {
    write(target, out -> out.write(content));
  }

  /** As {@link #write(Path, byte[])}, the content written as it is made (a file larger than memory, say). */
  public static void write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      setPermissions(tmp, target);
      moveIntoPlace(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the target itself was not touched
        }
      }
    }
  }

  /**
   * Checks, before any work is done, that {@code target} can be written: its folder exists or can be made,
   * and a file can be created in it. A parent that is a file or a folder that refuses writes (read-only,
   * immutable) is the user's to fix, so it is a {@link UserError} naming {@code option}, not a failure later.
   */
  public static void checkWritable(Path target, String option) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, "." + target.getFileName() + ".", ".probe"));
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      throw new UserError(option + " " + target + ": cannot write there: " + e.getFile() + " is a file, not a folder");
    } catch (IOException e) {
      throw new UserError(option + " " + target + ": cannot write there: " + e.getMessage());
    }
  }

  /**
   * Removes the temporary files a process killed in the middle of {@link #write} left beside {@code target}.
   * Only for a caller that knows no other process writes the target now (it holds the target's lock).
   */
  public static void removeLeftovers(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + target.getFileName() + ".";
    try (var files = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".tmp") && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    })) {
      for (Path p : files) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove leftover temporary files beside " + target + ": "
          + e.getMessage(), e);
    }
  }

  private static void setPermissions(Path tmp, Path target) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> mode = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, mode);
  }

  /** Renames {@code source} over {@code target}, atomically where the file system allows it. */
  public static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
