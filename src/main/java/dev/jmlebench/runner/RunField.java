package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.batch.BatchAsking;
import dev.jmlebench.batch.BatchWait;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.anthropic.AnthropicClient;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.ResultSchema.Request;
import dev.jmlebench.variant.ChoiceOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One setting of a run, everything about it said in one row: its name in messages, its flag on {@code run}'s
 * command line (with the help text and the group it is listed under), where a result file's metadata records
 * it, its default, whether it is part of the run's identity — it changes what is asked or how it is graded —
 * and how its value reads and prints ({@link RunCodecs}). {@link RunSpec} holds a value of each; the command
 * line, the metadata, resume's refusals, suites and every printed command follow {@link #ALL}. A new run
 * option is one constant here (and the code where it takes effect); the round-trip tests then cover it.
 *
 * <p>Outside the identity ({@link #identity()} false) are the settings that change only how fast, how
 * persistently or at what cost the same requests are made, and what the run is called: a resume may change
 * them.
 */
public final class RunField<T> {
  /** The groups {@code run --help} lists its options under, in this order. */
  public enum Group {
    WHAT("What to ask"),
    WHERE("Which model, where"),
    HOW("How hard to ask"),
    RECORD("What to record");

    private final String heading;

    Group(String heading) {
      this.heading = heading;
    }

    public String heading() {
      return heading;
    }
  }

  /** When the metadata holds the field: always (as the published format does), or only when it is not its default. */
  enum Written { ALWAYS, UNLESS_DEFAULT, NEVER }

  // ---- Which model, where ----------------------------------------------------------------------------

  public static final RunField<String> MODEL = new Builder<>(Metadata.MODEL, "--model", RunCodecs.TEXT)
      .label("MODEL").group(Group.WHERE).identity().metadata(Written.ALWAYS, Metadata.MODEL)
      .byDefault(c -> null).help("Model id, as the API names it.").build();

  public static final RunField<ApiKind> API = new Builder<>("API", "--api", RunCodecs.API_KIND)
      .label("API").group(Group.WHERE).identity().metadata(Written.ALWAYS, Metadata.REQUEST, Request.API)
      .byDefault(c -> ApiKind.OPENAI)
      .help("openai: OpenAI-compatible chat completions (the published protocol); anthropic: Anthropic's Messages "
          + "API (key in x-api-key, default base URL " + ApiKind.ANTHROPIC.defaultBaseUrl() + "). Default: openai")
      .build();

  public static final RunField<URI> BASE_URL = new Builder<>("base URL", "--base-url", RunCodecs.URL)
      .label("URL").group(Group.WHERE).identity().metadata(Written.ALWAYS, Metadata.BASE_URL)
      .byDefault(c -> c.get(API).baseUrl(c::env))
      .help("The API's base URL. Default: $" + ApiKind.BASE_URL_VARIABLE + " when set, else "
          + ApiKind.OPENAI.defaultBaseUrl() + " (" + ApiKind.ANTHROPIC.defaultBaseUrl() + " with --api anthropic).")
      .build();

  public static final RunField<String> KEY_VARIABLE = new Builder<>("key variable", "--api-key-env",
      RunCodecs.VARIABLE_NAME)
      .label("NAME").group(Group.WHERE).metadata(Written.NEVER)
      .byDefault(c -> c.get(API).keyVariable(c.get(BASE_URL), c::env))
      .help("The environment variable that holds the key (its name, never the key). Default: "
          + ApiKind.ANTHROPIC.keyVariableRule() + "; " + ApiKind.OPENAI.keyVariableRule() + ".")
      .build();

  public static final RunField<ObjectNode> EXTRA_BODY = new Builder<>("extra body", "--extra-body",
      RunCodecs.JSON_OBJECT)
      .label("JSON").group(Group.WHERE).identity().metadata(Written.ALWAYS, Metadata.EXTRA_BODY)
      .byDefault(c -> null)
      .help("JSON object merged into every request body, e.g. '{\"reasoning\": {\"enabled\": true}}'.").build();

  public static final RunField<Integer> MAX_TOKENS = new Builder<>("max tokens", "--max-tokens", RunCodecs.POSITIVE)
      .label("N").group(Group.WHERE).identity().metadata(Written.UNLESS_DEFAULT, Metadata.REQUEST, Request.MAX_TOKENS)
      .byDefault(c -> null)
      .help("max_tokens of every request. Default: the server's (Anthropic's Messages needs one: "
          + AnthropicClient.DEFAULT_MAX_TOKENS + ").")
      .build();

  // ---- What to ask -----------------------------------------------------------------------------------

  public static final RunField<String> EXAM = new Builder<>(Metadata.EXAM, "--exam", RunCodecs.EXAM)
      .label("ID").group(Group.WHAT).identity().metadata(Written.ALWAYS, Metadata.EXAM)
      .byDefault(c -> Exams.DEFAULT).help(null).build();

  public static final RunField<String> ANSWER_KEY = new Builder<>("answer key", "--key", RunCodecs.ANSWER_KEY)
      .label("EDITION").group(Group.WHAT).identity().unknownWhenUnrecorded()
      .metadata(Written.ALWAYS, Metadata.ANSWER_KEY)
      .byDefault(c -> Exams.get(c.get(EXAM)).defaultEdition()).help(null).build();

  public static final RunField<List<String>> QUESTIONS = new Builder<>("questions", "--questions",
      RunCodecs.QUESTIONS)
      .aliases("--blocks").label("WHICH").group(Group.WHAT).identity()
      .metadata(Written.UNLESS_DEFAULT, Metadata.REQUEST, Request.QUESTIONS)
      .legacyMetadata(Metadata.REQUEST, Request.BLOCKS)
      .byDefault(c -> List.of())
      .help("Only these questions, comma-separated: question ids (120A-1), blocks (A, B) — these add up — and "
          + "'images' or 'text' (the questions with images, or without), which narrow them: B,images is block B's "
          + "image questions. --blocks is the same option. Default: all.")
      .build();

  public static final RunField<Integer> LIMIT = new Builder<>("limit", "--limit", RunCodecs.POSITIVE)
      .label("N").group(Group.WHAT).identity().metadata(Written.UNLESS_DEFAULT, Metadata.REQUEST, Request.LIMIT)
      .byDefault(c -> null)
      .help("Only the first N questions that would be asked (in exam order, after --questions and --image-mode): "
          + "a quick try. Default: all.")
      .build();

  public static final RunField<ImageMode> IMAGE_MODE = new Builder<>("image mode", "--image-mode",
      RunCodecs.IMAGE_MODE)
      .label("MODE").group(Group.WHAT).identity().metadata(Written.ALWAYS, Metadata.IMAGE_MODE)
      .byDefault(c -> ImageMode.BLIND)
      .help("skip: leave out the image questions; blind: send them as text only; vision: send their images too. "
          + "Default: blind")
      .build();

  public static final RunField<Integer> REPEATS = new Builder<>(Metadata.REPEATS, "--repeats", RunCodecs.POSITIVE)
      .label("N").group(Group.WHAT).identity().metadata(Written.UNLESS_DEFAULT, Metadata.REPEATS)
      .byDefault(c -> 1)
      .help("Ask each question N times. The result's published fields are the first answer's, all N are kept "
          + "beside them, and the run reports the mean score with its spread, the majority-vote score and how "
          + "often the answers agree. Default: 1")
      .build();

  public static final RunField<ChoiceOrder> CHOICE_ORDER = new Builder<>("choice order", "--choice-order",
      RunCodecs.CHOICE_ORDER)
      .label("ORDER").group(Group.WHAT).identity().metadata(Written.UNLESS_DEFAULT, Metadata.CHOICE_ORDER)
      .byDefault(c -> null)
      .help("A run variant (docs/ROBUSTNESS.md): show each question's choices in another order, lettered a, b, c, "
          + "… again, and read the answer back in the exam's letters. cyclic:K shifts them K places (over K = 0 … "
          + "n-1 every choice sits in every position once); shuffle:SEED shuffles each question's the same way on "
          + "every machine. A question whose choices cannot move safely is asked unchanged. Never ranked on the "
          + "leaderboard. Default: the exam's order.")
      .build();

  public static final RunField<Language> LANGUAGE = new Builder<>(Metadata.LANGUAGE, "--language",
      RunCodecs.LANGUAGE)
      .label("LANG").group(Group.WHAT).identity().metadata(Written.UNLESS_DEFAULT, Metadata.LANGUAGE)
      .byDefault(c -> Language.JAPANESE)
      .help("A run variant: ask in the language of a translation the exam's source publishes (en: IgakuQA's "
          + "English of the 112th-116th), with the prompt's instructions in it and the same answer format. Never "
          + "ranked on the leaderboard. Default: ja, the exam's own.")
      .build();

  // ---- How hard to ask -------------------------------------------------------------------------------

  public static final int DEFAULT_PARALLEL = 8;
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;
  public static final int DEFAULT_MAX_RETRIES = 5;
  public static final int DEFAULT_RETRY_BUDGET_MINUTES = 10;

  public static final RunField<Integer> PARALLEL = new Builder<>("parallel", "--parallel", RunCodecs.POSITIVE)
      .label("N").group(Group.HOW).metadata(Written.ALWAYS, Metadata.REQUEST, Request.PARALLEL)
      .byDefault(c -> DEFAULT_PARALLEL)
      .help("Most requests in flight at once (fewer while the server answers 429). Default: " + DEFAULT_PARALLEL)
      .build();

  public static final RunField<Duration> TIMEOUT = new Builder<>("timeout", "--timeout", RunCodecs.SECONDS)
      .label("SECONDS").group(Group.HOW).metadata(Written.ALWAYS, Metadata.REQUEST, Request.TIMEOUT_S)
      .byDefault(c -> Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS))
      .help("Timeout of one request, its whole reply included. Default: " + DEFAULT_TIMEOUT_SECONDS).build();

  public static final RunField<Integer> MAX_RETRIES = new Builder<>("max retries", "--max-retries",
      RunCodecs.NON_NEGATIVE)
      .label("N").group(Group.HOW).metadata(Written.ALWAYS, Metadata.REQUEST, Request.MAX_RETRIES)
      .byDefault(c -> DEFAULT_MAX_RETRIES)
      .help("Retries of a question after a transient failure (429s are waited out and not counted). Default: "
          + DEFAULT_MAX_RETRIES)
      .build();

  public static final RunField<Duration> RETRY_BUDGET = new Builder<>("retry budget", "--retry-budget",
      RunCodecs.BUDGET_MINUTES)
      .label("MINUTES").group(Group.HOW).metadata(Written.ALWAYS, Metadata.REQUEST, Request.RETRY_BUDGET_S)
      .byDefault(c -> Duration.ofMinutes(DEFAULT_RETRY_BUDGET_MINUTES))
      .help("Longest time one question may take, waits and retries included; then it is recorded as an error. "
          + "Default: " + DEFAULT_RETRY_BUDGET_MINUTES)
      .build();

  public static final RunField<Long> MAX_BODY = new Builder<>("reply size cap", "--max-body-mb", RunCodecs.MEGABYTES)
      .label("MB").group(Group.HOW).metadata(Written.ALWAYS, Metadata.REQUEST, Request.MAX_BODY_BYTES)
      .byDefault(c -> ClientSettings.DEFAULT_MAX_BODY_BYTES)
      .help("Largest reply body read; a larger reply is an error for its question. Memory stays under --parallel "
          + "times this. Default: " + (ClientSettings.DEFAULT_MAX_BODY_BYTES >> 20))
      .build();

  public static final RunField<Boolean> BATCH = new Builder<>("batch", "--batch", RunCodecs.SWITCH)
      .group(Group.HOW).metadata(Written.UNLESS_DEFAULT, Metadata.REQUEST, Request.BATCH).byDefault(c -> false)
      .help("Submit the questions to ask as one batch (OpenAI Batch API, or Anthropic Message Batches with --api "
          + "anthropic; half price, answered within 24 h), wait for it with a progress line and record each answer "
          + "as it is mapped back. A run stopped meanwhile reattaches to its batch when continued (the batch id is "
          + "kept in RESULT.batch.json); requests the batch failed or let expire are asked one by one.")
      .build();

  public static final RunField<Duration> BATCH_WAIT = new Builder<>("batch wait", "--batch-wait",
      RunCodecs.BATCH_WAIT)
      .label("TIME").group(Group.HOW).metadata(Written.NEVER).byDefault(c -> BatchAsking.DEFAULT_MAX_WAIT)
      .help("How long --batch waits for its batch to end (26h, 90m, 30s; a number is hours). Then the run stops, "
          + "the batch stays recorded in RESULT.batch.json, and the same command later reattaches to it and "
          + "collects its answers. Default: " + BatchWait.format(BatchAsking.DEFAULT_MAX_WAIT)
          + " (the 24-hour completion window and a margin).")
      .build();

  public static final RunField<Path> CACHE = new Builder<>("response cache", "--cache", RunCodecs.CACHE_FOLDER)
      .label("DIR").optionalValue().group(Group.HOW).metadata(Written.NEVER).byDefault(c -> null)
      .help("Keep every successful reply in a response cache and answer a request asked before from it, with no "
          + "request (repeats stay independent: the sample number is part of the key). Without DIR: "
          + "$XDG_CACHE_HOME/jmle-bench/responses (~/.cache/...). See 'cache stats|prune'.")
      .build();

  public static final RunField<Set<Reask>> REASK = new Builder<>("re-asked answers", "--retry", RunCodecs.REASK)
      .label("WHAT").group(Group.HOW).metadata(Written.NEVER).byDefault(c -> Reask.DEFAULT)
      .help("What a continued run asks again, comma-separated: errors (always), unparsed (no 【回答】), truncated "
          + "(finish_reason length, or an empty reply). Default: errors (every answer that arrived is kept, as "
          + "the upstream benchmark resumes).")
      .build();

  // ---- What to record --------------------------------------------------------------------------------

  public static final RunField<String> DISPLAY_NAME = new Builder<>("display name", "--display-name", RunCodecs.TEXT)
      .label("NAME").group(Group.RECORD).metadata(Written.UNLESS_DEFAULT, Metadata.DISPLAY_NAME)
      .byDefault(c -> null).help("Name shown on leaderboards.").build();

  public static final RunField<BigDecimal> PRICE_INPUT = new Builder<>("input price", "--price-input", RunCodecs.USD)
      .label("USD").group(Group.RECORD)
      .metadata(Written.UNLESS_DEFAULT, Metadata.REQUEST, Request.PRICES, Request.PRICE_INPUT).byDefault(c -> null)
      .help("Price of a million prompt tokens, to cost answers whose provider reports no cost (OpenRouter reports "
          + "its own: usage.cost).")
      .build();

  public static final RunField<BigDecimal> PRICE_OUTPUT = new Builder<>("output price", "--price-output",
      RunCodecs.USD)
      .label("USD").group(Group.RECORD)
      .metadata(Written.UNLESS_DEFAULT, Metadata.REQUEST, Request.PRICES, Request.PRICE_OUTPUT).byDefault(c -> null)
      .help("Price of a million completion tokens (reasoning included).").build();

  /**
   * Every field, in the order values are read (a default may depend on the fields before it: the base URL on
   * the API, the answer key on the exam) and written to the metadata.
   */
  public static final List<RunField<?>> ALL = List.of(MODEL, API, BASE_URL, KEY_VARIABLE, EXTRA_BODY, MAX_TOKENS,
      EXAM, ANSWER_KEY, QUESTIONS, LIMIT, IMAGE_MODE, CHOICE_ORDER, LANGUAGE, REPEATS, PARALLEL, TIMEOUT, MAX_RETRIES, RETRY_BUDGET, MAX_BODY,
      BATCH, BATCH_WAIT, CACHE, REASK, DISPLAY_NAME, PRICE_INPUT, PRICE_OUTPUT);

  /** What a default or a reading may depend on: the fields before it in {@link #ALL}, and the environment. */
  public interface Context {
    <V> V get(RunField<V> field);

    /** An environment variable's value, or null. */
    String env(String name);
  }

  private final String name;
  private final String flag;
  private final List<String> aliases;
  private final String label;
  private final boolean optionalValue;
  private final Group group;
  private final String help;
  private final boolean identity;
  private final boolean unknownWhenUnrecorded;
  private final Written written;
  private final List<String> path;
  private final List<String> legacyPath;
  private final RunCodecs.Codec<T> codec;
  private final Function<Context, T> defaultValue;

  private RunField(Builder<T> b) {
    this.name = b.name;
    this.flag = b.flag;
    this.aliases = b.aliases;
    this.label = b.label;
    this.optionalValue = b.optionalValue;
    this.group = Objects.requireNonNull(b.group, b.name);
    this.help = b.help;
    this.identity = b.identity;
    this.unknownWhenUnrecorded = b.unknownWhenUnrecorded;
    this.written = Objects.requireNonNull(b.written, b.name);
    this.path = b.path;
    this.legacyPath = b.legacyPath;
    this.codec = b.codec;
    this.defaultValue = Objects.requireNonNull(b.defaultValue, b.name);
  }

  /** How messages name it: "image mode". */
  public String displayName() {
    return name;
  }

  /** Its option on {@code run}'s command line, e.g. {@code --image-mode}. */
  public String flag() {
    return flag;
  }

  /** Other names the option answers to ({@code --blocks} for {@code --questions}). */
  public List<String> aliases() {
    return aliases;
  }

  /** The value's name in the help ({@code MODE}); null for a switch, which takes no value. */
  public String label() {
    return label;
  }

  public boolean isSwitch() {
    return label == null;
  }

  /** Whether the flag may stand alone, meaning the default of its value ({@code --cache} alone). */
  public boolean optionalValue() {
    return optionalValue;
  }

  public Group group() {
    return group;
  }

  /** The help text; null where the option is shared with other commands, whose help it keeps. */
  public String help() {
    return help;
  }

  /** Whether it changes what is asked or how it is graded, so that a resume must keep it. */
  public boolean identity() {
    return identity;
  }

  /** Where the metadata records it ({@code request.max_tokens} is {@code [request, max_tokens]}); empty for nowhere. */
  public List<String> metadataPath() {
    return written == Written.NEVER ? List.of() : path;
  }

  /** Whether a result file records it, so that {@code continue FILE} takes it from there. */
  public boolean recorded() {
    return written != Written.NEVER;
  }

  boolean unknownWhenUnrecorded() {
    return unknownWhenUnrecorded;
  }

  Written written() {
    return written;
  }

  List<String> legacyPath() {
    return legacyPath;
  }

  T defaultIn(Context c) {
    return defaultValue.apply(c);
  }

  /** The value from its text on the command line; a fault names no flag (the caller adds it). */
  T parse(String text, Context c) {
    return codec.parse(text, c);
  }

  /** The value as the command line takes it; "" for a switch that is on, or a flag that stands alone. */
  String print(Object value) {
    return codec.print(cast(value));
  }

  /** The value as a message shows it: "none" for no value. */
  public String shown(Object value) {
    return value == null ? "none" : codec.print(cast(value));
  }

  JsonNode toJson(Object value, Context c) {
    return codec.toJson(cast(value), c);
  }

  /** The values it takes, when they are a fixed set (completion offers them); empty otherwise. */
  public List<String> candidates() {
    return codec.candidates();
  }

  T fromJson(JsonNode node, Context c) {
    return codec.fromJson(node, c);
  }

  boolean same(Object recorded, Object mine, Context c) {
    return codec.same(cast(recorded), cast(mine), c);
  }

  @SuppressWarnings("unchecked")
  T cast(Object value) {
    return (T) value;
  }

  /** The field whose flag (or alias) this is, or null. */
  public static RunField<?> byFlag(String flag) {
    for (RunField<?> f : ALL) {
      if (f.flag.equals(flag) || f.aliases.contains(flag)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return flag;
  }


  private static final class Builder<T> {
    private final String name;
    private final String flag;
    private final RunCodecs.Codec<T> codec;
    private List<String> aliases = List.of();
    private String label;
    private boolean optionalValue;
    private Group group;
    private String help;
    private boolean identity;
    private boolean unknownWhenUnrecorded;
    private Written written;
    private List<String> path = List.of();
    private List<String> legacyPath = List.of();
    private Function<Context, T> defaultValue;

    Builder(String name, String flag, RunCodecs.Codec<T> codec) {
      this.name = name;
      this.flag = flag;
      this.codec = codec;
    }

    Builder<T> aliases(String... names) {
      aliases = List.of(names);
      return this;
    }

    Builder<T> label(String l) {
      label = l;
      return this;
    }

    Builder<T> optionalValue() {
      optionalValue = true;
      return this;
    }

    Builder<T> group(Group g) {
      group = g;
      return this;
    }

    Builder<T> help(String text) {
      help = text;
      return this;
    }

    Builder<T> identity() {
      identity = true;
      return this;
    }

    /** A file that does not record it (it predates the field) may have had any value: it is not compared. */
    Builder<T> unknownWhenUnrecorded() {
      unknownWhenUnrecorded = true;
      return this;
    }

    Builder<T> metadata(Written w, String... names) {
      written = w;
      path = List.of(names);
      return this;
    }

    /** Where files of earlier versions recorded it; read when the current place is absent. */
    Builder<T> legacyMetadata(String... names) {
      legacyPath = List.of(names);
      return this;
    }

    Builder<T> byDefault(Function<Context, T> d) {
      defaultValue = d;
      return this;
    }

    RunField<T> build() {
      return new RunField<>(this);
    }
  }

  /** The fields of one group, in table order. */
  public static List<RunField<?>> of(Group g) {
    List<RunField<?>> out = new ArrayList<>();
    ALL.stream().filter(f -> f.group == g).forEach(out::add);
    return Collections.unmodifiableList(out);
  }
}
