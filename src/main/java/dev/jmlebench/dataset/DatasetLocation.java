package dev.jmlebench.dataset;

import dev.jmlebench.common.UserCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an exam's dataset is looked for: {@code --dataset PATH}, else {@code JMLE_BENCH_DATASET}, else the
 * user cache, one folder per exam ({@code $XDG_CACHE_HOME/jmle-bench/{exam}}, by default
 * {@code $HOME/.cache/jmle-bench/{exam}}: {@link UserCache}), laid out as the exam's upstream repository.
 */
public final class DatasetLocation {
  public static final String ENV = "JMLE_BENCH_DATASET";

  private DatasetLocation() {}

  /** The dataset folder of {@code exam}; {@code flag} may name the folder or a JSON file inside it. */
  public static Path resolve(Path flag, String exam) {
    return resolve(flag, exam, System.getenv());
  }

  static Path resolve(Path flag, String exam, Map<String, String> env) {
    if (flag != null) {
      return folderOf(flag);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return folderOf(Path.of(fromEnv));
    }
    return cacheDirectory(exam, env);
  }

  /** Whether the folder is the default cache: neither {@code --dataset} nor the environment named one. */
  public static boolean isDefaultCache(Path flag) {
    String fromEnv = System.getenv(ENV);
    return flag == null && (fromEnv == null || fromEnv.isBlank());
  }

  static Path cacheDirectory(String exam, Map<String, String> env) {
    Path folder = cacheRoot(env).resolve(exam);
    // Before exams had folders of their own the 120th was cached as jmle-bench/jmle2026: keep using it.
    Path legacy = cacheRoot(env).resolve(LEGACY_120);
    if (exam.equals("120") && !Files.isDirectory(folder) && Files.isDirectory(legacy)) {
      return legacy;
    }
    return folder;
  }

  /** jmle-bench's user cache: {@code $XDG_CACHE_HOME/jmle-bench}, by default {@code $HOME/.cache/jmle-bench}. */
  public static Path cacheRoot() {
    return cacheRoot(System.getenv());
  }

  static Path cacheRoot(Map<String, String> env) {
    return UserCache.root(env, System.getProperty("user.home"));
  }

  private static final String LEGACY_120 = "jmle2026";

  private static Path folderOf(Path p) {
    if (p.getFileName() != null && p.getFileName().toString().endsWith(".json") && !Files.isDirectory(p)) {
      Path parent = p.toAbsolutePath().getParent();
      return parent;
    }
    return p;
  }
}
