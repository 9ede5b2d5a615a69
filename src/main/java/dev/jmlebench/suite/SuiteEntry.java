package dev.jmlebench.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.common.ShellWords;
import dev.jmlebench.dataset.ImageMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a suite with every field resolved (the entry's own, else the suite's defaults, else the
 * field's default).
 *
 * @param line where the entry starts in its file
 * @param values every field with a value; a field without one (no display name, no extra body) is absent
 */
public record SuiteEntry(int line, Map<SuiteField, Object> values) {
  public SuiteEntry {
    values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  SuiteEntry with(SuiteField field, Object value) {
    Map<SuiteField, Object> changed = new EnumMap<>(values);
    changed.put(field, value);
    return new SuiteEntry(line, changed);
  }

  public String name() {
    return text(SuiteField.NAME);
  }

  public String displayName() {
    return text(SuiteField.DISPLAY_NAME);
  }

  public String model() {
    return text(SuiteField.MODEL);
  }

  public String baseUrl() {
    return text(SuiteField.BASE_URL);
  }

  public String apiKeyEnv() {
    return text(SuiteField.API_KEY_ENV);
  }

  public ImageMode imageMode() {
    return ImageMode.fromWireName(text(SuiteField.IMAGE_MODE));
  }

  /** The request fields merged into every request, or null for none. */
  public ObjectNode extraBody() {
    ObjectNode body = (ObjectNode) values.get(SuiteField.EXTRA_BODY);
    return body == null ? null : body.deepCopy();
  }

  public int repeats() {
    return (Integer) values.get(SuiteField.REPEATS);
  }

  public String exam() {
    return text(SuiteField.EXAM);
  }

  public String key() {
    return text(SuiteField.KEY);
  }

  public Path out() {
    return Path.of(text(SuiteField.OUT));
  }

  /** Whether the server is on this machine, where {@code run} needs no key. */
  public boolean needsNoKey() {
    return ClientSettings.isLoopback(URI.create(baseUrl()));
  }

  /**
   * The arguments of the {@code run} that does this entry, beginning with {@code run}; the key is not among
   * them. Request settings that equal run's defaults are left out, where a run's row is decided (server,
   * image mode) is always said.
   */
  public List<String> runArguments() {
    List<String> args = new ArrayList<>(List.of("run"));
    values.forEach((field, value) -> {
      boolean said = field == SuiteField.BASE_URL || field == SuiteField.IMAGE_MODE;
      if (field.runOption() != null && (said || !value.equals(field.defaultValue()))) {
        args.add(field.runOption());
        args.add(SuiteField.asArgument(value));
      }
    });
    return args;
  }

  /**
   * The command line a user would type for this entry: {@link #runArguments()} quoted for a shell, and
   * where the key comes from another variable than run's own, that variable's name (never a key).
   */
  public String commandLine(String program) {
    List<String> words = new ArrayList<>(List.of(program));
    words.addAll(runArguments());
    String line = ShellWords.join(words);
    boolean ownVariable = apiKeyEnv().equals(SuiteField.DEFAULT_KEY_VARIABLE);
    return needsNoKey() || ownVariable ? line : line + " --api-key \"$" + apiKeyEnv() + "\"";
  }

  private String text(SuiteField field) {
    return (String) values.get(field);
  }
}
