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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes the viewer as a static site: the same page and script, every data document as
 * {@code data/KEY.js} (pages opened from disk may not fetch files, but they may load scripts), and the
 * clinical images. The site is built beside the target folder and moved into place when complete, so an
 * interrupted report never leaves half a site, and a stop (Ctrl-C, SIGTERM) removes what was begun; an existing
 * folder is replaced only when it is empty or an earlier report. Documents are built on every core.
 */
public final class ReportWriter {
  /** Marks a folder as a report, so that writing the report again may replace it. */
  static final String MARKER = ".jmle-bench-report";
  private static final byte[] SCRIPT_END = ");\n".getBytes(StandardCharsets.UTF_8);

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
      Staging staging = new Staging(Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-"));
      Thread onStop = new Thread(staging::abandon, "jmle-bench-report-cleanup");
      Runtime.getRuntime().addShutdownHook(onStop);
      try {
        Written w = writeInto(site, staging);
        staging.replace(target);
        return new Written(target, w.documents(), w.images(), w.bytes());
      } finally {
        staging.clean();
        try {
          Runtime.getRuntime().removeShutdownHook(onStop);
        } catch (IllegalStateException stopping) {
          // The JVM is stopping: the hook runs, or ran.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  /**
   * The folder being written, and the earlier report while it is being replaced. A stop removes both: every
   * write checks, under the same lock, that no stop has begun, so once the shutdown hook holds the lock
   * nothing more is written and what is there can be deleted whole.
   */
  private static final class Staging {
    private final Path dir;
    private Path old;
    private boolean abandoned;

    Staging(Path dir) {
      this.dir = dir;
    }

    long put(String relative, byte[] body) throws IOException {
      Path file = dir.resolve(relative);
      synchronized (this) {
        checkGoing();
        Files.createDirectories(file.getParent());
        Files.write(file, body);
      }
      return body.length;
    }

    synchronized void copy(Path source, String relative) throws IOException {
      checkGoing();
      Files.copy(source, dir.resolve(relative));
    }

    synchronized void folder(String relative) throws IOException {
      checkGoing();
      Files.createDirectories(dir.resolve(relative));
    }

    synchronized boolean has(String relative) {
      return Files.exists(dir.resolve(relative));
    }

    private void checkGoing() throws IOException {
      if (abandoned) {
        throw new IOException("stopped");
      }
    }

    /** Moves the new site into place, setting an earlier report aside first and then deleting it. */
    void replace(Path target) throws IOException {
      synchronized (this) {
        checkGoing();
        if (Files.exists(target)) {
          old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
          Files.delete(old);
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }

    /** On a stop: no more writes, and whatever was begun is removed. */
    void abandon() {
      synchronized (this) {
        abandoned = true;
      }
      clean();
    }

    synchronized void clean() {
      for (Path p : new Path[] {dir, old}) {
        if (p != null && Files.exists(p)) {
          try {
            deleteTree(p);
          } catch (IOException e) {
            // Nothing more can be done on the way out; the folder starts with a dot and names itself.
          }
        }
      }
    }
  }

  private static Written writeInto(ViewerSite api, Staging dir) throws IOException {
    WebAssets assets = new WebAssets();
    long bytes = 0;
    bytes += dir.put(WebAssets.INDEX, assets.staticPage());
    for (String name : WebAssets.ASSETS.keySet()) {
      bytes += dir.put("assets/" + name, assets.asset(name));
    }
    List<String> keys = api.keys();
    // Building a document (a pair's bootstrap, an answer's Markdown) is the work; spread it over the cores.
    AtomicLong written = new AtomicLong();
    try {
      keys.parallelStream().forEach(key -> {
        byte[] json = api.json(key).orElseThrow();
        byte[] head = ("JMLE.put(" + quote(key) + ", ").getBytes(StandardCharsets.UTF_8);
        byte[] script = new byte[head.length + json.length + SCRIPT_END.length];
        System.arraycopy(head, 0, script, 0, head.length);
        System.arraycopy(json, 0, script, head.length, json.length);
        System.arraycopy(SCRIPT_END, 0, script, head.length + json.length, SCRIPT_END.length);
        try {
          written.addAndGet(dir.put("data/" + key + ".js", script));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    bytes += written.get();
    int documents = keys.size();
    int copied = 0;
    dir.folder("images");
    for (DatasetImages images : api.images()) {
      for (String name : images.names()) {
        Path source = images.resolve(name).orElse(null);
        if (source != null && !dir.has("images/" + name)) {
          dir.copy(source, "images/" + name);
          bytes += Files.size(source);
          copied++;
        }
      }
    }
    dir.put(MARKER, "written by jmle-bench report\n".getBytes(StandardCharsets.UTF_8));
    return new Written(dir.dir, documents, copied, bytes);
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
