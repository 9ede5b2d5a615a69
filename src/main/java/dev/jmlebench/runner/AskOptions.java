package dev.jmlebench.runner;

import dev.jmlebench.batch.BatchAsking;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.cost.Prices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a run asks and pays, beyond SPEC §2's request: the API it speaks, the token limit, the prices that
 * cost the answers when the provider reports no cost, what a resume asks again, the response cache and
 * whether pending questions go as one batch.
 *
 * @param maxTokens {@code max_tokens} of every request, or null to leave it to the server
 * @param prices US dollars per million tokens, or null
 * @param cache the response cache's directory, or null for none
 * @param batchWait how long a batch is waited for before the run stops, leaving it recorded to reattach
 */
public record AskOptions(ApiKind api, Integer maxTokens, Prices prices, Set<Reask> reask, Path cache, boolean batch,
    Duration batchWait) {
  public static final AskOptions DEFAULT = new AskOptions(ApiKind.OPENAI, null, null, Reask.DEFAULT, null, false);

  public AskOptions {
    reask = Set.copyOf(EnumSet.copyOf(reask));
    if (maxTokens != null && maxTokens < 1) {
      throw new IllegalArgumentException("max tokens should be at least 1, not " + maxTokens);
    }
    if (batchWait.isNegative() || batchWait.isZero()) {
      throw new IllegalArgumentException("the batch wait should be positive, not " + batchWait);
    }
  }

  /** Batches waited for as long as {@link BatchAsking#DEFAULT_MAX_WAIT}. */
  public AskOptions(ApiKind api, Integer maxTokens, Prices prices, Set<Reask> reask, Path cache, boolean batch) {
    this(api, maxTokens, prices, reask, cache, batch, BatchAsking.DEFAULT_MAX_WAIT);
  }
}
