package dev.jmlebench.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.common.ShellWords;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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

  /**
   * The run this entry does: its fields read as {@code run} reads the options they set, so an entry and the
   * command {@link #commandLine} prints for it are one run.
   */
  public RunSpec spec() {
    Map<String, String> given = new LinkedHashMap<>();
    values.forEach((field, value) -> {
      RunField<?> f = field.runField();
      if (f != null) {
        given.put(f.flag(), SuiteField.asArgument(value));
      }
    });
    return RunSpec.fromArguments(given, RunSpec.SYSTEM_ENVIRONMENT);
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

  /** The name of the variable the key is read from: api_key_env, else run's rule for the server. */
  public String apiKeyEnv() {
    return spec().keyVariable();
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
   * The arguments of the {@code run} that does this entry, beginning with {@code run}: its spec's, minimal
   * (what equals run's default is left out), and its file. Never a key: a variable other than the usual one
   * is named with {@code --api-key-env}.
   */
  public List<String> runArguments() {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(spec().toArguments(RunSpec.SYSTEM_ENVIRONMENT));
    args.addAll(List.of("--out", out().toString()));
    return args;
  }

  /** The command line a user would type for this entry: {@link #runArguments()} quoted for a shell. */
  public String commandLine(String program) {
    List<String> words = new ArrayList<>(List.of(program));
    words.addAll(runArguments());
    return ShellWords.join(words);
  }

  private String text(SuiteField field) {
    return (String) values.get(field);
  }
}
