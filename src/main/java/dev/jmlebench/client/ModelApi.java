package dev.jmlebench.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.prompt.Prompt;
import java.net.URI;
import java.time.Duration;

/**
 * One model API, one attempt per call: the OpenAI-compatible chat completions ({@link ChatClient}) or
 * Anthropic's Messages ({@code client.anthropic}), both sending through {@link JsonHttp}. {@link #endpoint()}
 * and {@link #body} are the exact request, so a cache can key on them and a batch can carry them.
 */
public interface ModelApi {
  ClientSettings settings();

  /** Where {@link #complete} posts. */
  URI endpoint();

  /** The request body for the prompt; never holds the API key. */
  ObjectNode body(Prompt prompt);

  /** One request that ends within {@code timeout} whatever the server does (connect, headers, whole body). */
  Completion complete(Prompt prompt, Duration timeout) throws InterruptedException;

  default Completion complete(Prompt prompt) throws InterruptedException {
    return complete(prompt, settings().timeout());
  }
}
