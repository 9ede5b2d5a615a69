package dev.jmlebench.results;

import java.util.List;

/**
 * Every field name of a result file: the published format (SPEC §5) and this project's extensions to it, with
 * the version of those extensions. The one place these names are spelled; readers, writers, the journal and
 * the statistics refer to them from here ({@code ArchitectureTest} holds it).
 *
 * <p>Readers of the published format ignore the extensions. Version history of the extensions:
 * 1 = latency, attempts, token usage and finish reason per question; harness, dataset, request, totals, wall
 * time and concurrency per run; samples and repeats for {@code run --repeats}.
 * 2 = cost and its source per answer, {@code cached} for an answer from the response cache; the run's cost
 * total, and its API, max_tokens, prices and batch in the request. 3 = the answer key the file was graded
 * with ({@code answer_key}). 4 = the question subset and limit in the request ({@code questions}, {@code limit},
 * instead of {@code blocks}); a batch, max_tokens and prices only when set.
 */
public final class ResultSchema {
  /** Written as {@code metadata.schema_version} by runs of this project; absent in the published files. */
  public static final int VERSION = 4;

  public static final String METADATA = "metadata";
  public static final String SUMMARY = "summary";
  public static final String RESULTS = "results";
  /** The folder the published tool keeps its result files in, {@code results/*.json}. */
  public static final String FOLDER = "results";

  private ResultSchema() {}

  /** The fields of {@code metadata}. */
  public static final class Metadata {
    public static final String MODEL = "model";
    public static final String BASE_URL = "base_url";
    public static final String TIMESTAMP = "timestamp";
    public static final String IMAGE_MODE = "image_mode";
    public static final String EXTRA_BODY = "extra_body";
    public static final String TOTAL_QUESTIONS = "total_questions";
    public static final String ATTEMPTED = "attempted";
    public static final String SKIPPED_IMAGE = "skipped_image";
    public static final String DISPLAY_NAME = "display_name";
    static final List<String> PUBLISHED = List.of(MODEL, BASE_URL, TIMESTAMP, IMAGE_MODE, EXTRA_BODY,
        TOTAL_QUESTIONS, ATTEMPTED, SKIPPED_IMAGE, DISPLAY_NAME);

    // Extensions.
    public static final String SCHEMA_VERSION = "schema_version";
    public static final String HARNESS_VERSION = "harness_version";
    public static final String DATASET_SHA256 = "dataset_sha256";
    /** SHA-256 of the question texts alone: tells a changed answer key from changed questions on resume. */
    public static final String QUESTIONS_SHA256 = "questions_sha256";
    /** The exam the run asked, e.g. {@code 119}; a file without it is recognised from its question ids. */
    public static final String EXAM = "exam";
    /** Of a file made by {@code import}: the source's format, repository and the files read, with SHA-256s. */
    public static final String IMPORTED_FROM = "imported_from";
    /** The number of samples per question of a run with repeats; see {@link Samples}. */
    public static final String REPEATS = "repeats";
    public static final String REQUEST = "request";
    public static final String TOTALS = "totals";
    public static final String WALL_TIME_MS = "wall_time_ms";
    public static final String CONCURRENCY = "concurrency";
    /** The answer-key edition the file was graded with; see {@link GradedWith}. */
    public static final String ANSWER_KEY = "answer_key";
    /**
     * Of a variant run (docs/ROBUSTNESS.md), the order its choices were shown in: {@code cyclic:K} or
     * {@code shuffle:SEED}; absent for the exam's own order. See {@link RunVariant}.
     */
    public static final String CHOICE_ORDER = "choice_order";
    /** Of a variant run, the language it asked in ({@code en}); absent for the exam's own, Japanese. */
    public static final String LANGUAGE = "language";
    /** Of a run in another language, SHA-256 of the translation files as read. */
    public static final String TRANSLATION_SHA256 = "translation_sha256";

    private Metadata() {}
  }

