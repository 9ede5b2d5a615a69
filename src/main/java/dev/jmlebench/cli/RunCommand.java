package dev.jmlebench.cli;

import dev.jmlebench.batch.BatchWait;
import dev.jmlebench.cache.ResponseCache;
import dev.jmlebench.client.ApiKey;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.client.anthropic.AnthropicClient;
import dev.jmlebench.cost.PriceList;
import dev.jmlebench.cost.Prices;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.client.Secrets;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.leaderboard.ReadmeLeaderboard;
import dev.jmlebench.leaderboard.ReadmeUpdate;
import dev.jmlebench.runner.AskOptions;
import dev.jmlebench.runner.ExtraBody;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.ProgressStyle;
import dev.jmlebench.runner.Reask;
import dev.jmlebench.runner.RunConfig;
import dev.jmlebench.runner.Runner;
import dev.jmlebench.runner.UnfinishedRun;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: ask a model every question through an OpenAI-compatible API and write a result file. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ask a model the exam through an OpenAI-compatible chat-completions API, grade every answer "
        + "and write a result file in the published format.",
        "Requests run in parallel and are retried on transient failures (429, 5xx, timeouts, broken "
        + "connections) with backoff; on 429s fewer requests are kept in flight. Every answer is journaled "
        + "to disk as it arrives: a run stopped by Ctrl-C, a kill or a crash is continued by running the "
        + "same command again (it finds the unfinished run of the same model and options, and says so) or "
        + "with --resume FILE, and asks no answered question twice. Ctrl-C saves what there is and prints "
        + "the command that continues."})
final class RunCommand implements Callable<Integer> {
  /**
   * How the user started this tool, as the launcher passes it ({@code -Djmle.launcher}: a name on PATH, or
   * ./jmle-bench in the project root, else an absolute path); the command printed to continue a run begins
   * with it.
   */
  static String program() {
    String launcher = System.getProperty("jmle.launcher");
    return launcher == null || launcher.isBlank() ? "./jmle-bench" : launcher;
  }

  static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1";

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model id, as the API names it.")
  String model;

  @Option(names = "--base-url", paramLabel = "URL", defaultValue = RunConfig.DEFAULT_BASE_URL,
      description = {"OpenAI-compatible API base URL.", "Default: ${DEFAULT-VALUE}"})
  String baseUrl;

