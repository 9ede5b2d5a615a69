package dev.jmlebench.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
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
      String problem, Progress reading, byte[] live, Reading page) {}

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
    f.started.countDown();
    f.finished.countDown();
    return f;
  }

  /**
   * Starts following a folder at once, before it is read (issue 23.5: a lab's folder of thousands of files took
   * minutes to read before {@code serve} listened). The first reading goes on a thread of its own, and pages
   * show what is read so far: a site of the files read, made again each time the files read have doubled and
   * whenever the reading has stood still for a moment, up to {@link #PARTIAL_RUNS} runs, each labelled partial
   * ({@link ViewerApi.Partial}); {@code /live} says how far the reading is. A file with a fault is skipped and
   * named, as on later looks. Until the first files are shown there is no site (null): the server answers that
   * it is reading (503), and the page waits for them.
   */
  public static LiveFolder start(Path dir, Function<String, Dataset> dataset, Function<String, AnswerKey> key) {
    LiveFolder f = new LiveFolder(dir, optionsFault(dataset), optionsFault(key));
    List<Path> listed = ResultFolder.list(dir, "--results " + dir);
    if (listed.isEmpty()) {
      throw new UserError("--results " + dir + ": holds no result files (*.json)");
    }
    f.reading = new Progress(0, listed.size());
    f.shown = shown(null, List.of(), 0, List.of(), null, f.reading);
    Thread reader = new Thread(() -> f.readFirst(listed), "viewer-reads-the-folder");
    reader.setDaemon(true);
    reader.start();
    return f;
  }

  /**
   * A fault of the user's options found while reading ({@code --key oficial} for the exam of the first file, an
   * exam's dataset that cannot be had): not a fault of one file, so it ends the reading instead of skipping the
   * file, and {@link #awaitStart} hands it to the command.
   */
  private static final class OptionsFault extends RuntimeException {
    final UserError fault;

    OptionsFault(UserError fault) {
      super(fault.getMessage(), fault);
      this.fault = fault;
    }
  }

  private static <T> Function<String, T> optionsFault(Function<String, T> f) {
    return exam -> {
      try {
        return f.apply(exam);
      } catch (UserError e) {
        throw new OptionsFault(e);
      }
    };
  }

  private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
  private volatile UserError fault;

  /**
   * Waits until the first file is read, the reading is over, or {@code most} has passed; throws the fault of the
   * user's options the reading met by then, so that {@code serve} says it in one line instead of listening.
   */
  public void awaitStart(Duration most) throws InterruptedException {
    started.await(most.toMillis(), TimeUnit.MILLISECONDS);
    if (fault != null) {
      throw fault;
    }
  }

  /** Waits for the first reading to be over; how many result files it shows. */
  public int awaitRead() throws InterruptedException {
    finished.await();
    return shown.site() == null ? 0 : shown.site().runs();
  }

  private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

  /** How far the first reading is: files read of those listed; null once it is done. */
  record Progress(int read, int files) {}

  private volatile Progress reading;
  /** The folder as read so far, while the first reading goes on. */
  private volatile ViewerData.Folder soFar;
  private final Object publishing = new Object();

  private void readFirst(List<Path> listed) {
    ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "viewer-shows-the-folder-so-far");
      t.setDaemon(true);
      return t;
    });
    int[] published = {0};
    publisher.scheduleWithFixedDelay(() -> publishSoFar(published), 200, 200, TimeUnit.MILLISECONDS);
    try {
      List<Stamp> files = listing();
      ViewerData.Folder folder = ViewerData.Folder.read(dir, listed, reuse, false,
          ViewerSite.prepare(dataset, key, reuse), (done, read) -> {
            soFar = read.get();
            reading = new Progress(done, listed.size());
            started.countDown(); // the first file is read: the options suit its exam
          });
      ViewerSite site = ViewerSite.load(folder, dataset, key, reuse);
      synchronized (publishing) {
        reading = null;
        soFar = null;
        Shown before = shown;
        shown = site == null
            ? shown(before.site(), files, before.generation() + 1, inProgress.scan(dir), "no result files in " + dir, null)
            : shown(site, files, before.generation() + 1, inProgress.scan(dir), null, null);
      }
    } catch (RuntimeException e) {
      if (e instanceof OptionsFault o) {
        fault = o.fault;
      }
      synchronized (publishing) {
        reading = null;
        Shown before = shown;
        shown = shown(before.site(), before.files(), before.generation() + 1, before.running(),
            String.valueOf(e.getMessage()), null);
      }
    } finally {
      publisher.shutdownNow();
      started.countDown();
      finished.countDown();
    }
  }

  /**
   * Shows the files read so far when they have doubled since last shown, or when the reading has stood still
   * since the last look (a file that is slow to read) and some were read since.
   */
  private void publishSoFar(int[] published) {
    ViewerData.Folder folder = soFar;
    Progress progress = reading;
    if (folder == null || progress == null || folder.results().isEmpty()) {
      return;
    }
    int n = folder.results().size();
    if (published[0] >= PARTIAL_RUNS) {
      refreshLive(progress);
      return;
    }
    boolean doubled = n >= 2 * published[0];
    boolean stalled = folder == lastSeen && n > published[0];
    lastSeen = folder;
    if (!doubled && !stalled) {
      refreshLive(progress);
      return;
    }
    ViewerSite site;
    try {
      site = ViewerSite.load(folder, dataset, key, reuse, new ViewerApi.Partial(progress.read(), progress.files()));
    } catch (RuntimeException e) {
      return; // the reading itself meets the fault, and says so
    }
    synchronized (publishing) {
      if (reading == null) {
        return; // done meanwhile: the whole folder is shown
      }
      published[0] = n;
      Shown before = shown;
      shown = shown(site, before.files(), before.generation() + 1, before.running(), null, reading);
    }
  }

  private ViewerData.Folder lastSeen;

  /**
   * The most runs a partial site is made of: past them the pages keep the last partial site (labelled, /live
   * counting on) until the whole folder is shown, so that partial sites cost neither the memory of a second
   * site of the whole folder nor its time.
   */
  static final int PARTIAL_RUNS = 512;

  /** Keeps {@code /live}'s count of files read up to date between the sites shown. */
  private void refreshLive(Progress progress) {
    synchronized (publishing) {
      Shown before = shown;
      if (reading != null && !progress.equals(before.reading())) {
        shown = shown(before.site(), before.files(), before.generation(), before.running(), before.problem(), progress);
      }
    }
  }

  /** The site as last read. */
  public ViewerSite site() {
    return shown.site();
  }

  /** A reading of the folder: its site and its generation ({@code /live}'s), or -1 for a site that never changes. */
  record Reading(ViewerSite site, long generation) {}

  /** The site as last read, with its generation: the page starts from both, taken together. */
  Reading reading() {
    return shown.page();
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
    if (finished.getCount() > 0) {
      return false; // the first reading is still going on: it shows what it reads
    }
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
    return shown(site, files, generation, running, problem, null);
  }

  private static Shown shown(ViewerSite site, List<Stamp> files, long generation, List<InProgress.Run> running,
      String problem, Progress reading) {
    ObjectNode o = JSON.createObjectNode();
    o.put("generation", generation);
    o.set("running", InProgress.json(running));
    o.put("runs", site == null ? 0 : site.runs());
    ArrayNode skipped = o.putArray("skipped");
    if (site != null) {
      site.skipped().forEach(s -> skipped.addObject().put("file", s.file().getFileName().toString()).put("reason", s.reason()));
    }
    o.put("problem", problem);
    if (reading != null) {
      o.putObject("reading").put("read", reading.read()).put("files", reading.files());
    }
    try {
      return new Shown(site, files, generation, List.copyOf(running), problem, reading, JSON.writeValueAsBytes(o),
          new Reading(site, generation));
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
