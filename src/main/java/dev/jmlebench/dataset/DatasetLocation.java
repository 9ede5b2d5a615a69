package dev.jmlebench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the dataset is looked for: {@code --dataset PATH}, else {@code JMLE_BENCH_DATASET}, else the user
 * cache ({@code $XDG_CACHE_HOME/jmle-bench/jmle2026}, by default {@code ~/.cache/jmle-bench/jmle2026}).
 */
public final class DatasetLocation {
  public static final String ENV = "JMLE_BENCH_DATASET";

  private DatasetLocation() {}

  /** The dataset folder; {@code flag} may name the folder or the JSON file inside it. */
  public static Path resolve(Path flag) {
    return resolve(flag, System.getenv());
  }

  static Path resolve(Path flag, Map<String, String> env) {
    if (flag != null) {
      return folderOf(flag);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return folderOf(Path.of(fromEnv));
    }
    return cacheDirectory(env);
  }

  static Path cacheDirectory(Map<String, String> env) {
    return cacheRoot(env).resolve("jmle2026");
  }

  /** jmle-bench's user cache: {@code $XDG_CACHE_HOME/jmle-bench}, by default {@code ~/.cache/jmle-bench}. */
  public static Path cacheRoot() {
    return cacheRoot(System.getenv());
  }

  static Path cacheRoot(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("jmle-bench");
  }

  private static Path folderOf(Path p) {
    if (p.getFileName() != null && p.getFileName().toString().endsWith(".json") && !Files.isDirectory(p)) {
      Path parent = p.toAbsolutePath().getParent();
      return parent;
    }
    return p;
  }
}
