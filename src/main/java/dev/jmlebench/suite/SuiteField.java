package dev.jmlebench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import java.util.ArrayList;
import dev.jmlebench.score.KeyChoice;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of a suite entry: their names in the file, their kinds, their defaults, and the run field
 * ({@link RunField}) each sets — the one mapping from a suite to a {@link dev.jmlebench.runner.RunSpec}. A run
 * field a suite should set is one constant here (kind {@code RUN} reads it as {@code run} reads its option);
 * the file's validation, {@code suite plan}, {@code suite run} and {@code from-results} all follow from it.
 */
public enum SuiteField {
  // A field that a result file's metadata records has the metadata's name, so that a suite reads like the
  // files it makes (and from-results maps one to the other).
  NAME("name", Kind.NAME, null, null),
  MODEL(ResultSchema.Metadata.MODEL, Kind.TEXT, null, RunField.MODEL),
  BASE_URL(ResultSchema.Metadata.BASE_URL, Kind.URL, ApiKind.OPENAI.defaultBaseUrl(), RunField.BASE_URL),
  // No default: the variable run's rule chooses for the server (ApiKind.keyVariable).
  API_KEY_ENV("api_key_env", Kind.ENVIRONMENT_VARIABLE, null, RunField.KEY_VARIABLE),
  API(ResultSchema.Request.API, Kind.RUN, null, RunField.API),
  IMAGE_MODE(ResultSchema.Metadata.IMAGE_MODE, Kind.IMAGE_MODE, ImageMode.BLIND.wireName(), RunField.IMAGE_MODE),
  EXTRA_BODY(ResultSchema.Metadata.EXTRA_BODY, Kind.MAPPING, null, RunField.EXTRA_BODY),
  MAX_TOKENS(ResultSchema.Request.MAX_TOKENS, Kind.RUN, null, RunField.MAX_TOKENS),
  QUESTIONS(ResultSchema.Request.QUESTIONS, Kind.RUN, null, RunField.QUESTIONS),
  LIMIT(ResultSchema.Request.LIMIT, Kind.RUN, null, RunField.LIMIT),
  PARALLEL("parallel", Kind.POSITIVE, RunField.DEFAULT_PARALLEL, RunField.PARALLEL),
  TIMEOUT("timeout", Kind.POSITIVE, RunField.DEFAULT_TIMEOUT_SECONDS, RunField.TIMEOUT),
  REPEATS(ResultSchema.Metadata.REPEATS, Kind.POSITIVE, 1, RunField.REPEATS),
  EXAM(ResultSchema.Metadata.EXAM, Kind.EXAM, Exams.DEFAULT, RunField.EXAM),
  KEY("key", Kind.ANSWER_KEY, "official", RunField.ANSWER_KEY),
  DISPLAY_NAME(ResultSchema.Metadata.DISPLAY_NAME, Kind.TEXT, null, RunField.DISPLAY_NAME),
  CHOICE_ORDER(ResultSchema.Metadata.CHOICE_ORDER, Kind.RUN, null, RunField.CHOICE_ORDER),
  LANGUAGE(ResultSchema.Metadata.LANGUAGE, Kind.RUN, null, RunField.LANGUAGE),
  CACHE("cache", Kind.RUN, null, RunField.CACHE),
  PRICE_INPUT("price_input", Kind.RUN, null, RunField.PRICE_INPUT),
  PRICE_OUTPUT("price_output", Kind.RUN, null, RunField.PRICE_OUTPUT),
  OUT("out", Kind.PATH, null, null);

  /** A literal key is never written in a suite file; this field name is refused wherever it appears. */
  static final String LITERAL_KEY = "api_key";

  private final String yamlName;
  private final Kind kind;
  private final Object defaultValue;
  private final RunField<?> runField;

  SuiteField(String yamlName, Kind kind, Object defaultValue, RunField<?> runField) {
    this.yamlName = yamlName;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.runField = runField;
  }

  public String yamlName() {
    return yamlName;
  }

  /** The value an entry has when neither it nor the suite's defaults set one; null for none. */
  Object defaultValue() {
    return defaultValue;
  }

  /** The run field this field sets, or null when it sets none (the entry's name, its file). */
  RunField<?> runField() {
    return runField;
  }

  /** Whether a suite's {@code defaults} may set it: not what tells one entry from another. */
  boolean sharable() {
    return this != NAME && this != OUT;
  }

  static SuiteField named(String yamlName) {
    for (SuiteField f : values()) {
      if (f.yamlName.equals(yamlName)) {
        return f;
      }
    }
    return null;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(SuiteField::yamlName).toList();
  }

