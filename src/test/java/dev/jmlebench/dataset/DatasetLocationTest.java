package dev.jmlebench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where an exam is looked for by default: the user cache as XDG tools find it, with {@code $HOME} as the shell
 * has it (Java's {@code user.home} ignores it: {@code HOME=/tmp/h jmle-bench …} used the real home's cache).
 */
class DatasetLocationTest {
  @Test
  void theCacheFollowsHomeAsTheShellHasIt() {
    assertThat(DatasetLocation.resolve(null, "120", Map.of("HOME", "/tmp/elsewhere")))
        .isEqualTo(Path.of("/tmp/elsewhere/.cache/jmle-bench/120"));
  }

  @Test
  void xdgCacheHomeWinsWhenItIsAnAbsolutePath() {
    assertThat(DatasetLocation.resolve(null, "119", Map.of("HOME", "/tmp/h", "XDG_CACHE_HOME", "/var/cache/me")))
        .isEqualTo(Path.of("/var/cache/me/jmle-bench/119"));
    // The XDG specification: a relative path in the variable is invalid and ignored.
    assertThat(DatasetLocation.resolve(null, "119", Map.of("HOME", "/tmp/h", "XDG_CACHE_HOME", "cache")))
        .isEqualTo(Path.of("/tmp/h/.cache/jmle-bench/119"));
  }

  @Test
  void withoutHomeItIsUnderJavasUserHome() {
    assertThat(DatasetLocation.resolve(null, "120", Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "jmle-bench", "120"));
  }

  @Test
  void theDatasetVariableAndTheFlagComeFirst() {
    assertThat(DatasetLocation.resolve(null, "120", Map.of("HOME", "/tmp/h", DatasetLocation.ENV, "/data/x")))
        .isEqualTo(Path.of("/data/x"));
    assertThat(DatasetLocation.resolve(Path.of("/data/y"), "120", Map.of("HOME", "/tmp/h"))).isEqualTo(Path.of("/data/y"));
  }
}
