package dev.jmlebench.client.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import java.util.List;
import java.util.Map;

/**
 * A provider's batch endpoint: many requests submitted at once, answered within a day at a lower price.
 * Each call is one HTTP exchange that throws an {@link dev.jmlebench.client.ApiFailure}; waiting and
 * retrying are the caller's.
 */
public interface BatchApi {
  /** One request of a batch: its {@code custom_id} and the exact body a direct request would send. */
  record Request(String customId, ObjectNode body) {}

  /**
   * A batch as last seen.
   *
   * @param ended whether it will change no more (completed, expired, failed, cancelled, ended)
   * @param resultsRef where its results are (an output file id, a results URL), or null until it ended
   * @param errorsRef where the failed requests are (an error file id), or null
   */
  record Status(String id, String state, boolean ended, int done, int total, String resultsRef, String errorsRef) {}

  /**
   * One request's outcome: a completion, or why it has none (a failed or expired request).
   */
  record Outcome(Completion completion, String failure) {}

  /** Submits the requests as one batch; returns its status (with its id) the moment it exists. */
  Status submit(List<Request> requests) throws InterruptedException;

  Status status(String batchId) throws InterruptedException;

  /** Every outcome of an ended batch by custom id; requests it holds nothing for are left out. */
  Map<String, Outcome> outcomes(Status ended) throws InterruptedException;

  /**
   * The most bytes of an ended batch's results read: a reply's cap for each request it holds, and 1 GiB at
   * most (the file is read into memory).
   */
  static long resultsCap(ClientSettings settings, Status ended) {
    return Math.min(1L << 30, settings.maxBodyBytes() * Math.max(1, ended.total()));
  }

  /**
   * Whether a batch id a server gave can be journaled, printed and put into a path: letters, digits, {@code _},
   * {@code -} and {@code .} (not a path step), at most 200 characters, and no credential in it — a server
   * that echoes the key into the id must not get it onto the disk.
   */
  static boolean isPlainId(String id, ClientSettings settings) {
    return id.matches("[A-Za-z0-9_.-]{1,200}") && !id.equals(".") && !id.equals("..")
        && settings.secrets().redact(id).equals(id);
  }

  /** {@code openai} or {@code anthropic}: a journaled batch is only reattached through the same API. */
  String name();
}
