package dev.jmlebench.viewer;

import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes the viewer as a static site: the same page and script, every data document in a script under
 * {@code data/} (pages opened from disk may not fetch files, but they may load scripts) — {@code data/KEY.js},
 * a run's answers together in one ({@link #scriptOf}) — and the clinical images, each content once. The site is built beside the target folder and moved into place when complete, so an
 * interrupted report never leaves half a site, and a stop (Ctrl-C, SIGTERM) removes what was begun; an existing
 * folder is replaced only when it is empty or an earlier report. Documents are built on every core.
 */
public final class ReportWriter {
  /** Marks a folder as a report, so that writing the report again may replace it. */
  static final String MARKER = ".jmle-bench-report";
  private static final byte[] SCRIPT_END = ");\n".getBytes(StandardCharsets.UTF_8);

  /**
   * What was written: the data documents and the script files that hold them, the images stored (each distinct
   * content once) and the bytes.
   */
  public record Written(Path folder, int documents, int scripts, int images, long bytes) {}

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
        return new Written(target, w.documents(), w.scripts(), w.images(), w.bytes());
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

    /** Links {@code relative} to the file already at {@code existing}; false where links cannot be made. */
    synchronized boolean link(String relative, String existing) throws IOException {
      checkGoing();
      try {
        Files.createLink(dir.resolve(relative), dir.resolve(existing));
        return true;
      } catch (UnsupportedOperationException | FileSystemException e) {
        return false;
      }
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
    List<String> keys = api.reportKeys();
    Map<String, List<String>> scripts = new LinkedHashMap<>();
    keys.forEach(key -> scripts.computeIfAbsent(scriptOf(key), s -> new ArrayList<>()).add(key));
    // Building a document (a pair's bootstrap, an answer's Markdown) is the work; spread it over the cores.
    AtomicLong written = new AtomicLong();
    try {
      scripts.entrySet().parallelStream().forEach(script -> {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String key : script.getValue()) {
          body.writeBytes(("JMLE.put(" + quote(key) + ", ").getBytes(StandardCharsets.UTF_8));
          body.writeBytes(api.json(key).orElseThrow());
          body.writeBytes(SCRIPT_END);
        }
        try {
          written.addAndGet(dir.put("data/" + script.getKey() + ".js", body.toByteArray()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    bytes += written.get();
    dir.folder("images");
    Images images = new Images(dir);
    for (DatasetImages exam : api.images()) {
      for (String name : exam.names()) {
        Path source = exam.resolve(name).orElse(null);
        if (source != null) {
          bytes += images.add(source, name);
        }
      }
    }
    dir.put(MARKER, "written by jmle-bench report\n".getBytes(StandardCharsets.UTF_8));
    return new Written(dir.dir, keys.size(), scripts.size(), images.stored, bytes);
  }

  /**
   * The script (its path under {@code data/}, without {@code .js}) that holds a key's document: a run's answers
   * share one script, {@code answer/ID} ({@code exam/E/answer/ID} for another exam), so that a report's files
   * grow with its runs and questions, not with their product; every other key has its own. The page's
   * {@code scriptOf} in {@code js/data.js} is the same rule.
   */
  static String scriptOf(String key) {
    String[] parts = key.split("/", -1);
    int kind = key.startsWith(ViewerSite.EXAM_PREFIX) && parts.length > 2 ? 2 : 0;
    if (parts.length == kind + 3 && parts[kind].equals("answer")) {
      return String.join("/", Arrays.asList(parts).subList(0, kind + 2));
    }
    return key;
  }

  /**
   * The clinical images, each content stored once: a name whose bytes an earlier name already holds (serial
   * questions share their pictures under each question's name) is a hard link to it, or a copy where the file
   * system has no links. Names stay as the dataset's, so the pages ask for them as the server serves them.
   */
  private static final class Images {
    private final Staging dir;
    private final Map<String, String> firstNameByDigest = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    int stored;

    Images(Staging dir) {
      this.dir = dir;
    }

    /** The bytes this name adds to the report: none for a name already there or a content already stored. */
    long add(Path source, String name) throws IOException {
      if (!names.add(name)) {
        return 0;
      }
      String first = firstNameByDigest.putIfAbsent(digest(source), name);
      if (first != null && dir.link("images/" + name, "images/" + first)) {
        return 0;
      }
      dir.copy(source, "images/" + name);
      stored++;
      return Files.size(source);
    }

    private static String digest(Path file) throws IOException {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
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
