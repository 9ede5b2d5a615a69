package dev.jmlebench.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files a user hands in, turning every fault into one line that names the file. */
public final class JsonFiles {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonFiles() {}

  /** The file's bytes; {@code whenMissing} completes the message for a file that does not exist. */
  public static byte[] readBytes(Path file, String whenMissing) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": " + whenMissing);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  /** The JSON tree of {@code bytes} read from {@code file}; {@code hint} follows a syntax error's message. */
  public static JsonNode parse(byte[] bytes, Path file, String hint) {
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new UserError(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
          + e.getOriginalMessage() + hint);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }
}
