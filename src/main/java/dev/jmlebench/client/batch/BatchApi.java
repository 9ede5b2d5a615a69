package dev.jmlebench.client.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider's batch endpoint: many requests submitted at once, answered within a day at a lower price.
 * Each call is one HTTP exchange (a listing, a few) that throws an {@link dev.jmlebench.client.ApiFailure};
 * waiting and retrying are the caller's. Every id and URL a server gives is checked before it is used, kept
 * or shown ({@link #isPlainId}); every message holds no credential.
 *
 * <p>A batch is submitted in two steps so that a run killed at any instant never pays for a second one: the
 * caller records the {@link Intent} ({@link #prepare}: an id of its own choosing, and for OpenAI the uploaded
 * input file) before {@link #create} asks for the batch, and a resumed run that has an intent but no batch id
 * looks for the batch the intent made ({@link #find}) before creating one.
 */
public interface BatchApi {
  /** One request of a batch: its {@code custom_id} and the exact body a direct request would send. */
  record Request(String customId, ObjectNode body) {}

  /**
   * A batch as last seen.
   *
   * @param state the provider's word for it, safe to print (redacted, one line, cut short)
   * @param ended whether it will change no more (completed, expired, failed, cancelled, ended)
   * @param resultsRef where its results are (an output file id, a results URL), or null until it ended
   * @param errorsRef where the failed requests are (an error file id), or null
   */
  record Status(String id, String state, boolean ended, int done, int total, String resultsRef, String errorsRef) {}

  /**
   * One request's outcome: a completion, or why it has none (a failed or expired request).
   */
  record Outcome(Completion completion, String failure) {}

  /**
   * A batch about to be created, recorded before it is.
   *
   * @param tag the client's own id for it, sent with the batch where the API takes one (OpenAI's metadata)
   * @param inputFileId the uploaded requests (OpenAI), or null (Anthropic sends them with the batch)
   * @param requests how many requests it holds
   * @param at when it was prepared: the batch it makes is created after that
   */
  record Intent(String tag, String inputFileId, int requests, Instant at) {}

  /** Receives each outcome of a batch's results, in the order the results file holds them. */
  interface OutcomeSink {
    void outcome(String customId, Outcome outcome);
  }

  /** What {@link #outcomes} read besides the outcomes it handed over: lines it could not use. */
  record Reading(int unreadableLines) {}

  /** Makes what the batch needs before it exists (OpenAI uploads the input file); nothing is paid yet. */
  Intent prepare(List<Request> requests, String tag) throws InterruptedException;

  /** Creates the batch of a prepared intent; returns its status (with its id) the moment it exists. */
  Status create(Intent intent, List<Request> requests) throws InterruptedException;

  /**
   * The batch an intent made, if the provider lists one: by its tag where the API keeps one, else by when it
   * was created and how many requests it holds.
   *
   * @throws AmbiguousBatch when several batches could be the one
   */
  Optional<Status> find(Intent intent) throws InterruptedException;

  Status status(String batchId) throws InterruptedException;

  /**
   * Reads an ended batch's results as they stream from disk and hands every outcome to {@code sink}; memory
   * holds one line at a time, whatever the size of the results.
   */
  Reading outcomes(Status ended, OutcomeSink sink) throws InterruptedException;

  /** {@code openai} or {@code anthropic}: a journaled batch is only reattached through the same API. */
  String name();

  /**
   * An id or URL a server (or a journal) gave that is not followed: asking again would give the same. Its
   * message names what was refused, never the value.
   */
  final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Several batches of the provider's list could be the one an intent made. */
  final class AmbiguousBatch extends RuntimeException {
    public AmbiguousBatch(String message) {
      super(message, null, false, false);
    }
  }

  /** The shape of an id this tool follows: letters, digits, {@code _}, {@code -} and {@code .}. */
  Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  /**
   * Whether an id (of a batch, of a file) has a shape that can be journaled, printed and put into a path:
   * letters, digits, {@code _}, {@code -} and {@code .} (not a path step), at most 200 characters.
   */
  static boolean isPlainId(String id) {
    return id != null && PLAIN_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /**
   * Whether an id a server gave can be followed: a plain id ({@link #isPlainId(String)}) that holds no
   * credential — a server that echoes the key into an id must not get it onto the disk or the screen.
   */
  static boolean isPlainId(String id, ClientSettings settings) {
    return isPlainId(id) && settings.secrets().redact(id).equals(id);
  }

  /**
   * The most bytes of an ended batch's results read: a reply's cap for each request it holds, and 1 GiB at
   * most. They go to a temporary file, not to memory.
   */
  static long resultsCap(ClientSettings settings, Status ended) {
    return Math.min(1L << 30, settings.maxBodyBytes() * Math.max(1, ended.total()));
  }

  /** A state a server gave, as it may be printed: credentials hidden, one line, at most 40 characters. */
  static String printable(String state, ClientSettings settings) {
    String s = settings.secrets().redact(state);
    return dev.jmlebench.common.TerminalText.oneLine(s.length() <= 40 ? s : s.substring(0, 40) + "…");
  }
}
