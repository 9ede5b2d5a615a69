package dev.jmlebench.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ApiFailure;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.Transience;
import dev.jmlebench.client.batch.BatchApi;
import dev.jmlebench.common.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks pending questions as one batch ({@code run --batch}): records the intent, submits them — or reattaches
 * to the batch an interrupted run submitted ({@link BatchJournal}), looking for it first when only its intent
 * was recorded — polls it with a growing interval and a progress line until it has ended or the wait is over,
 * and hands every answer over as it is read back. Requests the batch did not answer (failed, expired) are
 * returned, for the run to ask one by one. Whatever the server does, the batch stays recorded until its
 * answers are journaled, and every fault is one line that says how to go on.
 */
public final class BatchAsking {
  /** One request to batch: the run's custom id for it, and the exact body a direct request sends. */
  public record Pending(String customId, ObjectNode body) {}

  /** Receives each answer of the batch; it journals it before the next one is handed over. */
  public interface Sink {
    void answered(String customId, Completion completion);
  }

  /** How long a run waits for its batch by default: the 24-hour completion window and a margin. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofHours(26);
  static final Duration FIRST_POLL = Duration.ofMillis(500);
  static final Duration MAX_POLL = Duration.ofMinutes(1);
  static final double POLL_GROWTH = 1.5;
  /** The progress line is printed again at least this often while nothing changes: the wait shows. */
  static final Duration HEARTBEAT = Duration.ofMinutes(10);
  /** Polls that may fail in a row (the provider down for a while) before the run stops and leaves the batch. */
  static final int MAX_FAILED_POLLS = 10;
  /** Downloads of the results tried before the run stops and leaves the batch (transient failures only). */
  static final int FETCH_ATTEMPTS = 4;
  static final Duration FIRST_FETCH_RETRY = Duration.ofSeconds(2);

  private final BatchApi api;
  private final Path journal;
  private final PrintWriter out;
  private final Duration maxWait;

  public BatchAsking(BatchApi api, Path journal, PrintWriter out) {
    this(api, journal, out, DEFAULT_MAX_WAIT);
  }

  /** @param maxWait how long to wait for the batch to end before the run stops, leaving it recorded */
  public BatchAsking(BatchApi api, Path journal, PrintWriter out, Duration maxWait) {
    this.api = api;
    this.journal = journal;
    this.out = out;
    this.maxWait = maxWait;
  }

  /** Returns the custom ids of {@code pending} that are still without an answer. */
  public Set<String> run(List<Pending> pending, Sink sink) throws InterruptedException {
    Set<String> left = new LinkedHashSet<>();
    pending.forEach(p -> left.add(p.customId()));
    BatchJournal batch = BatchJournal.read(journal);
    if (batch != null && !batch.api().equals(api.name())) {
      throw new UserError(journal + " holds a batch of the " + batch.api() + " API, not " + api.name()
          + ": pass --api " + batch.api() + " to reattach to it, or remove the file to forget it");
    }
    if (batch != null && batch.batchId() == null) {
      batch = findIntended(batch);
    }
    if (batch != null) {
      out.println("Reattaching to batch " + batch.batchId() + " (submitted " + batch.submittedAt() + ", "
          + batch.customIds().size() + " requests) instead of submitting again.");
    } else {
      batch = submit(pending);
      if (batch == null) {
        out.flush();
        return left;
      }
    }
    out.flush();
    BatchApi.Status ended = waitFor(batch.batchId());
    Set<String> inBatch = new HashSet<>(batch.customIds());
    Tally tally = fetch(ended, inBatch, left, sink);
    int failed = (int) batch.customIds().stream().filter(left::contains).count();
    BatchJournal.delete(journal);
    out.println("Batch " + ended.id() + " " + ended.state() + ": " + (batch.customIds().size() - failed)
        + " answered" + (failed > 0 ? ", " + failed + " without an answer (failed or expired), asked one by one"
            : "") + ".");
    if (tally.repeated > 0) {
      out.println("  " + tally.repeated + " line(s) of its results named a request already read: the first "
          + "answer of each was kept.");
    }
    if (tally.strangers + tally.unusable > 0) {
      out.println("  " + (tally.strangers + tally.unusable) + " line(s) of its results were not answers to its "
          + "requests (unreadable, or naming no request of the batch): ignored.");
    }
    out.flush();
    return left;
  }

