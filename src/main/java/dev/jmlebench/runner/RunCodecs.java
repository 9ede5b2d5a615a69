package dev.jmlebench.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.batch.BatchWait;
import dev.jmlebench.cache.ResponseCache;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.client.Secrets;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.variant.ChoiceOrder;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.KeyChoice;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each kind of run setting reads from its text on the command line and from a result file's metadata,
 * and prints back, so that each reads back exactly what it printed. A fault is an {@link Invalid} whose
 * message names neither the flag nor the file: the caller knows which it read.
 */
final class RunCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RunCodecs() {}

  /** Why a value was refused. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  interface Codec<T> {
    T parse(String text, RunField.Context c);

    String print(T value);

    JsonNode toJson(T value, RunField.Context c);

    T fromJson(JsonNode node, RunField.Context c);

    /** Whether a recorded value and this run's mean the same run. */
    default boolean same(T recorded, T mine, RunField.Context c) {
      return Objects.equals(recorded, mine);
    }

    /** Every value there is, for a kind that takes one of a fixed set (for completion); empty otherwise. */
    default List<String> candidates() {
      return List.of();
    }
  }

  /** A codec whose metadata form is its command-line text. */
  private abstract static class Textual<T> implements Codec<T> {
    @Override
    public JsonNode toJson(T value, RunField.Context c) {
      return value == null ? NODES.nullNode() : NODES.textNode(print(value));
    }

    @Override
    public T fromJson(JsonNode node, RunField.Context c) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        throw new Invalid("should be text, not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      return parse(node.textValue(), c);
    }
  }

  static final Codec<String> TEXT = new Textual<>() {
    @Override
    public String parse(String text, RunField.Context c) {
      if (text.isBlank() || text.codePoints().anyMatch(Character::isISOControl)) {
        throw new Invalid("should be text without control characters, not blank");
      }
      return text;
    }

    @Override
    public String print(String value) {
      return value;
    }
  };

  static final Codec<ApiKind> API_KIND = new Textual<>() {
    @Override
    public ApiKind parse(String text, RunField.Context c) {
      ApiKind k = ApiKind.fromWireName(text);
      if (k == null) {
        throw new Invalid("expected openai or anthropic, not '" + text + "'");
      }
      return k;
    }

    @Override
    public String print(ApiKind value) {
      return value.wireName();
    }

    @Override
    public List<String> candidates() {
      return java.util.Arrays.stream(ApiKind.values()).map(ApiKind::wireName).toList();
    }
  };

  static final Codec<ImageMode> IMAGE_MODE = new Textual<>() {
    @Override
    public ImageMode parse(String text, RunField.Context c) {
      ImageMode m = ImageMode.fromWireName(text);
      if (m == null) {
        throw new Invalid("expected skip, blind or vision, not '" + text + "'");
      }
      return m;
    }

    @Override
    public String print(ImageMode value) {
      return value.wireName();
    }

    @Override
    public List<String> candidates() {
      return java.util.Arrays.stream(ImageMode.values()).map(ImageMode::wireName).toList();
    }
  };

  /** A base URL. It may carry credentials (user info, a query): it prints and is recorded only without them. */
  static final Codec<URI> URL = new Textual<>() {
    @Override
    public URI parse(String text, RunField.Context c) {
      try {
        URI url = new URI(text);
        String problem = ClientSettings.baseUrlProblem(url);
        if (problem != null) {
          throw new Invalid(problem);
        }
        return url;
      } catch (URISyntaxException e) {
        // Not the input itself: it may hold a key.
        throw new Invalid("not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
      }
    }

    @Override
    public String print(URI value) {
      return Secrets.publicUrl(value).toString();
    }

    @Override
    public boolean same(URI recorded, URI mine, RunField.Context c) {
      return print(recorded).equals(print(mine));
    }
  };

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static final Codec<String> VARIABLE_NAME = new Textual<>() {
    @Override
    public String parse(String text, RunField.Context c) {
      // The value is never echoed: a key given here by mistake must not reach the terminal.
      if (!VARIABLE.matcher(text).matches()) {
        throw new Invalid("should name an environment variable that holds the key, such as OPENROUTER_API_KEY");
      }
      return text;
    }

    @Override
    public String print(String value) {
      return value;
    }
  };

  static final Codec<ObjectNode> JSON_OBJECT = new Codec<>() {
    @Override
    public ObjectNode parse(String text, RunField.Context c) {
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new Invalid(JsonFiles.describe(e, text.getBytes(StandardCharsets.UTF_8)));
      }
      if (node == null || !node.isObject()) {
        throw new Invalid("should be a JSON object such as '{\"temperature\": 0}', not "
            + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
      return (ObjectNode) node;
    }

    @Override
    public String print(ObjectNode value) {
      return value.toString();
    }

    @Override
    public JsonNode toJson(ObjectNode value, RunField.Context c) {
      return value == null ? NODES.nullNode() : value.deepCopy();
    }

    @Override
    public ObjectNode fromJson(JsonNode node, RunField.Context c) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        throw new Invalid("should be a JSON object or null");
      }
      return ((ObjectNode) node).deepCopy();
    }
  };

  /** A whole number within bounds. */
  private static final class Whole implements Codec<Integer> {
    private final int least;

    Whole(int least) {
      this.least = least;
    }

    @Override
    public Integer parse(String text, RunField.Context c) {
      long v;
      try {
        v = Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw new Invalid(expected() + ", not '" + text + "'");
      }
      return checked(v);
    }

    private Integer checked(long v) {
      if (v < least || v > Integer.MAX_VALUE) {
        throw new Invalid(expected() + ", not " + v);
      }
      return (int) v;
    }

    private String expected() {
      return least == 0 ? "should be 0 or more" : "should be a positive number";
    }

    @Override
    public String print(Integer value) {
      return value.toString();
    }

    @Override
    public JsonNode toJson(Integer value, RunField.Context c) {
      return value == null ? NODES.nullNode() : NODES.numberNode(value);
    }

    @Override
    public Integer fromJson(JsonNode node, RunField.Context c) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw new Invalid(expected());
      }
      return checked(node.longValue());
    }
  }

  static final Codec<Integer> POSITIVE = new Whole(1);
  static final Codec<Integer> NON_NEGATIVE = new Whole(0);

  static final Codec<String> EXAM = new Codec<>() {
    @Override
    public String parse(String text, RunField.Context c) {
      String id = text.strip();
      if (!Exams.ids().contains(id)) {
        throw new Invalid("exam '" + text + "' is not one this version runs (" + String.join(", ", Exams.ids()) + ")");
      }
      return id;
    }

    @Override
    public String print(String value) {
      return value;
    }

    @Override
    public JsonNode toJson(String value, RunField.Context c) {
      return NODES.textNode(value);
    }

    @Override
    public List<String> candidates() {
      return Exams.ids();
    }

    @Override
    public String fromJson(JsonNode node, RunField.Context c) {
      if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
        throw new Invalid("should be an exam such as \"120\"");
      }
      return parse(node.asText(), c);
    }
  };

  /**
   * The answer key, as {@code --key} names it for the run's exam: an edition, an edition file ({@code *.json}),
   * or per exam ({@code 120=author,113=igakuqa}, of which the run's exam's entry is taken). A file records the
   * name of the edition it holds.
   */
  static final Codec<String> ANSWER_KEY = new Codec<>() {
    @Override
    public String parse(String text, RunField.Context c) {
      // Read and checked as every command reads --key (its faults name it), the file of an edition too.
      String exam = c.get(RunField.EXAM);
      KeyChoice choice = KeyChoice.parse(List.of(text));
      AnswerKey key = choice.forExam(exam);
      String chosen = choice.nameFor(exam);
      return chosen != null && chosen.endsWith(".json") ? chosen : key.name();
    }

    @Override
    public String print(String value) {
      return value;
    }

    @Override
    public JsonNode toJson(String value, RunField.Context c) {
      return NODES.textNode(editionName(value, c));
    }

    @Override
    public String fromJson(JsonNode node, RunField.Context c) {
      if (node == null || !node.isTextual()) {
        throw new Invalid("should be the name of an answer key");
      }
      return node.textValue(); // the edition it was graded with, even one this version does not bundle
    }

    @Override
    public boolean same(String recorded, String mine, RunField.Context c) {
      return editionName(recorded, c).equals(editionName(mine, c));
    }

    private String editionName(String value, RunField.Context c) {
      return value.endsWith(".json") ? AnswerKey.chosen(c.get(RunField.EXAM), value).name() : value;
    }
  };

  private static final Pattern QUESTION_ID = Pattern.compile("(\\d+)([A-Za-z])-0*([1-9]\\d{0,2})");
  private static final Pattern BLOCK = Pattern.compile("[A-Za-z]");
  static final String IMAGES = "images";
  static final String TEXT_ONLY = "text";

  /**
   * A question subset: ids, blocks, {@code images}, {@code text}, in one canonical order (the kinds, the
   * blocks, the ids by exam order) without repeats, so two ways of writing one subset are one value; an empty
   * list is every question. {@code images} and {@code text} together narrow nothing and are dropped.
   */
  static final Codec<List<String>> QUESTIONS = new Codec<>() {
    @Override
    public List<String> parse(String text, RunField.Context c) {
      Set<String> tokens = new LinkedHashSet<>();
      for (String raw : text.split(",", -1)) {
        String t = raw.strip();
        if (t.isEmpty()) {
          continue;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        Matcher id = QUESTION_ID.matcher(t);
        if (lower.equals(IMAGES) || lower.equals(TEXT_ONLY)) {
          tokens.add(lower);
        } else if (BLOCK.matcher(t).matches()) {
          tokens.add(t.toUpperCase(Locale.ROOT));
        } else if (id.matches()) {
          tokens.add(id.group(1) + id.group(2).toUpperCase(Locale.ROOT) + "-" + id.group(3));
        } else {
          throw new Invalid("expected question ids (120A-1), blocks (A), images or text, comma-separated, not '"
              + t + "'");
        }
      }
      if (tokens.contains(IMAGES) && tokens.contains(TEXT_ONLY)) {
        tokens.remove(IMAGES);
        tokens.remove(TEXT_ONLY);
      }
      List<String> sorted = new ArrayList<>(tokens);
      sorted.sort(Comparator.comparingInt(RunCodecs::questionTokenKind).thenComparing(RunCodecs::idOrder));
      return List.copyOf(sorted);
    }

    @Override
    public String print(List<String> value) {
      return String.join(",", value);
    }

    @Override
    public JsonNode toJson(List<String> value, RunField.Context c) {
      ArrayNode a = NODES.arrayNode();
      value.forEach(a::add);
      return a;
    }

    @Override
    public List<String> fromJson(JsonNode node, RunField.Context c) {
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw new Invalid("should be a list of question ids, blocks, images or text");
      }
      List<String> texts = new ArrayList<>();
      for (JsonNode n : node) {
        if (!n.isTextual()) {
          throw new Invalid("should be a list of question ids, blocks, images or text");
        }
        texts.add(n.textValue());
      }
      return parse(String.join(",", texts), c);
    }
  };

  private static int questionTokenKind(String t) {
    return t.equals(IMAGES) || t.equals(TEXT_ONLY) ? 0 : t.length() == 1 ? 1 : 2;
  }

  /** Exam, block, then number as a number, so 120A-2 comes before 120A-10. */
  private static String idOrder(String t) {
    Matcher m = QUESTION_ID.matcher(t);
    return m.matches() ? String.format(Locale.ROOT, "%6s%s%04d", m.group(1), m.group(2), Integer.parseInt(m.group(3)))
        : t;
  }

  static final Codec<Duration> SECONDS = new Codec<>() {
    @Override
    public Duration parse(String text, RunField.Context c) {
      return Duration.ofSeconds(POSITIVE.parse(text, c));
    }

    @Override
    public String print(Duration value) {
      return String.valueOf(value.toSeconds());
    }

    @Override
    public JsonNode toJson(Duration value, RunField.Context c) {
      return NODES.numberNode(value.toSeconds());
    }

    @Override
    public Duration fromJson(JsonNode node, RunField.Context c) {
      return Duration.ofSeconds(POSITIVE.fromJson(node, c));
    }
  };

  /** The retry budget: minutes on the command line, seconds in the metadata; longer than the first backoff. */
  static final Codec<Duration> BUDGET_MINUTES = new Codec<>() {
    @Override
    public Duration parse(String text, RunField.Context c) {
      double minutes;
      try {
        minutes = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        throw new Invalid("should be a positive number of minutes, not '" + text + "'");
      }
      if (!(minutes > 0) || Double.isInfinite(minutes)) {
        throw new Invalid("should be a positive number of minutes, not " + text);
      }
      return checked(Duration.ofMillis(Math.round(minutes * 60_000)), text + " minutes");
    }

    private Duration checked(Duration budget, String given) {
      if (budget.compareTo(RetrySettings.DEFAULT_INITIAL_DELAY) <= 0) {
        throw new Invalid("should be longer than the first backoff ("
            + RetrySettings.DEFAULT_INITIAL_DELAY.toSeconds() + " s), not " + given);
      }
      return budget;
    }

    @Override
    public String print(Duration value) {
      long ms = value.toMillis();
      return ms % 60_000 == 0 ? String.valueOf(ms / 60_000) : String.valueOf(ms / 60_000.0);
    }

    @Override
    public JsonNode toJson(Duration value, RunField.Context c) {
      long ms = value.toMillis();
      return ms % 1000 == 0 ? NODES.numberNode(ms / 1000) : NODES.numberNode(ms / 1000.0);
    }

    @Override
    public Duration fromJson(JsonNode node, RunField.Context c) {
      if (node == null || !node.isNumber() || !(node.doubleValue() > 0) || Double.isInfinite(node.doubleValue())) {
        throw new Invalid("should be a positive number of seconds");
      }
      return checked(Duration.ofMillis(Math.round(node.doubleValue() * 1000)), node.asText() + " seconds");
    }
  };

  private static final long MB = 1L << 20;

  /** A size: megabytes on the command line, bytes in the metadata. */
  static final Codec<Long> MEGABYTES = new Codec<>() {
    @Override
    public Long parse(String text, RunField.Context c) {
      long mb;
      try {
        mb = Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        mb = -1;
      }
      if (mb < 1 || mb > MB) {
        throw new Invalid("should be a number of megabytes from 1 to " + MB + ", not '" + text + "'");
      }
      return mb * MB;
    }

    @Override
    public String print(Long value) {
      return String.valueOf(Math.max(1, value / MB));
    }

    @Override
    public JsonNode toJson(Long value, RunField.Context c) {
      return NODES.numberNode(value);
    }

    @Override
    public Long fromJson(JsonNode node, RunField.Context c) {
      if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
        throw new Invalid("should be a positive number of bytes");
      }
      return node.longValue();
    }
  };

  /** A switch: on when the flag is given. */
  static final Codec<Boolean> SWITCH = new Codec<>() {
    @Override
    public Boolean parse(String text, RunField.Context c) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "", "true" -> true;
        case "false" -> false;
        default -> throw new Invalid("takes no value, not '" + text + "'");
      };
    }

    @Override
    public String print(Boolean value) {
      return "";
    }

    @Override
    public JsonNode toJson(Boolean value, RunField.Context c) {
      return NODES.booleanNode(value);
    }

    @Override
    public Boolean fromJson(JsonNode node, RunField.Context c) {
      if (node == null || !node.isBoolean()) {
        throw new Invalid("should be true or false");
      }
      return node.booleanValue();
    }
  };

  /** The response cache's folder; the flag alone is the default folder, which prints as the flag alone. */
  static final Codec<Path> CACHE_FOLDER = new Textual<>() {
    @Override
    public Path parse(String text, RunField.Context c) {
      return text.isEmpty() ? ResponseCache.defaultDirectory() : Path.of(text);
    }

    @Override
    public String print(Path value) {
      return value.equals(ResponseCache.defaultDirectory()) ? "" : value.toString();
    }
  };

  /** How long a batch is waited for: 26h, 90m, 30s, or a number of hours ({@link BatchWait}). */
  static final Codec<Duration> BATCH_WAIT = new Textual<>() {
    @Override
    public Duration parse(String text, RunField.Context c) {
      try {
        return BatchWait.parse(text, "time");
      } catch (dev.jmlebench.common.UserError e) {
        throw new Invalid(e.getMessage().substring("time: ".length()));
      }
    }

    @Override
    public String print(Duration value) {
      return BatchWait.format(value);
    }
  };

  static final Codec<Set<Reask>> REASK = new Codec<>() {
    @Override
    public Set<Reask> parse(String text, RunField.Context c) {
      Set<Reask> out = EnumSet.of(Reask.ERRORS);
      for (String n : text.split(",", -1)) {
        String name = n.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        Reask k = Reask.named(name);
        if (k == null) {
          throw new Invalid("expected errors, unparsed or truncated (comma-separated), not '" + n.strip() + "'");
        }
        out.add(k);
      }
      return Set.copyOf(out);
    }

    @Override
    public String print(Set<Reask> value) {
      return String.join(",", value.stream().sorted().map(Reask::wireName).toList());
    }

    @Override
    public JsonNode toJson(Set<Reask> value, RunField.Context c) {
      ArrayNode a = NODES.arrayNode();
      value.stream().sorted().map(Reask::wireName).forEach(a::add);
      return a;
    }

    @Override
    public Set<Reask> fromJson(JsonNode node, RunField.Context c) {
      if (node == null || !node.isArray()) {
        throw new Invalid("should be a list of errors, unparsed or truncated");
      }
      List<String> names = new ArrayList<>();
      node.forEach(n -> names.add(n.asText()));
      return parse(String.join(",", names), c);
    }
  };

  /** US dollars, 0 or more, compared by value (1.50 is 1.5). */
  static final Codec<BigDecimal> USD = new Codec<>() {
    @Override
    public BigDecimal parse(String text, RunField.Context c) {
      BigDecimal v;
      try {
        v = new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new Invalid("should be US dollars per million tokens, 0 or more, not '" + text + "'");
      }
      if (v.signum() < 0) {
        throw new Invalid("should be US dollars per million tokens, 0 or more, not " + text);
      }
      return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }

    @Override
    public String print(BigDecimal value) {
      return value.toPlainString();
    }

    @Override
    public JsonNode toJson(BigDecimal value, RunField.Context c) {
      return NODES.numberNode(value);
    }

    @Override
    public BigDecimal fromJson(JsonNode node, RunField.Context c) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isNumber()) {
        throw new Invalid("should be a number of US dollars");
      }
      return parse(node.asText(), c);
    }
  };

  /** A choice order ({@code cyclic:K}, {@code shuffle:SEED}; docs/ROBUSTNESS.md). */
  static final Codec<ChoiceOrder> CHOICE_ORDER = new Textual<>() {
    @Override
    public ChoiceOrder parse(String text, RunField.Context c) {
      try {
        return ChoiceOrder.parse(text, "");
      } catch (UserError e) {
        throw new Invalid(e.getMessage().replaceFirst("^: ", ""));
      }
    }

    @Override
    public String print(ChoiceOrder value) {
      return value.wireName();
    }
  };

  /**
   * Why an exam is not asked in a language, or null when it is: its own (Japanese), or one its source publishes
   * a translation into ({@code en} for the 112th-116th). Checked on the whole run ({@link RunSpec}), as the
   * exam and the language may be set apart (a suite's defaults and entries).
   */
  static String languageProblem(Language l, String exam) {
    if (l == null || l == Language.JAPANESE || Exams.get(exam).translationManifest(l.wireName()).isPresent()) {
      return null;
    }
    List<String> offering = Exams.ids().stream()
        .filter(id -> Exams.get(id).translationManifest(l.wireName()).isPresent())
        .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
    return l.wireName() + " is not offered for the " + ExamOrdinal.of(exam) + " exam: its source publishes no "
        + "translation" + (offering.isEmpty() ? "" : " (exams with one: " + String.join(", ", offering) + ")");
  }

  /** The language the exam is asked in ({@code ja}, the exam's own, by default); see {@link #languageProblem}. */
  static final Codec<Language> LANGUAGE = new Textual<>() {
    @Override
    public Language parse(String text, RunField.Context c) {
      Language l = Language.fromWireName(text.strip().toLowerCase(Locale.ROOT));
      if (l == null) {
        throw new Invalid("expected " + candidates().stream().collect(java.util.stream.Collectors.joining(" or "))
            + ", not '" + text + "'");
      }
      return l;
    }

    @Override
    public String print(Language value) {
      return value.wireName();
    }

    @Override
    public List<String> candidates() {
      return java.util.Arrays.stream(Language.values()).map(Language::wireName).toList();
    }
  };
}
