package dev.jmlebench.leaderboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The leaderboard's one rule for "this file has not changed since it was last looked at": its size, its
 * modification time and a CRC32C of its bytes. Size and time alone miss an edit within the file system's time
 * resolution that keeps the size (a test, a script rewriting a score), so the bytes are summed too; reading a
 * folder's files from the page cache and summing them with the CPU's CRC32C instruction costs a few milliseconds
 * per hundred megabytes, against tens of milliseconds per file to parse and grade one. Used for what the charts
 * are drawn from ({@link ChartCache#inputs}) and for what grading each file yields ({@link GradingIndex}).
 */
record FileStamp(long size, long modifiedMillis, long crc32c) {
  /** The stamp of {@code file} as it is now; a file that cannot be read has none (null). */
  static FileStamp of(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long modified = Files.getLastModifiedTime(file).toMillis();
      CRC32C crc = new CRC32C();
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      while (ch.read(buf) > 0) {
        buf.flip();
        crc.update(buf);
        buf.clear();
      }
      return new FileStamp(size, modified, crc.getValue());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** As recorded: {@code size mtime crc32c}. */
  @Override
  public String toString() {
    return size + " " + modifiedMillis + " " + Long.toHexString(crc32c);
  }
}