  /** The checked value of a node: a String, an Integer or an ObjectNode; null for a YAML null. */
  Object read(JsonNode node) throws Invalid {
    if (node == null || node.isNull()) {
      return null;
    }
    if (kind == Kind.RUN) {
      // Read as run reads its option: a scalar as its text, a list comma-separated.
      List<String> items = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(n -> items.add(n.asText()));
      } else if (node.isValueNode()) {
        items.add(node.asText());
      } else {
        throw new Invalid("should be a value or a list, not " + shown(node));
      }
      String text = String.join(",", items);
      String problem = RunSpec.problemOf(runField, text);
      if (problem != null) {
        throw new Invalid(problem);
      }
      return text;
    }
    return kind.read(node);
  }

  /** A value as {@code run} takes it on its command line. */
  static String asArgument(Object value) {
    return value.toString();
  }

  /** Why a value was refused; the reader adds the file, the line and the field. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private enum Kind {
    /** Any run field, read as the text {@code run} takes for its option (see {@link SuiteField#read}). */
    RUN {
      @Override
      Object read(JsonNode n) {
        throw new IllegalStateException("read by the field");
      }
    },
    NAME {
      private final Pattern pattern = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

      @Override
      Object read(JsonNode n) throws Invalid {
        String s = text(n, "a name");
        if (!pattern.matcher(s).matches()) {
          throw new Invalid("should be a name of letters, digits, '.', '_' and '-' (it names the result file), not "
              + shown(n));
        }
        return s;
      }
    },
    TEXT {
      @Override
      Object read(JsonNode n) throws Invalid {
        return printable(n, "text");
      }
    },
    URL {
      @Override
      Object read(JsonNode n) throws Invalid {
        String s = text(n, "a URL");
        URI url;
        try {
          url = new URI(s);
        } catch (URISyntaxException e) {
          throw new Invalid("is not a URL: " + e.getReason());
        }
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
          throw new Invalid("should be http(s)://HOST[:PORT]/PATH, not " + shown(n));
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null) {
          // The only place a key could hide in a URL; it would then be printed and written to result files.
          throw new Invalid("should carry no user, password or query (name the key's variable in api_key_env)");
        }
        return s;
      }
    },
    ENVIRONMENT_VARIABLE {
      private final Pattern pattern = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

      @Override
      Object read(JsonNode n) throws Invalid {
        // The value is never echoed: a key pasted here by mistake must not reach the terminal.
        if (!n.isTextual() || !pattern.matcher(n.textValue()).matches()) {
          throw new Invalid("should name an environment variable that holds the key, such as OPENROUTER_API_KEY");
        }
        return n.textValue();
      }
    },
    IMAGE_MODE {
      @Override
      Object read(JsonNode n) throws Invalid {
        String s = text(n, "skip, blind or vision");
        if (ImageMode.fromWireName(s) == null) {
          throw new Invalid("should be skip, blind or vision, not " + shown(n));
        }
        return s;
      }
    },
    MAPPING {
      @Override
      Object read(JsonNode n) throws Invalid {
        if (!n.isObject()) {
          throw new Invalid("should be a mapping of request fields, such as {reasoning: {enabled: true}}, not "
              + shown(n));
        }
        return n.deepCopy();
      }
    },
    POSITIVE {
      @Override
      Object read(JsonNode n) throws Invalid {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
          throw new Invalid("should be a positive whole number, not " + shown(n));
        }
        return n.intValue();
      }
    },
    EXAM {
      @Override
      Object read(JsonNode n) throws Invalid {
        if (!n.isTextual() && !n.isIntegralNumber()) {
          throw new Invalid("should be an exam number such as 120, not " + shown(n));
        }
        String exam = n.asText();
        List<String> exams = Exams.ids();
        if (!exams.contains(exam)) {
          throw new Invalid("exam " + shown(n) + " is not one this version runs (" + String.join(", ", exams) + ")");
        }
        return exam;
      }
    },
    ANSWER_KEY {
      @Override
      Object read(JsonNode n) throws Invalid {
        // Any bundled exam's edition here; whether the run's own exam has it is checked with the exam.
        Set<String> editions = new LinkedHashSet<>();
        Exams.ids().forEach(id -> editions.addAll(Exams.get(id).editions().keySet()));
        String s = text(n, "an answer key (" + String.join(", ", editions) + ")");
        if (s.contains("=")) {
          // Per exam, as --key takes it (120=author,113=igakuqa): each run takes its exam's entry.
          try {
            KeyChoice.parse(List.of(s));
          } catch (UserError e) {
            throw new Invalid("entry " + e.getMessage().replaceFirst("^--key ", ""));
          }
          return s;
        }
        if (!editions.contains(s)) {
          throw new Invalid("should be an answer key (" + String.join(", ", editions) + "), not " + shown(n));
        }
        return s;
      }
    },
    PATH {
      @Override
      Object read(JsonNode n) throws Invalid {
        return printable(n, "a file path");
      }
    };

    abstract Object read(JsonNode n) throws Invalid;

    /** Text that is not blank and holds no control character: it is printed and names files. */
    static String printable(JsonNode n, String what) throws Invalid {
      String s = text(n, what);
      if (s.isBlank() || s.codePoints().anyMatch(Character::isISOControl)) {
        throw new Invalid("should be " + what + " without control characters, not " + shown(n));
      }
      return s;
    }

    static String text(JsonNode n, String what) throws Invalid {
      if (!n.isTextual()) {
        throw new Invalid("should be " + what + ", not " + shown(n));
      }
      return n.textValue();
    }
  }

  /** A value as an error message shows it: its YAML kind for a collection, else short and printable. */
  static String shown(JsonNode n) {
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    String s = n.isTextual() ? "\"" + n.textValue() + "\"" : n.asText();
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(60).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return s.codePointCount(0, s.length()) > 60 ? out + "…" : out.toString();
  }
}