  /**
   * A journal with an intent and no batch id: the run stopped between recording the intent and recording
   * the batch. The provider is asked for the batch the intent made; with none, the intent is forgotten and the
   * batch submitted anew (null).
   */
  private BatchJournal findIntended(BatchJournal intent) throws InterruptedException {
    Optional<BatchApi.Status> found;
    try {
      found = api.find(intent.asIntent());
    } catch (BatchApi.AmbiguousBatch a) {
      throw new UserError("cannot tell which batch the run recorded in " + journal + " submitted: " + a.getMessage()
          + " — cancel the ones that are not this run's at the provider and run the same command again, or "
          + "remove the file to submit a new batch");
    } catch (ApiFailure | BatchApi.Refused f) {
      throw new UserError("cannot look for the batch the run recorded in " + journal + " was submitting: "
          + f.getMessage() + " — it stays recorded, and the same command looks again before submitting");
    }
    if (found.isEmpty()) {
      BatchJournal.delete(journal);
      return null;
    }
    BatchJournal batch = intent.withBatchId(found.get().id());
    batch.write(journal);
    out.println("Found batch " + batch.batchId() + ", submitted just before the last run stopped.");
    return batch;
  }

  /**
   * Records the intent, then creates the batch and records its id; null when the batch could not be
   * submitted (the run then asks one by one).
   */
  private BatchJournal submit(List<Pending> pending) throws InterruptedException {
    List<BatchApi.Request> requests = pending.stream().map(p -> new BatchApi.Request(p.customId(), p.body()))
        .toList();
    List<String> ids = pending.stream().map(Pending::customId).toList();
    BatchApi.Intent intent;
    try {
      intent = api.prepare(requests, "jmle-" + UUID.randomUUID());
    } catch (ApiFailure | BatchApi.Refused f) {
      out.println("Batch not submitted (" + f.getMessage() + "): asking one by one.");
      return null;
    }
    BatchJournal recorded = BatchJournal.intent(api.name(), intent, ids);
    // Recorded before the batch exists: a kill from here on finds the batch again instead of paying twice.
    recorded.write(journal);
    BatchApi.Status s;
    try {
      s = api.create(intent, requests);
    } catch (ApiFailure | BatchApi.Refused f) {
      return notCreated(recorded, f);
    }
    BatchJournal batch = recorded.withBatchId(s.id());
    batch.write(journal);
    out.println("Submitted batch " + s.id() + " with " + pending.size() + " requests (answered within 24 h; "
        + "if this run stops, the same command reattaches to it).");
    return batch;
  }

  /**
   * A create that failed. When the server answered (an error status, a reply not followed) the batch is
   * taken as not made, and the run asks one by one; when no answer came (a timeout, a dropped connection) it
   * may exist, so the provider is asked first — found, it is followed; not found, the intent stays recorded
   * and the run stops, so that the next one looks again before paying.
   */
  private BatchJournal notCreated(BatchJournal recorded, RuntimeException f) throws InterruptedException {
    boolean answered = !(f instanceof ApiFailure a)
        || a.kind() != ApiFailure.Kind.TIMEOUT && a.kind() != ApiFailure.Kind.CONNECTION;
    if (!answered) {
      BatchJournal found = findIntended(recorded);
      if (found != null) {
        return found;
      }
      recorded.write(journal);
      throw new UserError("cannot tell whether the batch was created (" + f.getMessage() + ") — its intent stays "
          + "recorded in " + journal + ", and the same command looks for it again before submitting");
    }
    BatchJournal.delete(journal);
    out.println("Batch not submitted (" + f.getMessage() + "): asking one by one.");
    return null;
  }

