package dev.jmlebench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import java.nio.file.Path;

/**
 * A prices file ({@code --prices FILE}): a JSON object from model id to its prices in US dollars per million
 * tokens, {@code {"openai/gpt-5.2": {"input": 1.75, "output": 14}, ...}}.
 */
public final class PriceList {
  private PriceList() {}

  /** The prices of {@code model} in the file; a user error when the file does not name it. */
  public static Prices forModel(Path file, String model) {
    JsonNode root = JsonFiles.parse(JsonFiles.readBytes(file, "no such prices file"), file, "");
    if (!root.isObject()) {
      throw new UserError(file + ": should be a JSON object from model id to {\"input\": USD, \"output\": USD}");
    }
    JsonNode entry = root.get(model);
    if (entry == null) {
      throw new UserError(file + ": no prices for model '" + model + "'");
    }
    return new Prices(price(entry, "input", file, model), price(entry, "output", file, model));
  }

  private static java.math.BigDecimal price(JsonNode entry, String field, Path file, String model) {
    JsonNode v = entry.get(field);
    if (v == null || !v.isNumber() || v.decimalValue().signum() < 0) {
      throw new UserError(file + ": " + model + "." + field + " should be a number of US dollars per million "
          + "tokens, 0 or more");
    }
    return v.decimalValue();
  }
}
