package dev.jmlebench.prompt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * What is sent for one question (SPEC §2): the system prompt, the user text (a serial group's case text,
 * an empty line, then the question) and, in vision mode, the clinical images in list order.
 *
 * @param images image files to attach, in order; empty unless the run is in vision mode
 */
public record Prompt(String system, String userText, List<Path> images) {
  public static final String DATA_URL_PREFIX = "data:image/png;base64,";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public Prompt {
    images = List.copyOf(images);
  }

  public static Prompt of(Question q, ImageMode mode, Path imagesDirectory) {
    return of(q, mode, imagesDirectory, Language.JAPANESE);
  }

  /** What is sent for {@code q} as a run in {@code language} words it (its text already in that language). */
  public static Prompt of(Question q, ImageMode mode, Path imagesDirectory, Language language) {
    List<Path> images = mode == ImageMode.VISION
        ? q.clinicalImages().stream().map(imagesDirectory::resolve).toList()
        : List.of();
    return new Prompt(SystemPrompt.of(q, language), userText(q), images);
  }

  /** The text part of the user message: the serial group's case text first, when there is one. */
  public static String userText(Question q) {
    return q.serialGroup().map(g -> g.contextText() + "\n\n" + q.text()).orElse(q.text());
  }

  /** The {@code messages} array of the request body; images are read now, as base64 data URLs. */
  public ArrayNode messages() {
    ArrayNode messages = NODES.arrayNode();
    messages.addObject().put("role", "system").put("content", system);
    ObjectNode user = messages.addObject().put("role", "user");
    ArrayNode parts = user.putArray("content");
    parts.addObject().put("type", "text").put("text", userText);
    for (Path image : images) {
      parts.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(image));
    }
    return messages;
  }

  public static String dataUrl(Path png) {
    try {
      return DATA_URL_PREFIX + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + png + ": " + e.getMessage(), e);
    }
  }
}
