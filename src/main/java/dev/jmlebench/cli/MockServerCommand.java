package dev.jmlebench.cli;

import dev.jmlebench.common.ShellWords;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.DatasetLocation;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.exam.Translations;
import dev.jmlebench.mock.MockBias;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.PositionBias;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mock-server}: a stand-in model behind an OpenAI-compatible API, for demos and tests. */
@Command(name = "mock-server", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve an OpenAI-compatible chat-completions API on 127.0.0.1 that plays a model: it "
        + "recognises each exam question from the request text and answers it.",
        "With --replay it answers with the raw response and reasoning recorded in a result file, so a run "
        + "against it reproduces that file's score; given a folder, it plays every run in it, telling them "
        + "apart by model and extra body (e.g. for 'suite run --base-url'). Without, it answers "
        + "deterministically from the gold answers of the answer key (--key). Faults on "
        + "demand: latency, random 500s, dropped connections and truncated bodies, 429 with Retry-After "
        + "above a rate limit, replies cut off at the token limit, OpenRouter-style usage.cost.",
        "It reads a question however a run shows it — its choices in another order (run --choice-order), or in "
        + "English (run --language en, when the exam's translation is in its folder) — and answers the same choice "
        + "under the letter it is shown with, unless biased: by position (--position-bias), by the images "
        + "(--vision-gain), by the language (--english-aware); docs/ROBUSTNESS.md.",
        "It also speaks Anthropic's Messages API (POST .../messages), OpenAI's Batch API (/files, /batches) and "
        + "Anthropic's Message Batches (/messages/batches), answering batched requests the same way. Runs until "
        + "Ctrl-C."})
