package dev.jmlebench.client;

import dev.jmlebench.common.UserError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which wire protocol a run speaks ({@code --api}), with what goes with it: the default base URL and the one
 * rule for which environment variable holds the key. Every message about a missing or rejected key names
 * the variable this rule chose.
 */
public enum ApiKind {
  /** OpenAI-compatible chat completions (SPEC §2), and the OpenAI Batch API. */
  OPENAI,
  /** Anthropic's Messages API, and its Message Batches. */
  ANTHROPIC;

  /** The base URL OpenAI's own clients read; {@code openai} runs take it as their default when it is set. */
  public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";
  public static final String OPENAI_KEY_VARIABLE = "OPENAI_API_KEY";
  public static final String OPENROUTER_KEY_VARIABLE = "OPENROUTER_API_KEY";
  public static final String ANTHROPIC_KEY_VARIABLE = "ANTHROPIC_API_KEY";
  private static final String OPENROUTER_HOST = "openrouter.ai";

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

  /** The provider's own base URL. */
  public String defaultBaseUrl() {
    return this == ANTHROPIC ? "https://api.anthropic.com/v1" : "https://api.openai.com/v1";
  }

  /**
   * The base URL a run uses when none is given: {@code $OPENAI_BASE_URL} for an OpenAI-compatible run when it
   * is set (as OpenAI's clients do), else {@link #defaultBaseUrl()}.
   *
   * @param env reads an environment variable; null when unset
   */
  public URI baseUrl(Function<String, String> env) {
    String fromEnv = this == OPENAI ? env.apply(BASE_URL_VARIABLE) : null;
    if (fromEnv == null || fromEnv.isBlank()) {
      return URI.create(defaultBaseUrl());
    }
    try {
      URI url = new URI(fromEnv.strip());
      String problem = ClientSettings.baseUrlProblem(url);
      if (problem != null) {
        throw new UserError("$" + BASE_URL_VARIABLE + ": " + problem);
      }
      return url;
    } catch (URISyntaxException e) {
      // Not the value itself: it may hold a key.
      throw new UserError("$" + BASE_URL_VARIABLE + ": not a URL (" + e.getReason() + " at character "
          + (e.getIndex() + 1) + ")");
    }
  }

  /**
   * The one rule for the variable that holds the key of a run at {@code baseUrl}: {@code ANTHROPIC_API_KEY}
   * for Anthropic's API; {@code OPENROUTER_API_KEY} for OpenRouter's host, unless the URL is
   * {@code $OPENAI_BASE_URL} (then the key goes with it, in {@code OPENAI_API_KEY}, as OpenAI's clients pair
   * them); {@code OPENAI_API_KEY} otherwise. Only these conventional names are ever chosen by the rule, so a
   * file or a URL can never make a run read another secret.
   */
  public String keyVariable(URI baseUrl, Function<String, String> env) {
    if (this == ANTHROPIC) {
      return ANTHROPIC_KEY_VARIABLE;
    }
    // No base URL: a file that records none (an imported run) was asked by no server of this tool.
    String host = baseUrl == null || baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
    boolean openRouter = host.equals(OPENROUTER_HOST) || host.endsWith("." + OPENROUTER_HOST);
    String fromEnv = env.apply(BASE_URL_VARIABLE);
    boolean pairedWithBaseUrlVariable = baseUrl != null && fromEnv != null && fromEnv.strip().equals(baseUrl.toString());
    return openRouter && !pairedWithBaseUrlVariable ? OPENROUTER_KEY_VARIABLE : OPENAI_KEY_VARIABLE;
  }

  /** The rule of {@link #keyVariable} in words, for the help. */
  public String keyVariableRule() {
    return this == ANTHROPIC ? "$" + ANTHROPIC_KEY_VARIABLE + " with --api anthropic"
        : "$" + OPENROUTER_KEY_VARIABLE + " for a base URL on " + OPENROUTER_HOST + ", else $" + OPENAI_KEY_VARIABLE
            + " (which also goes with $" + BASE_URL_VARIABLE + ")";
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
