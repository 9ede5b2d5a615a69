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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per result file: an exclusive lock on {@code NAME.lock} beside it, held from before the
 * earlier answers are read until the file is written. Two runs on one {@code --out} would otherwise both pay
 * for the same questions and interleave the journal. The lock file holds the owner's process id, so the
 * second run can say who holds it; the operating system releases the lock when its process dies, however.
 */
final class RunLock implements AutoCloseable {
  static final String SUFFIX = ".lock";
  private static final String RELEASED = "released";

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
      while (true) {
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
        // The previous owner marks the file released before removing it: one opened just before that is dead.
        if (content(ch).equals(RELEASED)) {
          lock.release();
          ch.close();
          continue;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new RunLock(path, ch, lock);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + path + ": " + e.getMessage(), e);
    }
  }

  private static String holder(FileChannel ch) throws IOException {
    String pid = content(ch);
    return pid.matches("\\d+") ? "process " + pid : "another process";
  }

  private static String content(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(32);
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
  }

  /** Removes the lock file, then lets go: a run waiting to start finds no file or an unlocked one. */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(RELEASED.getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      Files.deleteIfExists(path);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + path + ": " + e.getMessage(), e);
    }
  }
}
