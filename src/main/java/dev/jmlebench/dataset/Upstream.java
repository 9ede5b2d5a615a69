package dev.jmlebench.dataset;

import dev.jmlebench.common.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pinned upstream repository at one commit, and where its files are fetched from: raw GitHub, or a mirror
 * named by {@code JMLE_BENCH_MIRROR} laid out the same way, {@code URL/{owner}/{repo}/{commit}/{path}}, so
 * one variable serves every pinned upstream (for mirrors, CI and machines without internet).
 */
public record Upstream(String owner, String repo, String commit) {
  public static final String MIRROR_ENV = "JMLE_BENCH_MIRROR";
  static final String RAW_GITHUB = "https://raw.githubusercontent.com";
  private static final Pattern GITHUB = Pattern.compile("(?:github\\.com/)?([\\w.-]+)/([\\w.-]+)");

  /** {@code github.com/OWNER/REPO} (or {@code OWNER/REPO}) at a 40-digit commit. */
  public static Upstream of(String repository, String commit) {
    Matcher m = GITHUB.matcher(repository);
    if (!m.matches()) {
      throw new UserError("upstream '" + repository + "' is not github.com/OWNER/REPO");
    }
    return new Upstream(m.group(1), m.group(2), commit);
  }

  /** Base URL of the pinned files: the mirror in {@code $JMLE_BENCH_MIRROR}, else raw GitHub. */
  public String source() {
    return source(System.getenv(MIRROR_ENV));
  }

  /** Base URL of the pinned files under {@code mirror} (raw GitHub when null or blank), ending in '/'. */
  public String source(String mirror) {
    String base = mirror == null || mirror.isBlank() ? RAW_GITHUB : mirror.strip().replaceFirst("/+$", "");
    return base + "/" + owner + "/" + repo + "/" + commit + "/";
  }
}