  /** The fields of {@code metadata.request}: how the run asked (extension). */
  public static final class Request {
    public static final String PARALLEL = "parallel";
    public static final String TIMEOUT_S = "timeout_s";
    public static final String MAX_RETRIES = "max_retries";
    public static final String RETRY_BUDGET_S = "retry_budget_s";
    public static final String MAX_BODY_BYTES = "max_body_bytes";
    /** Until schema 4: the blocks asked, or null for all; now {@link #QUESTIONS}. */
    public static final String BLOCKS = "blocks";
    /** The question subset asked ({@code --questions}: ids, blocks, images, text); absent for all. */
    public static final String QUESTIONS = "questions";
    /** At most this many questions asked ({@code --limit}); absent for all. */
    public static final String LIMIT = "limit";
    /** {@code openai} or {@code anthropic}. */
    public static final String API = "api";
    public static final String MAX_TOKENS = "max_tokens";
    /** {@code {"input": USD, "output": USD}} per million tokens, when given. */
    public static final String PRICES = "prices_usd_per_million";
    public static final String PRICE_INPUT = "input";
    public static final String PRICE_OUTPUT = "output";
    /** True for a run that asked through a batch API. */
    public static final String BATCH = "batch";

    private Request() {}
  }

  /** The fields of {@code metadata.totals}: sums over every answer of the file (extension). */
  public static final class Totals {
    public static final String REQUESTS = "requests";
    public static final String RETRIES = "retries";
    /** The sum of the answers' costs in US dollars; absent, not 0, when no answer has a cost. */
    public static final String COST_USD = "cost_usd";
    /** Answers cut off at the token limit or empty ({@code QuestionResult.isTruncated}). */
    public static final String TRUNCATED = "truncated";

    private Totals() {}
  }

  /** The fields of {@code metadata.concurrency}: how the adaptive limit moved (extension). */
  public static final class Concurrency {
    public static final String CEILING = "ceiling";
    public static final String LOWEST = "lowest";
    public static final String FINAL = "final";
    public static final String DECREASES = "decreases";
    public static final String CHANGES = "changes";

    private Concurrency() {}
  }

  /** The fields of {@code summary}, in the published order. */
  public static final class Summary {
    public static final String ACCURACY = "accuracy";
    public static final String CORRECT = "correct";
    public static final String INCORRECT = "incorrect";
    public static final String SCORE = "score";
    public static final String SCORE_MAX = "score_max";
    public static final String SCORE_PCT = "score_pct";
    public static final String TEXT_ONLY_SCORE = "text_only_score";
    public static final String TEXT_ONLY_SCORE_MAX = "text_only_score_max";
    public static final String TEXT_ONLY_SCORE_PCT = "text_only_score_pct";
    public static final String REQUIRED_SCORE = "required_score";
    public static final String REQUIRED_SCORE_MAX = "required_score_max";
    public static final String REQUIRED_SCORE_PCT = "required_score_pct";
    public static final String GENERAL_SCORE = "general_score";
    public static final String GENERAL_SCORE_MAX = "general_score_max";
    public static final String GENERAL_SCORE_PCT = "general_score_pct";
    public static final String REQUIRED_PASS = "required_pass";
    public static final String GENERAL_PASS = "general_pass";
    public static final String PARSE_FAILURES = "parse_failures";
    public static final String ERRORS = "errors";
    public static final String BY_BLOCK = "by_block";
    public static final String BY_TYPE = "by_type";
    public static final String BY_IMAGE = "by_image";
    /**
     * Beyond the published format, written only for an exam whose source annotates prohibited choices
     * (IgakuQA's 112th-116th): the answers including one, and the third criterion on them.
     */
    public static final String PROHIBITED_ANSWERS = "prohibited_answers";
    public static final String PROHIBITED_PASS = "prohibited_pass";
    static final List<String> PUBLISHED = List.of(ACCURACY, CORRECT, INCORRECT, SCORE, SCORE_MAX, SCORE_PCT,
        TEXT_ONLY_SCORE, TEXT_ONLY_SCORE_MAX, TEXT_ONLY_SCORE_PCT, REQUIRED_SCORE, REQUIRED_SCORE_MAX,
        REQUIRED_SCORE_PCT, GENERAL_SCORE, GENERAL_SCORE_MAX, GENERAL_SCORE_PCT, REQUIRED_PASS, GENERAL_PASS,
        PARSE_FAILURES, ERRORS, BY_BLOCK, BY_TYPE, BY_IMAGE);

