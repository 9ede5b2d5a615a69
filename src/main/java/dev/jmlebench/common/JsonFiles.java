package dev.jmlebench.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the JSON files a user hands in, turning every fault into one line that names the file and the
 * place. Jackson's default {@code StreamReadConstraints} bound what a hostile file can make us hold: 1,000
 * levels of nesting, numbers of 1,000 digits, strings of 20 million characters; a file beyond them is
 * refused like any other malformed file.
 */
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
      throw new UserError(file + ": " + describe(e, bytes) + hint);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  /** "not valid JSON (line 3, column 7): what is wrong", or "too large to read safely (...)" past a limit. */
  public static String describe(JsonProcessingException e, byte[] bytes) {
    return describe(e, e.getLocation() != null ? e.getLocation() : locate(bytes));
  }

  /**
   * As {@link #describe(JsonProcessingException, byte[])} for JSON read as a stream: {@code where} is the place
   * to name when Jackson gives none (an exceeded limit), the parser's own place when it stopped.
   */
  public static String describe(JsonProcessingException e, JsonLocation where) {
    String problem = e instanceof StreamConstraintsException ? "too large to read safely" : "not valid JSON";
    JsonLocation at = e.getLocation() != null ? e.getLocation() : where;
    String place = at == null ? "position unknown" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    // Jackson's message points into its own API ("from `StreamReadConstraints...`"): of no use to the user
    return problem + " (" + place + "): " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
  }

  /**
   * Where reading {@code bytes} stops, for a fault Jackson gives no place for (an exceeded limit): the text is read
   * again, token by token, up to the fault.
   */
  private static JsonLocation locate(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    JsonParser parser = null;
    try {
      parser = JSON.createParser(bytes);
      while (parser.nextToken() != null) {
        // up to the token that exceeds the limit
      }
      return null;
    } catch (IOException e) {
      return parser == null ? null : parser.currentLocation();
    }
  }
}
