package dev.jmlebench.client;

import java.util.Locale;

/** Which wire protocol a run speaks ({@code --api}). */
public enum ApiKind {
  /** OpenAI-compatible chat completions (SPEC §2), and the OpenAI Batch API. */
  OPENAI,
  /** Anthropic's Messages API, and its Message Batches. */
  ANTHROPIC;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code openai} or {@code anthropic}, or null. */
  public static ApiKind fromWireName(String name) {
    for (ApiKind k : values()) {
      if (k.wireName().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** This API's batch endpoint. */
  public dev.jmlebench.client.batch.BatchApi batches(ClientSettings settings) {
    return switch (this) {
      case OPENAI -> new dev.jmlebench.client.batch.OpenAiBatches(settings);
      case ANTHROPIC -> new dev.jmlebench.client.batch.AnthropicBatches(settings);
    };
  }

  /** The client that asks one request of this API. */
  public ModelApi client(ClientSettings settings) {
    return switch (this) {
      case OPENAI -> new ChatClient(settings);
      case ANTHROPIC -> new dev.jmlebench.client.anthropic.AnthropicClient(settings);
    };
  }
}