  @Option(names = "--api-key", paramLabel = "KEY",
      description = "API key. Default: $OPENAI_API_KEY. Not needed for a server on 127.0.0.1/localhost.")
  String apiKey;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + RunConfig.DEFAULT_PARALLEL,
      description = "Most requests in flight at once (fewer while the server answers 429). Default: ${DEFAULT-VALUE}")
  int parallel;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + RunConfig.DEFAULT_TIMEOUT_SECONDS,
      description = "Timeout of one request, its whole reply included. Default: ${DEFAULT-VALUE}")
  long timeoutSeconds;

  @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "" + RunConfig.DEFAULT_MAX_BODY_MB,
      description = "Largest reply body read; a larger reply is an error for its question. Memory stays "
          + "under --parallel times this. Default: ${DEFAULT-VALUE}")
  long maxBodyMb;

  @Option(names = "--image-mode", paramLabel = "MODE", defaultValue = "blind",
      completionCandidates = Candidates.ImageModes.class,
      description = "skip: leave out the 98 image questions; blind: send them as text only; vision: send "
          + "their images too. Default: ${DEFAULT-VALUE}")
  String imageMode;

  @Option(names = "--extra-body", paramLabel = "JSON",
      description = "JSON object merged into every request body, e.g. '{\"reasoning\": {\"enabled\": true}}'.")
  String extraBody;

  @Option(names = "--resume", paramLabel = "FILE",
      description = "Continue the run in this result file: keep its answered questions (re-graded), ask the "
          + "rest. The output goes to the same file unless --out names a new one.")
  Path resume;

  @Option(names = "--regrade",
      description = "Resume a file made with another answer key (another edition of the dataset): keep its "
          + "answers and grade them by this dataset's key. A file made with other question texts is never "
          + "resumed.")
  boolean regrade;

  @Option(names = "--blocks", paramLabel = "BLOCK", split = ",",
      description = "Only these blocks, e.g. A,B (the exam has A-F). Default: all.")
  List<String> blocks;

  @Option(names = "--out", paramLabel = "PATH",
      description = "Result file. Default: the unfinished run of the same model and options in results/ "
          + "(stopped by Ctrl-C, a kill or a crash), else a new results/{model, / → _}_{UTC "
          + "yyyyMMdd_HHmmss}.json. An existing file of the same model is resumed.")
  Path out;

  @Option(names = "--display-name", paramLabel = "NAME", description = "Name shown on leaderboards.")
  String displayName;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "1",
      description = "Ask each question N times. The result's published fields are the first answer's, all N "
          + "are kept beside them, and the run reports the mean score with its spread, the majority-vote "
          + "score and how often the answers agree. Default: ${DEFAULT-VALUE}")
  int repeats;

  @Option(names = "--max-retries", paramLabel = "N", defaultValue = "" + RunConfig.DEFAULT_MAX_RETRIES,
      description = "Retries of a question after a transient failure (429s are waited out and not counted). "
          + "Default: ${DEFAULT-VALUE}")
  int maxRetries;

  @Option(names = "--retry-budget", paramLabel = "MINUTES", defaultValue = "" + RunConfig.DEFAULT_RETRY_BUDGET_MINUTES,
      description = "Longest time one question may take, waits and retries included; then it is recorded "
          + "as an error. Default: ${DEFAULT-VALUE}")
  double retryBudgetMinutes;

  @Option(names = "--api", paramLabel = "API", defaultValue = "openai",
      completionCandidates = Candidates.ApiKinds.class,
      description = "openai: OpenAI-compatible chat completions (the published protocol); anthropic: Anthropic's Messages API "
          + "(key in x-api-key, default base URL https://api.anthropic.com/v1, key from $ANTHROPIC_API_KEY). "
          + "Default: ${DEFAULT-VALUE}")
  String api;

  @Option(names = "--max-tokens", paramLabel = "N",
      description = "max_tokens of every request. Default: the server's (Anthropic's Messages needs one: "
          + AnthropicClient.DEFAULT_MAX_TOKENS + ").")
  Integer maxTokens;

  @Option(names = "--price-input", paramLabel = "USD",
      description = "Price of a million prompt tokens, to cost answers whose provider reports no cost "
          + "(OpenRouter reports its own: usage.cost).")
  Double priceInput;

  @Option(names = "--price-output", paramLabel = "USD",
      description = "Price of a million completion tokens (reasoning included).")
  Double priceOutput;

  @Option(names = "--prices", paramLabel = "FILE",
      description = "JSON file of prices per model: {\"MODEL\": {\"input\": USD, \"output\": USD}} per million "
          + "tokens; used like --price-input/--price-output.")
  Path prices;

  @Option(names = "--retry", paramLabel = "WHAT", split = ",",
      description = "What a resumed run asks again, comma-separated: errors (always), unparsed (no 【回答】), "
          + "truncated (finish_reason length, or an empty reply). Default: errors (every answer that arrived "
          + "is kept, as the upstream benchmark resumes).")
  List<String> retryWhat;

  @Option(names = "--cache", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
      description = "Keep every successful reply in a response cache and answer a request asked before from "
          + "it, with no request (repeats stay independent: the sample number is part of the key). Without DIR: "
          + "$XDG_CACHE_HOME/jmle-bench/responses (~/.cache/...). See 'cache stats|prune'.")
  String cache;

  @Option(names = "--batch",
      description = "Submit the questions to ask as one batch (OpenAI Batch API, or Anthropic Message Batches with "
          + "--api anthropic; half price, answered within 24 h), wait for it with a progress line and record "
          + "each answer as it is mapped back. A run stopped meanwhile reattaches to its batch when run again "
          + "(the batch id is kept in RESULT.batch.json); requests the batch failed or let expire are asked one "
          + "by one.")
  boolean batch;

  @Option(names = "--batch-wait", paramLabel = "TIME", defaultValue = "26h",
      description = "How long --batch waits for its batch to end (26h, 90m, 30s; a number is hours). Then the "
          + "run stops, the batch stays recorded in RESULT.batch.json, and the same command later reattaches "
          + "to it and collects its answers. Default: ${DEFAULT-VALUE} (the 24-hour completion window and a "
          + "margin).")
  String batchWait;

  @Option(names = "--readme", paramLabel = "FILE",
      description = "After a run that ends without errors, put its rows into the leaderboard tables of this "
          + "README (between the leaderboard markers; see 'leaderboard'). Default: none.")
  Path readme;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Instant now = Instant.now();
    ApiKey key = ApiKey.ofNullable(apiKey != null ? apiKey : System.getenv(keyVariable(apiKind())));
    RunConfig config = config(key, now);
    if (readme != null && !Files.isRegularFile(readme)) {
      throw new UserError("--readme " + readme + ": no such file");
    }
    AtomicFiles.checkWritable(config.out(), out != null || resume == null ? "--out" : "--resume");
    PrintWriter printer = spec.commandLine().getOut();
    answerKey.warnOfUnused(spec.commandLine().getErr());
    if (out == null && resume == null) {
      Path defaultFolder = RunConfig.defaultOut(model, now).getParent();
      RunConfig plain = config;
      config = UnfinishedRun.find(defaultFolder, config).map(plain::withOut).orElse(config);
      if (config != plain) {
        printer.println("Continuing the unfinished run in " + config.out() + " (same model and options; "
            + "--out PATH starts a new run instead).");
      }
    }
    Dataset exam = dataset.loadOrDownload(printer);
    checkImages(config, exam);
    FinishedRun outcome = new Runner(config, exam, key,
        System.console() != null ? ProgressStyle.BAR : ProgressStyle.LINES, printer, program())
        .run();
    if (readme != null) {
      updateReadme(outcome, printer);
    }
    return outcome.hasErrors() ? Main.FINDING : Main.OK;
  }

  /** A vision run needs an exam whose source released its images. */
  static void checkImages(RunConfig config, Dataset exam) {
    if (config.imageMode() == ImageMode.VISION && !exam.hasImages()) {
      throw new UserError("--image-mode vision: the " + ExamOrdinal.of(exam.exam())
          + " exam's source released no images; "
          + "its image questions can only be asked as text (--image-mode blind or skip)");
    }
  }

  /** The run these options describe, every option checked; {@code key} is null when none is given. */
  RunConfig config(ApiKey key, Instant now) {
    ApiKind apiKind = apiKind();
    URI url = baseUrl(apiKind);
    if (key == null && !ClientSettings.isLoopback(url)) {
      throw new UserError("no API key for " + Secrets.publicUrl(url) + ": pass --api-key KEY or set "
          + keyVariable(apiKind));
    }
    AskOptions ask = new AskOptions(apiKind, maxTokens == null ? null : positive("--max-tokens", maxTokens),
        prices(), retryWhat == null ? Reask.DEFAULT : Reask.parse(retryWhat), cacheDirectory(), batch,
        BatchWait.parse(batchWait, "--batch-wait"));
    RunConfig config = new RunConfig(model, url, mode(), ExtraBody.parse(extraBody), blocks(),
        out != null ? out : resume != null ? resume : RunConfig.defaultOut(model, now), resume, displayName,
        positive("--parallel", parallel), Duration.ofSeconds(positive("--timeout", timeoutSeconds)), retry(), now,
        positive("--repeats", repeats), maxBodyBytes(), regrade, ask,
        answerKey.asGivenFor(dataset.exam().id()));
    if (resume != null && !resume.toFile().exists()) {
      throw new UserError("--resume " + resume + ": no such result file");
    }
    return config;
  }

  /** The variable the key is read from when --api-key is not given. */
  static String keyVariable(ApiKind kind) {
    return kind == ApiKind.ANTHROPIC ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
  }

  /** A run with errors is not finished: its row would understate the model, so it waits for the continue. */
  private void updateReadme(FinishedRun outcome, PrintWriter printer) {
    if (outcome.hasErrors() || outcome.interrupted()) {
      printer.println(readme + ": leaderboard not updated, the run is not complete");
    } else {
      ReadmeUpdate update = ReadmeLeaderboard.upsert(readme, outcome.file());
      printer.println(readme + ": leaderboard " + (update.changed() ? "updated" : "unchanged") + " ("
          + String.join(", ", update.tables()) + ")");
      update.warnings().forEach(w -> printer.println("warning: " + w));
    }
    printer.flush();
  }

  private ApiKind apiKind() {
    ApiKind k = ApiKind.fromWireName(api);
    if (k == null) {
      throw new UserError("--api: expected openai or anthropic, not '" + api + "'");
    }
    return k;
  }

  private Prices prices() {
    if ((priceInput == null) != (priceOutput == null)) {
      throw new UserError((priceInput == null ? "--price-output" : "--price-input") + " is given without "
          + (priceInput == null ? "--price-input" : "--price-output") + ": give both (USD per million tokens)");
    }
    if (priceInput != null && prices != null) {
      throw new UserError("--prices and --price-input/--price-output both say what tokens cost: give one");
    }
    if (priceInput != null) {
      if (!(priceInput >= 0) || !(priceOutput >= 0) || priceInput.isInfinite() || priceOutput.isInfinite()) {
        throw new UserError("--price-input/--price-output: should be US dollars per million tokens, 0 or more");
      }
      return Prices.of(priceInput, priceOutput);
    }
    return prices == null ? null : PriceList.forModel(prices, model);
  }

  private Path cacheDirectory() {
    if (cache == null) {
      return null;
    }
    return cache.isEmpty() ? ResponseCache.defaultDirectory() : Path.of(cache);
  }

  private URI baseUrl(ApiKind kind) {
    if (kind == ApiKind.ANTHROPIC && spec.commandLine().getParseResult().matchedOption("--base-url") == null) {
      return URI.create(ANTHROPIC_BASE_URL);
    }
    try {
      URI url = new URI(baseUrl);
      String problem = ClientSettings.baseUrlProblem(url);
      if (problem != null) {
        throw new UserError("--base-url: " + problem);
      }
      return url;
    } catch (URISyntaxException e) {
      // Not the input itself: it may hold a key.
      throw new UserError("--base-url: not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
    }
  }

  private ImageMode mode() {
    ImageMode m = ImageMode.fromWireName(imageMode);
    if (m == null) {
      throw new UserError("--image-mode: expected skip, blind or vision, not '" + imageMode + "'");
    }
    return m;
  }

  private List<String> blocks() {
    return blocks == null ? List.of()
        : blocks.stream().map(b -> b.strip().toUpperCase(Locale.ROOT)).filter(b -> !b.isEmpty()).distinct().toList();
  }

  private RetrySettings retry() {
    if (maxRetries < 0) {
      throw new UserError("--max-retries: should be 0 or more, not " + maxRetries);
    }
    if (!(retryBudgetMinutes > 0)) {
      throw new UserError("--retry-budget: should be a positive number of minutes, not " + retryBudgetMinutes);
    }
    Duration budget = Duration.ofMillis((long) (retryBudgetMinutes * 60_000));
    if (budget.compareTo(RetrySettings.DEFAULT_INITIAL_DELAY) <= 0) {
      throw new UserError("--retry-budget: should be longer than the first backoff ("
          + RetrySettings.DEFAULT_INITIAL_DELAY.toSeconds() + " s), not " + retryBudgetMinutes + " minutes");
    }
    return RetrySettings.of(maxRetries, budget);
  }

  private long maxBodyBytes() {
    if (maxBodyMb < 1 || maxBodyMb > 1L << 20) {
      throw new UserError("--max-body-mb: should be a number of megabytes from 1 to 1048576, not " + maxBodyMb);
    }
    return maxBodyMb << 20;
  }

  private static int positive(String flag, long value) {
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new UserError(flag + ": should be a positive number, not " + value);
    }
    return (int) value;
  }
}