    /** The fields of each entry of by_block, by_type and by_image. */
    public static final String TALLY_CORRECT = "correct";
    public static final String TALLY_TOTAL = "total";
    public static final String TALLY_ACCURACY = "accuracy";

    private Summary() {}
  }

  /** The fields of each entry of {@code results}. */
  public static final class Result {
    public static final String QUESTION_ID = "question_id";
    public static final String PREDICTED = "predicted";
    public static final String GOLD = "gold";
    public static final String CORRECT = "correct";
    public static final String RAW_RESPONSE = "raw_response";
    public static final String PARSE_SUCCESS = "parse_success";
    public static final String ERROR = "error";
    public static final String REASONING = "reasoning";
    static final List<String> PUBLISHED = List.of(QUESTION_ID, PREDICTED, GOLD, CORRECT, RAW_RESPONSE,
        PARSE_SUCCESS, ERROR, REASONING);

    // Extensions.
    public static final String LATENCY_MS = "latency_ms";
    public static final String ATTEMPTS = "attempts";
    public static final String USAGE = "usage";
    public static final String FINISH_REASON = "finish_reason";
    /** The finish reason of a reply cut off at the token limit. */
    public static final String FINISH_LENGTH = "length";
    /** True when the answer came from the response cache, without a request. */
    public static final String CACHED = "cached";
    /** True for an image question asked as text in a vision run because its source has no image file. */
    public static final String IMAGE_MISSING = "image_missing";
    /** Of an imported answer: the confidence the source recorded. */
    public static final String CONFIDENCE = "confidence";
    /** All answers of a run with repeats; see {@link Samples}. */
    public static final String SAMPLES = "samples";
    /**
     * Of a run with a choice order: the exam's letters in the order shown (position i lettered a + i), e.g.
     * {@code ["c", "d", "e", "a", "b"]}; the exam's own order for a question kept in it. {@code predicted} and
     * {@code gold} are always in the exam's letters; {@code raw_response} in the letters shown.
     */
    public static final String SHOWN_ORDER = "shown_order";
    /** Of a run with a choice order: why the question was kept in the exam's order ({@code calculation}, …). */
    public static final String ORDER_FIXED = "order_fixed";

    private Result() {}
  }

  /** The fields of a result's {@code usage} (extension): the tokens the API reported. */
  public static final class Usage {
    public static final String PROMPT_TOKENS = "prompt_tokens";
    public static final String COMPLETION_TOKENS = "completion_tokens";
    public static final String REASONING_TOKENS = "reasoning_tokens";
    /** In the order runs write them. */
    public static final List<String> ALL = List.of(PROMPT_TOKENS, COMPLETION_TOKENS, REASONING_TOKENS);
    /** US dollars, and who said so: {@code provider} (its own figure) or {@code prices} (tokens × prices). */
    public static final String COST = "cost";
    public static final String COST_SOURCE = "cost_source";

    private Usage() {}
  }

  /**
   * The fields of a run's journal ({@code *.journal.jsonl}): a header line, then one result per line in the
   * format of {@link Result}, with the sample number when the run repeats.
   */
  public static final class Journal {
    public static final String HEADER = "jmle_bench_journal";
    // The journal's and the lock's names beside the result file: RunFiles.
    /** In the header: how many answers the run sets out to get (questions × repeats), for its progress. */
    public static final String TOTAL = "total_questions";
    public static final String MODEL = Metadata.MODEL;
    /** The run it journals, laid out as a result file's metadata records it: a killed run is known by it. */
    public static final String RUN = "run_spec";
    public static final String SAMPLE = "sample";
    /** The run's wall time so far, all segments, when the line was written: a crash then loses none of it. */
    public static final String WALL_MS = "wall_ms";

    private Journal() {}
  }
}
