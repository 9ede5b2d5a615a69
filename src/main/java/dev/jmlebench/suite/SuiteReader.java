package dev.jmlebench.suite;

import dev.jmlebench.common.UserError;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.KeyChoice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a suite file. Every fault is one line naming the file, the line and the field: an
 * unknown field, a literal key, a repeated run name, a value of the wrong kind.
 *
 * <pre>
 * results_dir: results      # optional: the folder of result files (default results)
 * readme: README.md         # optional: rebuild its leaderboard tables when the suite is done
 * defaults:                 # optional: any field but name and out, for every run
 *   base_url: https://openrouter.ai/api/v1
 *   api_key_env: OPENROUTER_API_KEY
 * runs:
 *   - name: gpt-5.2         # names the result file: {results}/{name}.json unless out says otherwise
 *     model: openai/gpt-5.2
 * </pre>
 */
public final class SuiteReader {
  static final String RESULTS = "results_dir";
  static final String README = "readme";
  static final String DEFAULTS = "defaults";
  static final String RUNS = "runs";
  /** Where result files go when neither the suite nor --results says: where {@code run} puts them. */
  private static final String DEFAULT_RESULTS = ResultSchema.FOLDER;
  private static final List<String> TOP_LEVEL = List.of(RESULTS, README, DEFAULTS, RUNS);

  private SuiteReader() {}

  public static Suite read(Path file) {
    return read(file, null);
  }

  /** @param results the folder of result files instead of the file's own, or null to keep the file's */
  public static Suite read(Path file, Path results) {
    return new SuiteReader.Checker(file, results).suite(YamlTree.parse(text(file), file));
  }

  /**
   * The most bytes a suite file may have: hundreds of runs take a few dozen kB, and YAML parsing takes time
   * that grows faster than the file (16 MB took a minute), so a larger file is refused before it is parsed.
   */
  static final int MAX_BYTES = 1 << 20;