  private BatchApi.Status waitFor(String id) throws InterruptedException {
    Duration delay = FIRST_POLL;
    int failures = 0;
    String shown = null;
    long start = System.nanoTime();
    long lastPrinted = start;
    while (true) {
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      BatchApi.Status s = null;
      try {
        s = api.status(id);
        failures = 0;
        String line = "  batch " + s.id() + ": " + s.state() + ", " + s.done() + "/" + s.total() + " done";
        if (!line.equals(shown) || System.nanoTime() - lastPrinted >= HEARTBEAT.toNanos()) {
          out.println(line + " (" + clock(waited) + " waited, at most " + clock(maxWait) + ")");
          out.flush();
          shown = line;
          lastPrinted = System.nanoTime();
        }
        if (s.ended()) {
          return s;
        }
      } catch (ApiFailure f) {
        if (++failures >= MAX_FAILED_POLLS || f.kind() == ApiFailure.Kind.HTTP && f.status() / 100 == 4
            && !f.isRateLimited()) {
          throw new UserError("cannot follow batch " + id + ": " + f.getMessage() + " — it stays recorded in "
              + journal + ", and the same command reattaches to it");
        }
      } catch (BatchApi.Refused r) {
        throw new UserError("cannot follow batch " + id + ": " + r.getMessage() + " — it stays recorded in "
            + journal);
      }
      Duration left = maxWait.minus(Duration.ofNanos(System.nanoTime() - start));
      if (left.isNegative() || left.isZero()) {
        throw new UserError("batch " + id + " has not ended after " + clock(maxWait) + " of waiting ("
            + (s == null ? "its state unknown" : s.state() + ", " + s.done() + "/" + s.total() + " done")
            + "; --batch-wait): it stays recorded in " + journal + ", and the same command reattaches to it later"
            + " and collects its answers");
      }
      Thread.sleep(Math.max(1, Math.min(delay.toMillis(), left.toMillis())));
      delay = Duration.ofMillis(Math.min(MAX_POLL.toMillis(), (long) (delay.toMillis() * POLL_GROWTH)));
    }
  }

  /** What reading the results left aside. */
  private static final class Tally {
    int repeated;
    int strangers;
    int unusable;
  }

  /**
   * Reads the ended batch's results, handing each first answer of a request still without one to the sink.
   * A download that fails for a while (5xx, a dropped connection) is tried again; one that cannot succeed (a
   * redirect, a 404, an id or URL not followed), or still fails, stops the run in one line with the batch
   * recorded — its answers are paid for, and the same command fetches them again.
   */
  private Tally fetch(BatchApi.Status ended, Set<String> inBatch, Set<String> left, Sink sink)
      throws InterruptedException {
    Duration wait = FIRST_FETCH_RETRY;
    for (int attempt = 1; ; attempt++) {
      Tally tally = new Tally();
      Set<String> seen = new HashSet<>();
      try {
        tally.unusable = api.outcomes(ended, (id, o) -> {
          if (!inBatch.contains(id)) {
            tally.strangers++;
          } else if (!seen.add(id)) {
            tally.repeated++;
          } else if (left.contains(id) && o.completion() != null) {
            sink.answered(id, o.completion());
            left.remove(id);
          }
        }).unreadableLines();
        return tally;
      } catch (BatchApi.Refused r) {
        throw new UserError("cannot fetch the answers of batch " + ended.id() + ": " + r.getMessage()
            + " — it stays recorded in " + journal);
      } catch (ApiFailure f) {
        if (attempt >= FETCH_ATTEMPTS || !Transience.isTransient(f, true) || f.kind() == ApiFailure.Kind.MALFORMED) {
          throw new UserError("cannot fetch the answers of batch " + ended.id() + ": " + f.getMessage()
              + " — it stays recorded in " + journal + ", and the same command fetches them again");
        }
        out.println("  fetching the answers of batch " + ended.id() + " failed (" + f.getMessage()
            + "); trying again in " + wait.toSeconds() + " s");
        out.flush();
        Thread.sleep(wait.toMillis());
        wait = wait.multipliedBy(2);
      }
    }
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
