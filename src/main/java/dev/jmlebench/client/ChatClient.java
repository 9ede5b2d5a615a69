package dev.jmlebench.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.prompt.Prompt;
import java.net.URI;
import java.time.Duration;

/**
 * One chat-completions request, one attempt: builds the body (SPEC §2), sends it through {@link JsonHttp}
 * (bounded in time and size, secrets kept out of failures), and turns the reply into a {@link Completion} or
 * an {@link ApiFailure}. Retrying is {@link ResilientClient}'s job.
 */
public final class ChatClient implements ModelApi {
  private final ClientSettings settings;
  private final JsonHttp http;

  public ChatClient(ClientSettings settings) {
    this.settings = settings;
    this.http = new JsonHttp(settings, JsonHttp.bearer(settings.apiKey()));
  }

  @Override
  public ClientSettings settings() {
    return settings;
  }

  @Override
  public URI endpoint() {
    return settings.chatCompletions();
  }

  /** The request body: model and messages, then every top-level key of the extra body merged over them. */
  @Override
  public ObjectNode body(Prompt prompt) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("model", settings.model());
    body.set("messages", prompt.messages());
    if (settings.extraBody() != null) {
      body.setAll(settings.extraBody().deepCopy());
    }
    return body;
  }

  @Override
  public Completion complete(Prompt prompt, Duration timeout) throws InterruptedException {
    return http.complete(endpoint(), body(prompt), timeout, OpenAiReply::completion, OpenAiReply.UNREADABLE);
  }
}
