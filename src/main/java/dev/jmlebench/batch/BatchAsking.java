package dev.jmlebench.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ApiFailure;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.batch.BatchApi;
import dev.jmlebench.common.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks pending questions as one batch ({@code run --batch}): submits them — or reattaches to the batch an
 * interrupted run submitted ({@link BatchJournal}) — polls it with a growing interval and a progress line
 * until it has ended, and hands every answer over as it is mapped back. Requests the batch did not answer
 * (failed, expired) are returned, for the run to ask one by one.
 */
public final class BatchAsking {
  /** One request to batch: the run's custom id for it, and the exact body a direct request sends. */
  public record Pending(String customId, ObjectNode body) {}

  /** Receives each answer of the batch; it journals it before the next one is handed over. */
  public interface Sink {
    void answered(String customId, Completion completion);
  }

  static final Duration FIRST_POLL = Duration.ofMillis(500);
  static final Duration MAX_POLL = Duration.ofMinutes(1);
  static final double POLL_GROWTH = 1.5;
  /** Polls that may fail in a row (the provider down for a while) before the run stops and leaves the batch. */
  static final int MAX_FAILED_POLLS = 10;

  private final BatchApi api;
  private final Path journal;
  private final PrintWriter out;

  public BatchAsking(BatchApi api, Path journal, PrintWriter out) {
    this.api = api;
    this.journal = journal;
    this.out = out;
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
    if (batch != null) {
      out.println("Reattaching to batch " + batch.batchId() + " (submitted " + batch.submittedAt() + ", "
          + batch.customIds().size() + " requests) instead of submitting again.");
    } else {
      BatchApi.Status s;
      try {
        s = api.submit(pending.stream().map(p -> new BatchApi.Request(p.customId(), p.body())).toList());
      } catch (ApiFailure f) {
        out.println("Batch not submitted (" + f.getMessage() + "): asking one by one.");
        out.flush();
        return left;
      }
      batch = new BatchJournal(api.name(), s.id(), Instant.now().toString(), new ArrayList<>(left));
      batch.write(journal);
      out.println("Submitted batch " + s.id() + " with " + pending.size() + " requests (answered within 24 h; "
          + "if this run stops, the same command reattaches to it).");
    }
    out.flush();
    BatchApi.Status ended = waitFor(batch.batchId());
    Map<String, BatchApi.Outcome> outcomes = api.outcomes(ended);
    int failed = 0;
    for (String id : batch.customIds()) {
      BatchApi.Outcome o = outcomes.get(id);
      if (!left.contains(id)) {
        continue;
      }
      if (o != null && o.completion() != null) {
        sink.answered(id, o.completion());
        left.remove(id);
      } else {
        failed++;
      }
    }
    BatchJournal.delete(journal);
    out.println("Batch " + ended.id() + " " + ended.state() + ": " + (batch.customIds().size() - failed)
        + " answered" + (failed > 0 ? ", " + failed + " without an answer (failed or expired), asked one by one"
            : "") + ".");
    out.flush();
    return left;
  }

  private BatchApi.Status waitFor(String id) throws InterruptedException {
    Duration delay = FIRST_POLL;
    int failures = 0;
    String shown = null;
    long start = System.nanoTime();
    while (true) {
      try {
        BatchApi.Status s = api.status(id);
        failures = 0;
        String line = "  batch " + s.id() + ": " + s.state() + ", " + s.done() + "/" + s.total() + " done";
        if (!line.equals(shown)) {
          out.println(line + " (" + clock(Duration.ofNanos(System.nanoTime() - start)) + ")");
          out.flush();
          shown = line;
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
      }
      Thread.sleep(delay.toMillis());
      delay = Duration.ofMillis(Math.min(MAX_POLL.toMillis(), (long) (delay.toMillis() * POLL_GROWTH)));
    }
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format("%d:%02d", s / 60, s % 60);
  }
}