final class MockServerCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "P", defaultValue = "8765",
      description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--replay", paramLabel = "RESULT.json|DIR",
      description = "Answer with this result file's recorded responses, or with those of every result file "
          + "in this folder.")
  Path replay;

  @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "0",
      description = "Delay of every answer in milliseconds. Default: ${DEFAULT-VALUE}")
  long latencyMs;

  @Option(names = "--fail-rate", paramLabel = "F", defaultValue = "0",
      description = "Share of requests (0 to <1) that fail on purpose: a 500, a dropped connection or a "
          + "truncated body. Default: ${DEFAULT-VALUE}")
  double failRate;

  @Option(names = "--rate-limit", paramLabel = "RPS", defaultValue = "0",
      description = "Requests per second above which it answers 429 with Retry-After (0: no limit). "
          + "Default: ${DEFAULT-VALUE}")
  double rateLimit;

  @Option(names = "--vary",
      description = "Without --replay: answer a question differently when it is asked again, by a fixed pattern "
          + "(for run --repeats).")
  boolean vary;

  @Option(names = "--truncate-rate", paramLabel = "F", defaultValue = "0",
      description = "Share of the questions (0-1, fixed by a seed) whose first answer is cut in half with "
          + "finish_reason \"length\"; asked again, they get a whole answer. Default: ${DEFAULT-VALUE}")
  double truncateRate;

  @Option(names = "--report-cost",
      description = "Put usage.cost in every reply, as OpenRouter does ($1 per million prompt tokens, $4 per "
          + "million completion tokens; characters count as tokens).")
  boolean reportCost;

  @Option(names = "--position-bias", paramLabel = "MODE",
      description = "Pick shown positions regardless of the choices (for the robustness card): first (a; a,b for "
          + "two answers), last, or prior:W1,W2,… (positions drawn by these weights, fixed by a seed). Answers "
          + "right only when the gold stands there. Default: none — the same choice in whatever order it is shown.")
  String positionBias;

  @Option(names = "--bias-share", paramLabel = "F", defaultValue = "1",
      description = "Share of the questions (0-1, fixed by a seed, the same in every order) --position-bias "
          + "applies to; the others are answered as without it. Default: ${DEFAULT-VALUE}")
  double biasShare;

  @Option(names = "--vision-gain", negatable = true,
      description = "An image question asked without its images is answered wrong when its number is even, as a "
          + "model that needs the picture (for an image audit). --no-vision-gain, the default: images change "
          + "nothing, as a model that only claims to read them.")
  boolean visionGain;

  @Option(names = "--english-aware",
      description = "A question asked in English (run --language en) is also answered wrong when its number is a "
          + "multiple of 5. Without: English is answered as Japanese.")
  boolean englishAware;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;
  @Spec CommandSpec spec;

  /**
   * The run to try against this server, as the command line of {@code run}: a replayed file's own run (the
   * replaying server knows only its model and extra body) sent here, else the model {@code demo} on this
   * server's exam; the dataset only when it is not where {@code run} looks by default.
   */
  static String tryLine(List<ResultFile> replayed, MockServer server, Dataset d, String key) {
    RunSpec trial;
    if (!replayed.isEmpty()) {
      ResultFile first = replayed.get(0);
      trial = RunSpec.fromMetadata(ResultFiles.toJson(first.metadata()), ResultFiles.examOf(first),
          RunSpec.NO_ENVIRONMENT, "--replay").with(RunField.BASE_URL, server.baseUrl());
    } else {
      Map<String, String> given = new LinkedHashMap<>();
      given.put(RunField.MODEL.flag(), "demo");
      given.put(RunField.BASE_URL.flag(), server.baseUrl().toString());
      given.put(RunField.EXAM.flag(), d.exam());
      if (key != null) {
        given.put(RunField.ANSWER_KEY.flag(), key);
      }
      trial = RunSpec.fromArguments(given, RunSpec.NO_ENVIRONMENT);
    }
    List<String> words = new ArrayList<>(List.of(RunCommand.program(), "run"));
    words.addAll(trial.toArguments(RunSpec.SYSTEM_ENVIRONMENT));
    if (!d.directory().equals(DatasetLocation.resolve(null, d.exam()))) {
      words.addAll(List.of(RunCommand.DATASET, d.directory().toString()));
    }
    return ShellWords.join(words);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UserError("--port: should be 0 to 65535, not " + port);
    }
    if (latencyMs < 0) {
      throw new UserError("--latency-ms: should be 0 or more, not " + latencyMs);
    }
    if (!(failRate >= 0 && failRate < 1)) {
      throw new UserError("--fail-rate: should be at least 0 and below 1, not " + failRate);
    }
    if (!(rateLimit >= 0)) {
      throw new UserError("--rate-limit: should be 0 (no limit) or more, not " + rateLimit);
    }
    if (!(truncateRate >= 0 && truncateRate <= 1)) {
      throw new UserError("--truncate-rate: should be from 0 to 1, not " + truncateRate);
    }
    if (!(biasShare >= 0 && biasShare <= 1)) {
      throw new UserError("--bias-share: should be from 0 to 1, not " + biasShare);
    }
    MockBias bias = new MockBias(positionBias == null ? null : PositionBias.parse(positionBias, "--position-bias"),
        biasShare, visionGain, englishAware);
    Dataset d = dataset.load();
    ExamSpec exam = Exams.get(d.exam());
    Translation english = englishAware ? Translations.load(exam, d, Language.ENGLISH, "--english-aware: --language")
        : Translations.ifPresent(exam, d, Language.ENGLISH).orElse(null);
    List<ResultFile> replayed = replay == null ? List.of() : Files.isDirectory(replay)
        ? ResultFolder.list(replay, "--replay " + replay).stream().map(ResultFolder::readIfResultFile)
            .flatMap(Optional::stream).toList()
        : List.of(ResultFiles.read(replay));
    MockOptions options = new MockOptions(Duration.ofMillis(latencyMs), failRate, rateLimit, 1, null, vary,
        truncateRate, reportCost, bias);
    MockServer server;
    try {
      server = MockServer.startReplaying(port, d, english, replayed, options, answerKey.forDataset(d)::gold);
    } catch (java.io.UncheckedIOException e) {
      throw new UserError("--port " + port + ": " + e.getCause().getMessage()
          + " (another server there? try --port 0)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "mock-server-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Mock server on " + server.baseUrl() + " — "
        + (replay != null ? "replaying " + replay : vary ? "deterministic answers, varied on repeated asks"
            : "deterministic answers") + ". Ctrl-C stops it.");
    out.println("Try: " + tryLine(replayed, server, d, answerKey.asGivenFor(d.exam())));
    if (replayed.size() > 1) {
      out.println("     (one of the " + replayed.size() + " runs replayed; 'suite from-results " + replay
          + "' writes a suite of them all, and 'suite run SUITE --base-url " + server.baseUrl() + "' runs it here)");
    }
    out.flush();
    stopped.await();
    return Main.OK;
  }
}
