package dev.jmlebench.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.score.AnswerKey;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A results folder as {@code serve} follows it, as {@code inspect view} follows its logs: a new or rewritten result
 * file appears, a removed one goes, without a restart, and the runs under way are shown with their progress
 * ({@link InProgress}). Each look lists the folder and compares each file's {@link Stamp}; only when a result file
 * changed is the site read again, and then only the changed files are read and bootstrapped ({@link Reuse}). The
 * pages learn of a change from {@link #liveJson} ({@code /live}), which carries a generation number and the runs
 * under way.
 */
public final class LiveFolder implements AutoCloseable {
  /** How often {@code serve} looks at the folder. */
  public static final Duration EVERY = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Function<String, Dataset> dataset;
  private final Function<String, AnswerKey> key;
  private final Reuse reuse = new Reuse();
  private final InProgress inProgress = new InProgress();
  private ScheduledExecutorService looking;

  /** What the pages are shown now; replaced whole, so a request sees one reading of the folder. */
  private record Shown(ViewerSite site, List<Stamp> files, long generation, List<InProgress.Run> running,
      String problem, byte[] live, Reading reading) {
    Shown(ViewerSite site, List<Stamp> files, long generation, List<InProgress.Run> running, String problem,
        byte[] live) {
      this(site, files, generation, running, problem, live, new Reading(site, generation));
    }
  }

  private volatile Shown shown;

  private LiveFolder(Path dir, Function<String, Dataset> dataset, Function<String, AnswerKey> key) {
    this.dir = dir;
    this.dataset = dataset;
    this.key = key;
  }

  /**
   * Reads the folder as {@link ViewerSite#load} does (a result file with a fault, or no result file, is an error
   * here, at the start); later looks skip a faulty file and name it instead.
   */
  public static LiveFolder load(Path dir, Function<String, Dataset> dataset, Function<String, AnswerKey> key) {
    LiveFolder f = new LiveFolder(dir, dataset, key);
    List<Stamp> files = f.listing();
    ViewerData.Folder folder = ViewerData.Folder.read(dir, f.reuse, true, ViewerSite.prepare(dataset, key, f.reuse));
    ViewerSite site = ViewerSite.load(folder, dataset, key, f.reuse);
    f.shown = shown(site, files, 1, f.inProgress.scan(dir), null);
    return f;
  }

  /** The site as last read. */
  public ViewerSite site() {
    return shown.site();
  }

  /** A reading of the folder: its site and its generation ({@code /live}'s), or -1 for a site that never changes. */
  record Reading(ViewerSite site, long generation) {}

  /** The site as last read, with its generation: the page starts from both, taken together. */
  Reading reading() {
    return shown.reading();
  }

  /** Looks at the folder every {@code every} from now on, on a thread of its own. */
  public synchronized void follow(Duration every) {
    if (looking == null) {
      looking = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "viewer-follows-the-folder");
        t.setDaemon(true);
        return t;
      });
      looking.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * One look at the folder: reads it again if a result file was added, changed or removed, and the journals of the
   * runs under way. Returns whether anything the pages show changed. A failure (a dataset that cannot be had
   * for an exam that appeared, say) keeps what was shown and says why.
   */
  public synchronized boolean look() {
    Shown before = shown;
    List<InProgress.Run> running = inProgress.scan(dir);
    try {
      List<Stamp> files = listing();
      if (files.equals(before.files())) {
        if (running.equals(before.running())) {
          return false;
        }
        shown = shown(before.site(), files, before.generation(), running, before.problem());
        return true;
      }
      ViewerData.Folder folder = ViewerData.Folder.read(dir, reuse, false, ViewerSite.prepare(dataset, key, reuse));
      ViewerSite site = ViewerSite.load(folder, dataset, key, reuse);
      reuse.keepOnly(new HashSet<>(stamps(folder)));
      // A folder emptied of result files keeps showing the last runs, and says so.
      shown = site == null
          ? shown(before.site(), files, before.generation() + 1, running, "no result files in " + dir + " now")
          : shown(site, files, before.generation() + 1, running, null);
      return true;
    } catch (RuntimeException e) {
      String problem = String.valueOf(e.getMessage());
      boolean changed = !problem.equals(before.problem()) || !running.equals(before.running());
      shown = shown(before.site(), before.files(), before.generation(), running, problem);
      return changed;
    }
  }

  /** What {@code /live} answers: the generation (it grows when the site changed), the runs under way, a problem. */
  public byte[] liveJson() {
    return shown.live();
  }

  private static Shown shown(ViewerSite site, List<Stamp> files, long generation, List<InProgress.Run> running,
      String problem) {
    ObjectNode o = JSON.createObjectNode();
    o.put("generation", generation);
    o.set("running", InProgress.json(running));
    o.put("runs", site.runs());
    ArrayNode skipped = o.putArray("skipped");
    site.skipped().forEach(s -> skipped.addObject().put("file", s.file().getFileName().toString()).put("reason", s.reason()));
    o.put("problem", problem);
    try {
      return new Shown(site, files, generation, List.copyOf(running), problem, JSON.writeValueAsBytes(o));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stamps of the folder's {@code *.json} now, in name order. */
  private List<Stamp> listing() {
    return ResultFolder.list(dir, "--results " + dir).stream().map(Stamp::of).flatMap(Optional::stream).toList();
  }

  private static List<Stamp> stamps(ViewerData.Folder folder) {
    Set<Stamp> all = new HashSet<>();
    folder.results().forEach(r -> all.add(r.stamp()));
    return List.copyOf(all);
  }

  @Override
  public synchronized void close() {
    if (looking != null) {
      looking.shutdownNow();
    }
  }
}
