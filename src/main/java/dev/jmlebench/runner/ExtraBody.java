package dev.jmlebench.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import java.nio.charset.StandardCharsets;

/** Reads {@code --extra-body}: a JSON object whose keys are merged into every request body. */
public final class ExtraBody {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ExtraBody() {}

  /** The object, or null for none; anything but one JSON object is a {@link UserError}. */
  public static ObjectNode parse(String text) {
    if (text == null) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UserError("--extra-body: " + JsonFiles.describe(e, text.getBytes(StandardCharsets.UTF_8)));
    }
    if (node == null || !node.isObject()) {
      throw new UserError("--extra-body: should be a JSON object such as '{\"temperature\": 0}', not "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
    }
    return (ObjectNode) node;
  }
}
