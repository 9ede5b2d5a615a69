package dev.jmlebench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aNewFileIsReadableByAllLikeAnyOtherFile() throws IOException {
    Path file = dir.resolve("new.json");
    AtomicFiles.write(file, "{}".getBytes());
    assertThat(file).hasContent("{}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path file = dir.resolve("README.md");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    AtomicFiles.write(file, "new".getBytes());
    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    AtomicFiles.write(dir.resolve("a"), new byte[] {1});
    AtomicFiles.write(dir.resolve("a"), new byte[] {2});
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a");
    }
  }
}
