package dev.jmlebench.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * jmle-bench's folder in the user's cache, where datasets, fetched upstreams and replies are kept, found as
 * the XDG Base Directory specification says: {@code $XDG_CACHE_HOME/jmle-bench} when that variable holds an
 * absolute path (a relative one is ignored, as the specification asks), else {@code $HOME/.cache/jmle-bench}.
 * {@code $HOME} is read from the environment, as shell tools, Maven and Python read it: Java's
 * {@code user.home} ignores it (it comes from the password database), so {@code HOME=/tmp/x jmle-bench …}
 * would otherwise still use the real home's cache. Only without {@code $HOME} is {@code user.home} taken.
 */
public final class UserCache {
  private UserCache() {}

  public static Path root() {
    return root(System.getenv(), System.getProperty("user.home"));
  }

  /** As {@link #root()}, for the given environment and {@code user.home}. */
  public static Path root(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("jmle-bench");
    }
    String home = env.get("HOME");
    Path base = home != null && !home.isBlank() && Path.of(home).isAbsolute() ? Path.of(home) : Path.of(userHome);
    return base.resolve(".cache").resolve("jmle-bench");
  }
}
