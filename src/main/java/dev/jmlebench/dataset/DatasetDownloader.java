package dev.jmlebench.dataset;

import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.NetworkCause;
import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Fetches every file the manifest lists from {@code source} (by default raw GitHub at the pinned commit)
 * into a dataset folder. A file already present with the right hash is kept, so an interrupted download
 * resumes where it stopped; a partly fetched file ({@code .part}) continues with an HTTP range request.
 * Each file is verified before it is moved into place: a file with the wrong hash is deleted, never kept.
 */
public final class DatasetDownloader {
  private static final String PART = ".part";

  private final HttpClient http;
  private final Manifest manifest;
  private final String source;

  /** Progress of one file: its index (1-based), the total and what happened. */
  public record Step(int index, int total, String path, String outcome, long bytes) {}

  public DatasetDownloader(Manifest manifest, String source) {
    this.manifest = manifest;
    this.source = source.endsWith("/") ? source : source + "/";
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Downloads into {@code directory}; returns the number of files fetched (not already present). */
  public int download(Path directory, Consumer<Step> progress) {
    int total = manifest.entries().size();
    int fetched = 0;
    int index = 0;
    for (Manifest.Entry e : manifest.entries()) {
      index++;
      Path target = directory.resolve(e.path()).normalize();
      if (!target.startsWith(directory.normalize())) {
        throw new UserError("manifest path escapes the dataset folder: " + e.path());
      }
      if (Files.isRegularFile(target) && Hashing.sha256Hex(target).equals(e.sha256())) {
        progress.accept(new Step(index, total, e.path(), "present", 0));
        continue;
      }
      long bytes = fetch(e, target);
      fetched++;
      progress.accept(new Step(index, total, e.path(), "fetched", bytes));
    }
    return fetched;
  }

  private long fetch(Manifest.Entry entry, Path target) {
    Path part = target.resolveSibling(target.getFileName() + PART);
    URI uri = URI.create(source + entry.path());
    try {
      Files.createDirectories(target.getParent());
      long have = Files.isRegularFile(part) ? Files.size(part) : 0;
      HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET();
      if (have > 0) {
        req.header("Range", "bytes=" + have + "-");
      }
      HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      boolean append = resp.statusCode() == 206;
      if (resp.statusCode() != 200 && !append) {
        resp.body().close();
        throw new UserError(uri + ": HTTP " + resp.statusCode() + " while downloading " + entry.path());
      }
      long written;
      try (InputStream in = resp.body();
          OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        written = in.transferTo(out);
      }
      String actual = Hashing.sha256Hex(part);
      if (!actual.equals(entry.sha256())) {
        Files.deleteIfExists(part);
        throw new UserError(entry.path() + ": SHA-256 mismatch from " + uri + " (expected " + entry.sha256()
            + ", got " + actual + "); nothing was kept");
      }
      AtomicFiles.moveIntoPlace(part, target);
      return written;
    } catch (IOException e) {
      // The .part file stays: the next run continues it with a range request.
      throw new UserError("cannot download " + uri + ": " + NetworkCause.describe(e, uri.getHost())
          + "; run the command again to resume");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("download of " + entry.path() + " interrupted; run the command again to resume");
    }
  }
}
