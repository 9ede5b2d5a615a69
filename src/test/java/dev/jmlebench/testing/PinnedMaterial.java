package dev.jmlebench.testing;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.DatasetDownloader;
import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.dataset.Upstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Material the tests read: the folder in ../shared when it is there, else the files its manifests pin,
 * fetched from their upstream commit into the user cache ({@code $XDG_CACHE_HOME/jmle-bench/upstream/
 * OWNER/REPO/COMMIT/}) by the downloader users use, every file SHA-256 verified. {@code JMLE_BENCH_MIRROR}
 * replaces raw GitHub as for users. With neither, the test fails with one line saying how to provide it.
 */
public final class PinnedMaterial {
  private PinnedMaterial() {}

  /** Where to read: {@code shared} if present, else the cache folder holding every manifest's files. */
  public static Path locate(Path shared, List<Manifest> manifests, Path cacheRoot, String mirror) {
    if (Files.isDirectory(shared)) {
      return shared;
    }
    Upstream upstream = manifests.get(0).upstream();
    Path folder = cacheRoot.resolve("upstream").resolve(upstream.owner()).resolve(upstream.repo())
        .resolve(upstream.commit());
    for (Manifest m : manifests) {
      if (!m.upstream().equals(upstream)) {
        throw new IllegalArgumentException("manifests of one folder must pin one upstream: " + m.upstream());
      }
      try {
        int fetched = new DatasetDownloader(m, m.upstream().source(mirror)).download(folder, step -> { });
        if (fetched > 0) {
          System.err.printf("tests: %s is not there; fetched %d pinned files from %s into %s%n", shared,
              fetched, m.upstream().source(mirror), folder);
        }
      } catch (UserError e) {
        throw new IllegalStateException(shared + " is not there and its pinned files could not be fetched ("
            + e.getMessage() + "): put the material at " + shared + ", or set " + Upstream.MIRROR_ENV
            + "=URL to a mirror laid out as URL/{owner}/{repo}/{commit}/{path}");
      }
    }
    return folder;
  }
}
