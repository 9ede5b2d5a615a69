package dev.jmlebench.viewer;

import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Writes the viewer as a static site: the same page and script, every data document as
 * {@code data/KEY.js} (pages opened from disk may not fetch files, but they may load scripts), and the
 * clinical images. The site is built beside the target folder and moved into place when complete, so an
 * interrupted report never leaves half a site; an existing folder is replaced only when it is empty or an
 * earlier report.
 */
public final class ReportWriter {
  /** Marks a folder as a report, so that writing the report again may replace it. */
  static final String MARKER = ".jmle-bench-report";

  /** What was written. */
  public record Written(Path folder, int documents, int images, long bytes) {}

  private ReportWriter() {}

  /** The report of one exam's data. */
  public static Written write(ViewerApi api, Path out) {
    return write(ViewerSite.of(api), out);
  }

  /** The report of a folder's exams. */
  public static Written write(ViewerSite site, Path out) {
    Path target = out.toAbsolutePath().normalize();
    checkReplaceable(target);
    AtomicFiles.checkWritable(target, "--out");
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
      try {
        Written w = writeInto(site, staging);
        replace(staging, target);
        return new Written(target, w.documents(), w.images(), w.bytes());
      } finally {
        if (Files.exists(staging)) {
          deleteTree(staging);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  private static Written writeInto(ViewerSite api, Path dir) throws IOException {
    WebAssets assets = new WebAssets();
    long bytes = 0;
    bytes += put(dir.resolve(WebAssets.INDEX), assets.staticPage());
    for (String name : WebAssets.ASSETS.keySet()) {
      bytes += put(dir.resolve("assets").resolve(name), assets.asset(name));
    }
    int documents = 0;
    for (String key : api.keys()) {
      byte[] json = api.json(key).orElseThrow();
      byte[] script = ("JMLE.put(" + quote(key) + ", " + new String(json, StandardCharsets.UTF_8) + ");\n")
          .getBytes(StandardCharsets.UTF_8);
      bytes += put(dir.resolve("data").resolve(key + ".js"), script);
      documents++;
    }
    int copied = 0;
    Path imageDir = Files.createDirectories(dir.resolve("images"));
    for (DatasetImages images : api.images()) {
      for (String name : images.names()) {
        Path source = images.resolve(name).orElse(null);
        if (source != null && !Files.exists(imageDir.resolve(name))) {
          Files.copy(source, imageDir.resolve(name));
          bytes += Files.size(source);
          copied++;
        }
      }
    }
    put(dir.resolve(MARKER), "written by jmle-bench report\n".getBytes(StandardCharsets.UTF_8));
    return new Written(dir, documents, copied, bytes);
  }

  private static void checkReplaceable(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new UserError("--out " + target + ": exists and is not a folder");
    }
    if (!Files.exists(target.resolve(MARKER)) && !isEmpty(target)) {
      throw new UserError("--out " + target + ": is not empty and holds no earlier report; choose another folder");
    }
  }

  private static void replace(Path staging, Path target) throws IOException {
    if (Files.exists(target)) {
      Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static long put(Path file, byte[] body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, body);
    return body.length;
  }

  /** A key as a JavaScript string literal; keys hold only URL-safe characters, but quote anyway. */
  private static String quote(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UserError("--out " + dir + ": cannot read the folder: " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
