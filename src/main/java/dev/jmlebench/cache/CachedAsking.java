package dev.jmlebench.cache;

import dev.jmlebench.client.Answer;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.ResilientClient;
import dev.jmlebench.client.Secrets;
import dev.jmlebench.prompt.Prompt;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks through the response cache: a stored reply to the exact request is the answer, with no request
 * ({@code attempts} 0); else the model is asked and a successful, complete reply is stored. A re-ask of an
 * answer a resume did not keep ({@code fresh}) goes to the model and replaces the stored reply, else
 * {@code --retry truncated} would get the same cut-off reply back. Truncated replies are not stored. A reply
 * that cannot be stored (a full disk, a folder made read-only meanwhile) is still the answer: the run
 * journals it as any other, and the failures are counted for its report.
 */
public final class CachedAsking {
  private final ResponseCache cache;
  private final ResilientClient client;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger stored = new AtomicInteger();
  private final AtomicInteger unstored = new AtomicInteger();
  private volatile String firstWriteFailure;

  public CachedAsking(ResponseCache cache, ResilientClient client) {
    this.cache = cache;
    this.client = client;
  }

  public Answer ask(Prompt prompt, int sample, boolean fresh) throws InterruptedException {
    // The URL as shown: credentials a gateway takes in the query are no part of the key.
    String key = ResponseCache.key(Secrets.publicUrl(client.api().endpoint()), client.api().body(prompt), sample);
    if (!fresh) {
      var hit = cache.get(key);
      if (hit.isPresent()) {
        hits.incrementAndGet();
        return new Answer(hit.get(), null, 0, Duration.ZERO);
      }
    }
    Answer a = client.ask(prompt);
    if (a.ok() && !isCutOff(a)) {
      try {
        cache.put(key, redacted(a.completion()));
        stored.incrementAndGet();
      } catch (RuntimeException e) {
        // The answer is paid for: losing the cache's copy costs nothing, losing the answer would.
        if (unstored.getAndIncrement() == 0) {
          firstWriteFailure = e.getMessage();
        }
      }
    }
    return a;
  }

  /** A server echoing the key into an answer must not put it on disk. */
  private Completion redacted(Completion c) {
    Secrets secrets = client.api().settings().secrets();
    return new Completion(secrets.redact(c.content()), secrets.redact(c.reasoning()), c.usage(), c.finishReason());
  }

  private static boolean isCutOff(Answer a) {
    return a.completion().content().isEmpty()
        || Completion.LENGTH.equals(a.completion().finishReason());
  }

  /** Answers taken from the cache without a request. */
  public int hits() {
    return hits.get();
  }

  public int stored() {
    return stored.get();
  }

  /** Replies that could not be stored, and why the first of them could not (null when all were). */
  public int unstored() {
    return unstored.get();
  }

  public String firstWriteFailure() {
    return firstWriteFailure;
  }

  public ResponseCache cache() {
    return cache;
  }
}
