package dev.jmlebench.runner;

import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One run at a time per result file: an exclusive lock on {@code NAME.lock} beside it, held from before the
 * earlier answers are read until the file is written. Two runs on one {@code --out} would otherwise both pay
 * for the same questions and interleave the journal. The lock file holds the owner's process id, so the
 * second run can say who holds it; the operating system releases the lock when its process dies, however.
 *
 * <p>The owner deletes the file when done, so a run may open the file just before it is deleted and lock it
 * just after: that lock guards nothing. A lock counts only when the path named the same file (by its file
 * key, the device and inode) before the open and after the lock. What the file holds never matters, so a
 * run killed at any point, even half-way through releasing, leaves nothing that blocks the next one.
 */
final class RunLock implements AutoCloseable {
  static final String SUFFIX = dev.jmlebench.results.ResultSchema.Journal.LOCK_SUFFIX;
  /** Each retry means another run took or gave back the lock meanwhile; this many in a row is not a race. */
  private static final int ATTEMPTS = 1000;

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /** {@code results/x.json} → {@code results/x.lock}. */
  static Path pathFor(Path out) {
    String name = out.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    return out.resolveSibling(stem + SUFFIX);
  }

  static RunLock take(Path out) {
    Path path = pathFor(out);
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Object before = fileKey(path);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held by this very process (another run in the same JVM)
        }
        if (lock == null) {
          String holder = holder(ch);
          ch.close();
          throw new UserError("--out " + out + " is in use by another run (" + holder + "): wait for it to "
              + "end, or choose another --out");
        }
        if (before == null || !before.equals(fileKey(path))) {
          // Created by this open, or deleted or replaced meanwhile: look again at what the path names now.
          lock.release();
          ch.close();
          continue;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new RunLock(path, ch, lock);
      }
      throw new UserError("--out " + out + ": its lock file " + path + " keeps being replaced by other runs");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The file key (device and inode) of what the path names, {@code null} when nothing is there. Where the
   * file system has no keys, a stand-in that equals itself, so the lock is taken as it is.
   */
  private static Object fileKey(Path path) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return Objects.requireNonNullElse(a.fileKey(), NO_KEYS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static final Object NO_KEYS = new Object();

  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(32);
    ch.read(buf, 0);
    String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("\\d+") ? "process " + pid : "another process";
  }

  /** Removes the lock file, then lets go: a run that opened it meanwhile sees it gone and looks again. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + path + ": " + e.getMessage(), e);
    }
  }
}