  private static String text(Path file) {
    // Read up to one byte past the limit, whatever the file claims to be (a pipe, a file still growing).
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        long size = Files.isRegularFile(file) ? Files.size(file) : -1;
        throw new UserError(file + ": " + (size > 0 ? String.format(Locale.ROOT, "%.1f MB", size / 1e6) + ", "
            : "") + "larger than a suite file may be (" + MAX_BYTES / (1 << 20) + " MiB); not read");
      }
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new UserError(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  /** One file's checks; every error names {@link #file}. */
  private record Checker(Path file, Path resultsOverride) {
    Suite suite(YamlTree root) {
      if (!root.value().isObject()) {
        throw fault(root.line(), "", "should be a mapping with 'runs:' (see 'jmle-bench suite --help')");
      }
      root.fields().values().forEach(k -> {
        refuseLiteralKey(k, "");
        if (!TOP_LEVEL.contains(k.name())) {
          throw fault(k.line(), "", "unknown field '" + k.name() + "' (a suite has " + String.join(", ", TOP_LEVEL)
              + "; a run's fields go under runs: or defaults:)");
        }
      });
      Path ownResults = Path.of(optionalPath(root, RESULTS, DEFAULT_RESULTS));
      Path results = resultsOverride != null ? resultsOverride : ownResults;
      String readme = optionalPath(root, README, null);
      Map<SuiteField, Object> defaults = defaults(root.fields().get(DEFAULTS));
      YamlTree.Key runs = root.fields().get(RUNS);
      if (runs == null) {
        throw fault(root.line(), "", "no 'runs:' list; a suite holds at least one run");
      }
      if (!runs.value().value().isArray() || runs.value().items().isEmpty()) {
        throw fault(runs.line(), "", "field 'runs' should be a list of runs, each with at least name and model");
      }
      List<SuiteEntry> entries = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      int index = 0;
      for (YamlTree run : runs.value().items()) {
        index++;
        SuiteEntry e = entry(run, index, defaults, results);
        Integer first = seen.putIfAbsent(e.name(), run.fields().get(SuiteField.NAME.yamlName()).line());
        if (first != null) {
          throw fault(run.fields().get(SuiteField.NAME.yamlName()).line(), "run '" + e.name() + "': ",
              "field 'name' repeats the name of the run at line " + first + "; each run needs its own name");
        }
        entries.add(e);
      }
      return new Suite(file, results, readme == null ? null : Path.of(readme), entries);
    }

    private String optionalPath(YamlTree root, String name, String otherwise) {
      YamlTree.Key k = root.fields().get(name);
      if (k == null || k.value().value().isNull()) {
        return otherwise;
      }
      return (String) value(SuiteField.OUT, k, "", name);
    }

    private Map<SuiteField, Object> defaults(YamlTree.Key key) {
      Map<SuiteField, Object> values = new EnumMap<>(SuiteField.class);
      if (key == null || key.value().value().isNull()) {
        return values;
      }
      if (!key.value().value().isObject()) {
        throw fault(key.line(), "", "field 'defaults' should be a mapping of run fields");
      }
      for (YamlTree.Key k : key.value().fields().values()) {
        SuiteField field = field(k, "defaults: ");
        if (!field.sharable()) {
          throw fault(k.line(), "defaults: ", "field '" + k.name() + "' belongs to each run, not to the defaults");
        }
        put(values, field, value(field, k, "defaults: ", k.name()));
      }
      return values;
    }

    private SuiteEntry entry(YamlTree run, int index, Map<SuiteField, Object> defaults, Path results) {
      String where = "run " + index + ": ";
      if (!run.value().isObject()) {
        throw fault(run.line(), where, "should be a mapping with at least name and model");
      }
      YamlTree.Key nameKey = run.fields().get(SuiteField.NAME.yamlName());
      if (nameKey == null) {
        throw fault(run.line(), where, "no field 'name'; each run needs a name (it names the result file)");
      }
      Object name = value(SuiteField.NAME, nameKey, where, nameKey.name());
      if (name == null) {
        throw fault(nameKey.line(), where, "field 'name' is empty");
      }
      where = "run '" + name + "': ";
      Map<SuiteField, Object> values = new EnumMap<>(SuiteField.class);
      for (SuiteField f : SuiteField.values()) {
        put(values, f, f.defaultValue());
      }
      values.putAll(defaults);
      for (YamlTree.Key k : run.fields().values()) {
        SuiteField field = field(k, where);
        Object value = value(field, k, where, k.name());
        if (value == null) {
          values.remove(field);
        } else {
          values.put(field, value);
        }
      }
      if (!values.containsKey(SuiteField.MODEL)) {
        throw fault(run.line(), where, "no field 'model' (in the run or its defaults)");
      }
      checkKeyOfExam(run, where, values);
      values.putIfAbsent(SuiteField.OUT, results.resolve(name + ".json").toString());
      return new SuiteEntry(run.line(), values);
    }

    /**
     * The answer key must be one of the exam's editions (only the 120th has the author's); a per-exam key
     * ({@code 120=author,113=igakuqa}) gives the run its exam's entry, or the exam's default edition.
     */
    private void checkKeyOfExam(YamlTree run, String where, Map<SuiteField, Object> values) {
      String exam = (String) values.get(SuiteField.EXAM);
      String key = (String) values.get(SuiteField.KEY);
      if (key.contains("=")) {
        String entry = KeyChoice.parse(List.of(key)).nameFor(exam);
        key = entry != null ? entry : Exams.get(exam).defaultEdition();
        values.put(SuiteField.KEY, key);
      }
      Set<String> editions = Exams.get(exam).editions().keySet();
      if (!editions.contains(key)) {
        YamlTree.Key at = run.fields().getOrDefault(SuiteField.KEY.yamlName(),
            run.fields().get(SuiteField.EXAM.yamlName()));
        throw fault(at != null ? at.line() : run.line(), where, "field 'key' is '" + key + "', which exam " + exam
            + " does not have (its answer keys: " + String.join(", ", editions) + ")");
      }
    }

    private SuiteField field(YamlTree.Key k, String where) {
      refuseLiteralKey(k, where);
      SuiteField field = SuiteField.named(k.name());
      if (field == null) {
        throw fault(k.line(), where, "unknown field '" + k.name() + "' (a run has " + String.join(", ",
            SuiteField.names()) + ")");
      }
      return field;
    }

    private void refuseLiteralKey(YamlTree.Key k, String where) {
      if (k.name().equals(SuiteField.LITERAL_KEY)) {
        // The value is not shown: it is a key.
        throw fault(k.line(), where, "field '" + SuiteField.LITERAL_KEY + "' would hold a literal key, which a "
            + "suite file never does: keep the key in an environment variable and name it with api_key_env");
      }
    }

    private Object value(SuiteField field, YamlTree.Key k, String where, String name) {
      try {
        return field.read(k.value().value());
      } catch (SuiteField.Invalid e) {
        throw fault(k.value().line(), where, "field '" + name + "' " + e.getMessage());
      }
    }

    private static void put(Map<SuiteField, Object> values, SuiteField field, Object value) {
      if (value != null) {
        values.put(field, value);
      }
    }

    private UserError fault(int line, String where, String message) {
      return new UserError(file + ":" + line + ": " + where + message);
    }
  }
}
