package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.common.UserError;
import dev.jmlebench.cost.Prices;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.variant.ChoiceOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a run is: a value for every {@link RunField} — exam, answer key, model, API, base URL, the NAME of the
 * key's variable (never the key), image mode, extra body, question subset, repeats, and how hard and at what
 * cost it asks. Immutable. It has exact inverses, which the round-trip tests hold:
 * <ul>
 *   <li>command-line arguments ⇄ spec ({@link #fromArguments}, {@link #toArguments}): minimal, a value equal
 *       to its default is left out, so a printed command can be shared;
 *   <li>spec ⇄ a result file's metadata ({@link #toMetadata}, {@link #fromMetadata}): what {@code continue FILE}
 *       reads back;
 *   <li>{@link #differencesFrom}: the identity fields in which a recorded run differs from this one, each with
 *       both values — resume, refusals and "finished: nothing asked" all ask it.
 * </ul>
 * Where the result file goes, and whether to resume another, are not what a run is: they are {@link RunTarget}.
 */
public final class RunSpec {
  /** Reads no environment variable: for specs that must not depend on the machine (tests, suites). */
  public static final Function<String, String> NO_ENVIRONMENT = name -> null;
  public static final Function<String, String> SYSTEM_ENVIRONMENT = System::getenv;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Every field of {@link RunField#ALL}, in its order; a null value is "none". */
  private final Map<RunField<?>, Object> values;

  private RunSpec(Map<RunField<?>, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    if (get(RunField.MODEL) == null) {
      throw new UserError(RunField.MODEL.flag() + ": a run needs a model");
    }
    if ((get(RunField.PRICE_INPUT) == null) != (get(RunField.PRICE_OUTPUT) == null)) {
      RunField<?> given = get(RunField.PRICE_INPUT) != null ? RunField.PRICE_INPUT : RunField.PRICE_OUTPUT;
      RunField<?> missing = given == RunField.PRICE_INPUT ? RunField.PRICE_OUTPUT : RunField.PRICE_INPUT;
      throw new UserError(given.flag() + " is given without " + missing.flag() + ": give both (USD per million "
          + "tokens)");
    }
    String offered = RunCodecs.languageProblem(get(RunField.LANGUAGE), get(RunField.EXAM));
    if (offered != null) {
      throw new UserError(RunField.LANGUAGE.flag() + ": " + offered);
    }
  }

  public <T> T get(RunField<T> field) {
    return field.cast(values.get(field));
  }

  /**
   * The same run with one field changed. A field that had its default follows the change (another base URL,
   * another key variable by the rule; another exam, its default answer key); one set otherwise keeps its value.
   */
  public <T> RunSpec with(RunField<T> field, T value) {
    return changed(Map.of(field, c -> value), NO_ENVIRONMENT);
  }

  /** The run with {@code explicit}'s fields set; the others as {@link #with} says. */
  private RunSpec changed(Map<RunField<?>, Function<Context, Object>> explicit, Function<String, String> env) {
    Context before = new Context(values, env);
    Map<RunField<?>, Object> changed = new LinkedHashMap<>();
    Context after = new Context(changed, env);
    for (RunField<?> f : RunField.ALL) {
      Object v;
      if (explicit.containsKey(f)) {
        v = explicit.get(f).apply(after);
      } else {
        Object old = values.get(f);
        Object oldDefault = f.defaultIn(before);
        boolean wasDefault = old == null ? oldDefault == null : oldDefault != null && f.same(oldDefault, old, before);
        v = wasDefault ? f.defaultIn(after) : old;
      }
      changed.put(f, v);
    }
    return new RunSpec(changed);
  }

  /** The run of {@code model} with every other field at its default, reading no environment variable. */
  public static RunSpec of(String model) {
    return fromArguments(Map.of(RunField.MODEL.flag(), model), NO_ENVIRONMENT);
  }

  // ---- command line ----------------------------------------------------------------------------------

  /**
   * The run that these options describe; an option not given takes its default.
   *
   * @param given each option's text by its flag (or an alias of it); a switch's text is "" or "true"
   * @param env reads an environment variable (the base URL's and the key variable's defaults depend on it)
   */
  public static RunSpec fromArguments(Map<String, String> given, Function<String, String> env) {
    Map<RunField<?>, String> texts = new LinkedHashMap<>();
    given.forEach((flag, text) -> {
      RunField<?> f = RunField.byFlag(flag);
      if (f == null) {
        throw new IllegalArgumentException(flag + " is no option of a run");
      }
      if (texts.put(f, text) != null) {
        throw new UserError(f.flag() + " is given twice (" + String.join(" or ", names(f)) + ")");
      }
    });
    Map<RunField<?>, Object> values = new LinkedHashMap<>();
    Context c = new Context(values, env);
    for (RunField<?> f : RunField.ALL) {
      String text = texts.get(f);
      try {
        values.put(f, text == null ? f.defaultIn(c) : f.parse(text, c));
      } catch (RunCodecs.Invalid e) {
        throw new UserError(f.flag() + ": " + e.getMessage());
      }
    }
    return new RunSpec(values);
  }

  /**
   * This run with the options {@code given} changed, read as {@link #fromArguments} reads them; the other
   * fields keep their values (for {@code continue FILE --parallel 4}).
   */
  public RunSpec withArguments(Map<String, String> given, Function<String, String> env) {
    Map<RunField<?>, Function<Context, Object>> explicit = new LinkedHashMap<>();
    given.forEach((flag, text) -> {
      RunField<?> f = RunField.byFlag(flag);
      if (f == null) {
        throw new IllegalArgumentException(flag + " is no option of a run");
      }
      explicit.put(f, c -> {
        try {
          return f.parse(text, c);
        } catch (RunCodecs.Invalid e) {
          throw new UserError(f.flag() + ": " + e.getMessage());
        }
      });
    });
    return changed(explicit, env);
  }

  /** The inverse of {@link #toArguments}: {@code --flag value} pairs, a switch or a flag that stands alone without one. */
  public static RunSpec fromWords(List<String> words, Function<String, String> env) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String flag = words.get(i);
      RunField<?> f = RunField.byFlag(flag);
      if (f == null) {
        throw new UserError("unknown option '" + flag + "' of a run");
      }
      boolean valueFollows = !f.isSwitch() && i + 1 < words.size()
          && !(f.optionalValue() && RunField.byFlag(words.get(i + 1)) != null);
      given.put(flag, valueFollows ? words.get(++i) : "");
    }
    return fromArguments(given, env);
  }

  /**
   * The options that give this run, minimal: a value equal to its default is left out, and so is the
   * response cache's default folder. Never a key; a base URL prints without the credentials it may carry
   * ({@link #hasHiddenCredentials}).
   */
  public List<String> toArguments(Function<String, String> env) {
    return toArguments(env, f -> true);
  }

  /** The options of {@link #toArguments(Function)} that set the fields {@code which} accepts. */
  public List<String> toArguments(Function<String, String> env, java.util.function.Predicate<RunField<?>> which) {
    Context c = new Context(values, env);
    List<String> words = new ArrayList<>();
    for (RunField<?> f : RunField.ALL) {
      if (!which.test(f)) {
        continue;
      }
      Object v = values.get(f);
      Object d = f.defaultIn(c);
      if (v == null || (d != null && f.same(d, v, c))) {
        continue;
      }
      words.add(f.flag());
      String text = f.print(v);
      if (!f.isSwitch() && !(f.optionalValue() && text.isEmpty())) {
        words.add(text);
      }
    }
    return words;
  }

  /**
   * Why {@code text} is no value of {@code field} as its option takes it, or null when it is one (read with
   * every other field at its default): for files that set run fields in their own way (suites).
   */
  public static String problemOf(RunField<?> field, String text) {
    Map<RunField<?>, Object> values = new LinkedHashMap<>();
    Context c = new Context(values, NO_ENVIRONMENT);
    for (RunField<?> f : RunField.ALL) {
      if (f == field) {
        try {
          f.parse(text, c);
          return null;
        } catch (RunCodecs.Invalid e) {
          return e.getMessage();
        } catch (UserError e) {
          return e.getMessage();
        }
      }
      values.put(f, f == RunField.MODEL ? "m" : f.defaultIn(c));
    }
    throw new IllegalArgumentException(field + " is not in the table");
  }

  /** Whether the field has its default value (in no environment). */
  public boolean isDefault(RunField<?> field) {
    Context c = new Context(values, NO_ENVIRONMENT);
    Object v = values.get(field);
    Object d = field.defaultIn(c);
    return v == null ? d == null : d != null && field.same(d, v, c);
  }

  /** The field's value as a result file's metadata records it (seconds for a timeout, bytes for a size). */
  public JsonNode recordedValue(RunField<?> field) {
    return field.toJson(values.get(field), new Context(values, NO_ENVIRONMENT));
  }

  /** Whether the base URL carries credentials, which no printed command or file shows. */
  public boolean hasHiddenCredentials() {
    return dev.jmlebench.client.Secrets.hasCredentials(baseUrl());
  }

  // ---- metadata ----------------------------------------------------------------------------------------

  /**
   * The fields a result file's metadata records of this run, laid out as there: the published fields at the
   * top ({@code model}, {@code base_url}, {@code image_mode}, {@code extra_body}, {@code display_name}), this
   * project's in {@code exam}, {@code answer_key}, {@code repeats} and {@code request}.
   */
  public ObjectNode toMetadata() {
    Context c = new Context(values, NO_ENVIRONMENT);
    ObjectNode o = NODES.objectNode();
    for (RunField<?> f : RunField.ALL) {
      if (!f.recorded()) {
        continue;
      }
      Object v = values.get(f);
      if (f.written() == RunField.Written.UNLESS_DEFAULT && (v == null || Objects.equals(v, f.defaultIn(c)))) {
        continue;
      }
      ObjectNode parent = o;
      List<String> path = f.metadataPath();
      for (String step : path.subList(0, path.size() - 1)) {
        parent = parent.has(step) ? (ObjectNode) parent.get(step) : parent.putObject(step);
      }
      parent.set(path.get(path.size() - 1), f.toJson(v, c));
    }
    return o;
  }

  /**
   * The run a result file's metadata (or a journal's header) records; what it does not record takes its
   * default — the published protocol's, for the published files.
   *
   * @param examIfUnrecorded the exam of a file that does not record it (recognised from its question ids)
   * @param source names the file in an error
   */
  public static RunSpec fromMetadata(JsonNode metadata, String examIfUnrecorded, Function<String, String> env,
      String source) {
    Map<RunField<?>, Object> values = new LinkedHashMap<>();
    Context c = new Context(values, env);
    for (RunField<?> f : RunField.ALL) {
      JsonNode node = recordedNode(metadata, f);
      try {
        if (f == RunField.EXAM && node == null && examIfUnrecorded != null) {
          values.put(f, examIfUnrecorded);
        } else {
          values.put(f, node == null ? f.defaultIn(c) : f.fromJson(node, c));
        }
      } catch (RunCodecs.Invalid e) {
        throw new UserError(source + ": metadata." + String.join(".", f.metadataPath()) + " " + e.getMessage());
      }
    }
    return new RunSpec(values);
  }

  /** The node where the metadata records the field (or recorded it once), or null. */
  private static JsonNode recordedNode(JsonNode metadata, RunField<?> f) {
    if (!f.recorded()) {
      return null;
    }
    JsonNode n = at(metadata, f.metadataPath());
    if (n == null && !f.legacyPath().isEmpty()) {
      n = at(metadata, f.legacyPath());
    }
    return n;
  }

  private static JsonNode at(JsonNode node, List<String> path) {
    JsonNode n = node;
    for (String step : path) {
      n = n == null || !n.isObject() ? null : n.get(step);
    }
    return n;
  }

  /** One identity field in which a recorded run differs from this one, with both values as printed. */
  public record Difference(RunField<?> field, String recorded, String mine) {
    @Override
    public String toString() {
      return field.displayName() + " " + recorded + " there, " + mine + " here";
    }
  }

  /**
   * The identity fields in which the run that {@code metadata} records differs from this one; empty when it
   * is this run. A field the metadata does not record is the published protocol's default, except the answer
   * key of a file older than its field, which may have been any (a resume grades again anyway). No
   * environment variable is read: a record means what it says wherever it is read.
   */
  public List<Difference> differencesFrom(JsonNode metadata, String examIfUnrecorded, String source) {
    RunSpec recorded = fromMetadata(metadata, examIfUnrecorded, NO_ENVIRONMENT, source);
    Context c = new Context(values, NO_ENVIRONMENT);
    List<Difference> out = new ArrayList<>();
    for (RunField<?> f : RunField.ALL) {
      if (!f.identity() || (f.unknownWhenUnrecorded() && recordedNode(metadata, f) == null)) {
        continue;
      }
      Object theirs = recorded.values.get(f);
      Object mine = values.get(f);
      boolean same = theirs == null || mine == null ? theirs == mine : f.same(theirs, mine, c);
      if (!same) {
        out.add(new Difference(f, f.shown(theirs), f.shown(mine)));
      }
    }
    return out;
  }

  /** "image mode blind there, vision here; extra body none there, {…} here". */
  public static String describe(List<Difference> differences) {
    return String.join("; ", differences.stream().map(Difference::toString).toList());
  }

  // ---- the values, typed -------------------------------------------------------------------------------

  public String model() {
    return get(RunField.MODEL);
  }

  public ApiKind api() {
    return get(RunField.API);
  }

  public URI baseUrl() {
    return get(RunField.BASE_URL);
  }

  /** The name of the variable the key is read from (never the key). */
  public String keyVariable() {
    return get(RunField.KEY_VARIABLE);
  }

  public ObjectNode extraBody() {
    ObjectNode b = get(RunField.EXTRA_BODY);
    return b == null ? null : b.deepCopy();
  }

  public Integer maxTokens() {
    return get(RunField.MAX_TOKENS);
  }

  public String exam() {
    return get(RunField.EXAM);
  }

  /** The answer key as {@code --key} names it for this exam (an edition, or an edition file). */
  public String answerKey() {
    return get(RunField.ANSWER_KEY);
  }

  /** The question subset ({@link RunCodecs#QUESTIONS}); empty for every question. */
  public List<String> questions() {
    return get(RunField.QUESTIONS);
  }

  /** At most this many questions are asked; null for all. */
  public Integer limit() {
    return get(RunField.LIMIT);
  }

  public ImageMode imageMode() {
    return get(RunField.IMAGE_MODE);
  }

  /**
   * How many requests the run sends when nothing is answered yet and nothing comes from a cache: the questions it
   * asks of {@code dataset} (its subset, image mode and limit, as the run chooses them) times its repeats.
   */
  public int requests(dev.jmlebench.dataset.Dataset dataset) {
    return Selection.of(dataset, this).questions().size() * repeats();
  }

  /** The order choices are shown in; null for the exam's own (docs/ROBUSTNESS.md). */
  public ChoiceOrder choiceOrder() {
    return get(RunField.CHOICE_ORDER);
  }

  /** The language the exam is asked in: Japanese, the exam's own, unless a variant says otherwise. */
  public Language language() {
    return get(RunField.LANGUAGE);
  }

  public int repeats() {
    return get(RunField.REPEATS);
  }

  public int parallel() {
    return get(RunField.PARALLEL);
  }

  public Duration timeout() {
    return get(RunField.TIMEOUT);
  }

  public RetrySettings retry() {
    return RetrySettings.of(get(RunField.MAX_RETRIES), get(RunField.RETRY_BUDGET));
  }

  public long maxBodyBytes() {
    return get(RunField.MAX_BODY);
  }

  public boolean batch() {
    return get(RunField.BATCH);
  }

  /** How long a batch is waited for before the run stops, leaving it recorded to reattach. */
  public Duration batchWait() {
    return get(RunField.BATCH_WAIT);
  }

  /** The response cache's folder, or null for none. */
  public Path cache() {
    return get(RunField.CACHE);
  }

  public Set<Reask> reask() {
    return get(RunField.REASK);
  }

  public String displayName() {
    return get(RunField.DISPLAY_NAME);
  }

  /** What tokens cost when the provider reports no cost, or null. */
  public Prices prices() {
    BigDecimal in = get(RunField.PRICE_INPUT);
    BigDecimal out = get(RunField.PRICE_OUTPUT);
    return in == null ? null : new Prices(in, out);
  }

  // ---- value semantics --------------------------------------------------------------------------------

  @Override
  public boolean equals(Object o) {
    return o instanceof RunSpec other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The options, as {@link #toArguments} prints them with no environment. */
  @Override
  public String toString() {
    return String.join(" ", toArguments(NO_ENVIRONMENT));
  }

  private static Set<String> names(RunField<?> f) {
    Set<String> out = new LinkedHashSet<>(List.of(f.flag()));
    out.addAll(f.aliases());
    return out;
  }

  /** The values read so far, and the environment. */
  private record Context(Map<RunField<?>, Object> values, Function<String, String> env) implements RunField.Context {
    @Override
    public <V> V get(RunField<V> field) {
      return field.cast(values.get(field));
    }

    @Override
    public String env(String name) {
      return env.apply(name);
    }
  }
}
