package dev.jmlebench.runner;

import dev.jmlebench.client.AdaptiveLimiter;
import dev.jmlebench.client.Answer;
import dev.jmlebench.client.ApiFailure;
import dev.jmlebench.client.ApiKey;
import dev.jmlebench.batch.BatchAsking;
import dev.jmlebench.batch.BatchJournal;
import dev.jmlebench.cache.CachedAsking;
import dev.jmlebench.cache.ResponseCache;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.Completion;
import dev.jmlebench.client.RequestExtras;
import dev.jmlebench.client.ResilientClient;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.client.Secrets;
import dev.jmlebench.client.Transience;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.cost.Prices;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.exam.Translations;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.Grader;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.ResultSchema.Totals;
import dev.jmlebench.results.RunUsage;
import dev.jmlebench.results.UsageReport;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Summary;
import dev.jmlebench.score.SummaryReport;
import dev.jmlebench.stats.RepeatsReport;
import dev.jmlebench.variant.Presenter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * One run through every stage: choose the questions, keep what an earlier run answered, ask the rest in
 * parallel (prompt → client → grader), journal each answer the moment it is graded, and write the result
 * file atomically at the end — or at Ctrl-C, with what it has.
 *
 * <p>The unit of work is one ask of one question ({@link #ask}). With {@code repeats} N > 1 each question
 * is asked N times, sample 0 of every question first, then sample 1, and so on: a run stopped early then
 * holds whole single runs rather than a few questions asked N times. Answers are kept by (question,
 * sample).
 *
 * <p>Asking ends in one of three ways ({@link Ending}): every ask done; Ctrl-C; or the {@link CircuitBreaker}
 * (the recent answers all failed alike). A stop starts no new request and waits up to {@link #DRAIN} for those
 * in flight, since they are paid for; then recording closes ({@link #closeRecording}), so that the file written,
 * the journal and the count printed hold exactly the same answers. A run that saved no answer writes no file.
 */
public final class Runner {
  /** How long a stop waits for the requests in flight before it writes what there is. */
  static final Duration DRAIN = Duration.ofSeconds(5);

  /** How asking ended. */
  enum Ending { COMPLETE, INTERRUPTED, TRIPPED }

  private final RunSpec spec;
  private final RunTarget target;
  private final Dataset dataset;
  private final ApiKey apiKey;
  private final Progress progress;
  private final Secrets secrets;
  private final PrintWriter out;
  private final String program;
  private final AnswerKey key;
  /** How each question is shown: as the exam words it, or as the run's variant shows it (docs/ROBUSTNESS.md). */
  private final Presenter presenter;
  /** SHA-256 of the translation asked, for a run in another language; else null. */
  private final String translationSha256;
  private RetrySettings retry;
  private boolean startedWithNew;
  /** The hook that releases the lock if the run stops before {@link Finisher}'s hook is in place. */
  private Thread earlyRelease;

  private final Answers answers;
  private final AtomicBoolean anyAnswered = new AtomicBoolean();
  private final AtomicReference<ApiFailure> fatal = new AtomicReference<>();
  private final AtomicReference<ApiFailure> tripped = new AtomicReference<>();
  private final AskPool pool = new AskPool();
  private final CircuitBreaker breaker;
  /** Recording takes its read side; {@link #closeRecording} its write side, once. */
  private final ReadWriteLock recording = new ReentrantReadWriteLock();
  private boolean recordingClosed;
  private FinishedRun outcome;

  /**
   * @param program how the user starts this tool, for the command printed to continue a run
   */
  public Runner(RunSpec spec, RunTarget target, Dataset dataset, ApiKey apiKey, ProgressStyle style, PrintWriter out,
      String program) {
    this(spec, target, dataset, apiKey, Progress.of(style, out, spec.repeats()), out, program);
  }

  /**
   * A run that shows its progress through {@code progress}, e.g. one line among several runs of a suite.
   */
  public Runner(RunSpec spec, RunTarget target, Dataset dataset, ApiKey apiKey, Progress progress, PrintWriter out,
      String program) {
    if (!spec.exam().equals(dataset.exam())) {
      throw new IllegalArgumentException("a run of the exam " + spec.exam() + " given the dataset of " + dataset.exam());
    }
    this.spec = spec;
    this.target = target;
    this.dataset = dataset;
    this.apiKey = apiKey;
    this.progress = progress;
    this.secrets = Secrets.of(apiKey, spec.baseUrl());
    this.out = out;
    this.program = program;
    this.answers = new Answers(spec.repeats(), spec.reask());
    this.key = AnswerKey.chosen(dataset.exam(), spec.answerKey()).checkedAgainst(dataset);
    this.breaker = new CircuitBreaker(spec.parallel());
    this.retry = spec.retry();
    Translation translation = spec.language() == Language.JAPANESE ? null
        : Translations.load(Exams.get(spec.exam()), dataset, spec.language(), RunField.LANGUAGE.flag());
    this.translationSha256 = translation == null ? null : translation.sha256();
    this.presenter = translation == null && spec.choiceOrder() == null ? Presenter.asIs()
        : new Presenter(dataset.questions(), spec.choiceOrder(), translation == null ? null : translation.questions());
  }

  /**
   * Whether the command started this run in a new file of its own choosing ({@code run --new} without {@code --out}):
   * the same command again would start yet another, so the line printed at Ctrl-C does not say it continues.
   */
  public Runner startedWithNew(boolean value) {
    this.startedWithNew = value;
    return this;
  }

  /** The same run with other backoff delays: for tests, whose faults should cost milliseconds, not seconds. */
  Runner retrying(RetrySettings settings) {
    this.retry = settings;
    return this;
  }

  /**
   * One ask: sample {@code sample} (0-based) of the question; {@code fresh} when it asks again an answer
   * the earlier run holds (a {@code --retry}), which a cached reply must not answer.
   */
  private record Ask(Question question, int sample, boolean fresh) {
    String label(int repeats) {
      return repeats == 1 ? question.questionId() : question.questionId() + "#" + (sample + 1);
    }

    /** The id of this ask in a batch: letters, digits, - and _ only, as Anthropic requires. */
    String customId() {
      return question.questionId() + "_" + sample;
    }
  }

  /**
   * Runs under an exclusive lock on the output: a second run on the same {@code --out} stops at once with one
   * line naming the process that holds it, before reading or asking anything.
   */
  public FinishedRun run() {
    try (RunLock lock = RunLock.take(target.out())) {
      // Until the Ctrl-C hook that writes the file takes over (it releases the lock when done), a stop releases the
      // lock here: a run stopped while it reads earlier answers left its lock file behind.
      earlyRelease = new Thread(lock::close, "jmle-bench-release-lock");
      Runtime.getRuntime().addShutdownHook(earlyRelease);
      // A kill during the final write leaves a temporary file beside the result: nothing else will remove it.
      AtomicFiles.removeLeftovers(target.out());
      return runLocked(lock);
    } finally {
      if (earlyRelease != null) {
        removeHook(earlyRelease);
      }
      pool.close();
    }
  }

  private FinishedRun runLocked(RunLock lock) {
    long start = System.nanoTime();
    Selection selection = Selection.of(dataset, spec);
    Set<String> selected = selection.questions().stream().map(Question::questionId).collect(Collectors.toSet());
    Path journalPath = Journal.pathFor(target.out());
    EarlierResults.Data data = RunRecords.data(dataset);
    boolean journalBefore = Files.exists(journalPath);
    EarlierResults earlier = EarlierResults.load(earlierFile(), journalPath, spec, dataset, data, selected,
        target.regrade(), key);
    earlier.kept().forEach((id, samples) -> samples.forEach((k, h) -> answers.put(id, k, h)));
    List<Ask> pending = new ArrayList<>();
    for (int k = 0; k < spec.repeats(); k++) {
      for (Question q : selection.questions()) {
        if (!earlier.kept().getOrDefault(q.questionId(), Map.of()).containsKey(k)) {
          pending.add(new Ask(q, k, earlier.held().contains(EarlierResults.sampleKey(q.questionId(), k))));
        }
      }
    }
    String timestamp = earlier.timestamp() != null ? earlier.timestamp() : RunTarget.timestamp(target.startedAt());

    ClientSettings settings = new ClientSettings(spec.baseUrl(), spec.model(), apiKey, spec.timeout(),
        RequestExtras.merged(spec.baseUrl(), spec.maxTokens(), spec.extraBody()), spec.maxBodyBytes());
    ResilientClient client = new ResilientClient(spec.api().client(settings), retry,
        new AdaptiveLimiter(spec.parallel()));
    CachedAsking cached = spec.cache() == null ? null
        : new CachedAsking(ResponseCache.open(spec.cache(), "--cache"), client);
    List<QuestionResult> keptSamples = earlier.kept().values().stream().flatMap(m -> m.values().stream())
        .map(Answers.Held::graded).toList();
    int keptCorrect = (int) keptSamples.stream().filter(QuestionResult::correct).count();
    RunningCounts counts = new RunningCounts(selection.questions().size() * spec.repeats(), keptSamples.size(),
        keptCorrect);
    Finisher finisher = new Finisher(selection, data, timestamp, client, cached, start, journalPath, earlier, lock);
    if (pending.isEmpty() && earlier.file() != null && !journalBefore && inPlace() && !target.regrade()) {
      // The same run, finished: nothing to ask, and nothing to write (its file already says all of it; a
      // --regrade asks for it to be graded again, and is written).
      return finisher.alreadyFinished();
    }

    Thread hook = new Thread(() -> finisher.finish(Ending.INTERRUPTED), "jmle-bench-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    removeHook(earlyRelease);
    try (progress;
         Journal journal = Journal.open(journalPath, journalHeader(data, selection.questions().size() * spec.repeats()))) {
      progress.follow(() -> {
        int inFlight = client.limiter().inFlight();
        return counts.snapshot(client.retries(), inFlight, Math.max(0, pool.active() - inFlight));
      });
      progress.started(counts.snapshot(0, 0, 0));
      BiConsumer<Ask, QuestionResult> record = (a, r) -> record(a, r, journal, counts, client, start, earlier);
      if (spec.batch() && !pending.isEmpty()) {
        pending = batchFirst(pending, settings, client, record);
      }
      pool.runAll(pending, spec.parallel(), a -> {
        try {
          QuestionResult r = ask(a, client, cached);
          if (r != null) {
            record.accept(a, r);
          }
        } catch (ResilientClient.Stopped e) {
          // not asked: the run is stopping, and a later run asks it
        }
      }, () -> fatal.get() != null || tripped.get() != null);
      if (pool.crash() != null || fatal.get() != null || tripped.get() != null) {
        stopAsking(client);
        pool.awaitIdle(DRAIN);
        closeRecording();
      }
    } finally {
      removeHook(hook);
    }
    if (pool.crash() != null) {
      throw pool.crash();
    }
    ApiFailure f = fatal.get();
    if (f != null) {
      if (answers.samples() == 0) {
        deleteQuietly(journalPath);
      }
      throw new UserError("stopped before asking the rest: the first requests failed with " + f.getMessage()
          + " — " + hint(f));
    }
    return finisher.finish(tripped.get() != null ? Ending.TRIPPED : Ending.COMPLETE);
  }

  /**
   * Keeps, journals and shows one answer — unless recording has closed (a stop is writing the file), so that
   * nothing is journaled that the file and the count printed do not hold. Answers are recorded side by side;
   * only the tallies go one at a time, so they print in order.
   */
  private void record(Ask a, QuestionResult r, Journal journal, RunningCounts counts, ResilientClient client,
      long start, EarlierResults earlier) {
    recording.readLock().lock();
    try {
      if (recordingClosed) {
        return;
      }
      Journal.Line line = journal.append(r, a.sample(), earlier.wallMs() + (System.nanoTime() - start) / 1_000_000);
      answers.put(r.questionId(), a.sample(), r, new AnswerPlace.InJournal(journal.path(), line));
      synchronized (counts) {
        counts.add(r);
        int inFlight = client.limiter().inFlight();
        // This thread is one of the active asks, and neither in flight nor waiting: it is recording.
        progress.finished(a.label(spec.repeats()), r,
            counts.snapshot(client.retries(), inFlight, Math.max(0, pool.active() - 1 - inFlight)));
      }
    } finally {
      recording.readLock().unlock();
    }
  }

  /** No answer is recorded from now on; returns once the answers being recorded are. */
  private void closeRecording() {
    recording.writeLock().lock();
    try {
      recordingClosed = true;
    } finally {
      recording.writeLock().unlock();
    }
  }

  /** No ask and no request starts from now on; the requests in flight may still finish. */
  private void stopAsking(ResilientClient client) {
    pool.stop();
    client.stop();
  }

  /** The file whose answers this run keeps: {@code --resume}, else the output file itself. */
  private Path earlierFile() {
    if (inPlace()) {
      return target.out();
    }
    if (Files.exists(target.out())) {
      throw new UserError("--out " + target.out() + " already exists and would be overwritten by the resumed run of "
          + target.resumeFrom() + ": choose a new --out, or leave --out away to continue " + target.resumeFrom()
          + " in place");
    }
    return target.resumeFrom();
  }

  /** Whether the run continues its own output file, rather than copying another's answers into a new one. */
  private boolean inPlace() {
    return target.resumeFrom() == null || target.resumeFrom().equals(target.out());
  }

  /**
   * The journal's first line: the run it journals (so a killed run is known by it), how many answers it will hold
   * (so serve can show its progress) and the data it asks.
   */
  private com.fasterxml.jackson.databind.node.ObjectNode journalHeader(EarlierResults.Data data, int total) {
    var header = JsonNodeFactory.instance.objectNode()
        .put(ResultSchema.Journal.MODEL, spec.model())
        .put(ResultSchema.Journal.TOTAL, total)
        .put(ResultSchema.Metadata.DATASET_SHA256, data.datasetSha256())
        .put(ResultSchema.Metadata.QUESTIONS_SHA256, data.questionsSha256());
    header.set(ResultSchema.Journal.RUN, spec.toMetadata());
    return header;
  }

  /**
   * Asks the pending questions as one batch ({@link BatchAsking}), recording each answer as it comes back;
   * returns the asks the batch left without an answer, for asking one by one.
   */
  private List<Ask> batchFirst(List<Ask> pending, ClientSettings settings, ResilientClient client,
      BiConsumer<Ask, QuestionResult> record) {
    Map<String, Ask> byId = new LinkedHashMap<>();
    List<BatchAsking.Pending> requests = new ArrayList<>();
    for (Ask a : pending) {
      byId.put(a.customId(), a);
      requests.add(new BatchAsking.Pending(a.customId(), client.api().body(prompt(a.question()))));
    }
    Prices batchPrices = spec.prices() == null ? null : spec.prices().halved();
    try {
      Set<String> left = new BatchAsking(spec.api().batches(settings), BatchJournal.pathFor(target.out()), out,
          spec.batchWait()).run(requests, (id, c) -> {
            Ask a = byId.get(id);
            anyAnswered.set(true);
            record.accept(a, graded(a.question(), c, RunRecords.questionExtra(new Answer(c, null, 1, Duration.ZERO),
                batchPrices, imageMissing(a.question()), presenter.show(a.question()))));
          });
      return pending.stream().filter(a -> left.contains(a.customId())).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.stop();
      return List.of();
    }
  }

  /**
   * The graded answer of a completion, however it came (a request, the cache, a batch). A key in an answer
   * can only be a server echoing it: it is hidden before anything is written.
   */
  private QuestionResult graded(Question q, Completion c, Map<String, JsonNode> extra) {
    return Grader.grade(q, secrets.redact(c.content()), secrets.redact(c.reasoning()), extra, key,
        presenter.show(q)::toExamLetters);
  }

  /** An image question asked as text in a vision run because its source has no image file. */
  private boolean imageMissing(Question q) {
    return spec.imageMode() == ImageMode.VISION && q.requiresImage() && q.clinicalImages().isEmpty();
  }

  /** What is sent for {@code q}: the question as the run shows it (its id, gold and images are the exam's). */
  private Prompt prompt(Question q) {
    return Prompt.of(presenter.show(q).question(), spec.imageMode(), dataset.imagesDirectory(), spec.language());
  }

  /**
   * Asks one question and grades the answer; null when the run is stopping for a failure of the whole run. A
   * failure that makes the breaker's row stops asking the rest ({@link CircuitBreaker}); it is recorded itself.
   */
  private QuestionResult ask(Ask ask, ResilientClient client, CachedAsking cached) throws InterruptedException {
    Question q = ask.question();
    Prompt prompt = prompt(q);
    Answer a = cached == null ? client.ask(prompt) : cached.ask(prompt, ask.sample(), ask.fresh());
    long sent = System.nanoTime() - a.latency().toNanos();
    if (a.ok()) {
      anyAnswered.set(true);
      breaker.answered(sent);
      return graded(q, a.completion(), RunRecords.questionExtra(a, spec.prices(), imageMissing(q), presenter.show(q)));
    }
    if (Transience.isFatalForRun(a.failure()) && !anyAnswered.get()) {
      // Stopped here, at once: on a fast server the asking threads would send many more before the run's own
      // thread looks again.
      if (fatal.compareAndSet(null, a.failure())) {
        stopAsking(client);
      }
      return null;
    }
    if (breaker.failed(a.failure(), sent) && tripped.compareAndSet(null, a.failure())) {
      stopAsking(client);
    }
    return QuestionResult.failed(q.questionId(), key.gold(q), a.failure().getMessage(),
        RunRecords.questionExtra(a, spec.prices(), imageMissing(q), presenter.show(q)));
  }

  /** What a user can check when every request fails with {@code f}; a key's trouble names where the key came from. */
  private String hint(ApiFailure f) {
    return switch (f.kind()) {
      case UNREACHABLE -> "check --base-url and that the server is running";
      case TIMEOUT -> "check that the server answers within --timeout";
      case CONNECTION, MALFORMED -> "check --base-url and the server (its replies break off or are not chat completions)";
      case OVERSIZE -> "check --max-body-mb and --max-tokens";
      case HTTP -> f.status() == 404 ? "check --base-url and --model"
          : f.status() == 401 || f.status() == 403 ? (apiKey == null
              ? "no key was sent: set $" + spec.keyVariable() + " (or pass --api-key-env NAME)"
              : "check the key from " + apiKey.source())
          : f.status() >= 500 ? "the server seems down or overloaded"
          : f.status() == 429 ? "the server limits the rate: try a lower --parallel later"
          : "the server refuses the requests: check --base-url, --model and --extra-body";
    };
  }

  /** Only the header of a journal that nothing was added to: removing it loses nothing. */
  private static void deleteQuietly(Path journal) {
    try {
      Files.deleteIfExists(journal);
    } catch (IOException e) {
      // harmless: a journal without results is ignored when read
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running and writes the file
    }
  }

  /** Writes the result file once: at the end of the run, or from the Ctrl-C hook with what there is. */
  private final class Finisher {
    private final Selection selection;
    private final EarlierResults.Data data;
    private final String timestamp;
    private final ResilientClient client;
    private final CachedAsking cached;
    private final long startNanos;
    private final Path journalPath;
    private final EarlierResults earlier;
    private final RunLock lock;

    Finisher(Selection selection, EarlierResults.Data data, String timestamp, ResilientClient client,
        CachedAsking cached, long startNanos, Path journalPath, EarlierResults earlier, RunLock lock) {
      this.earlier = earlier;
      this.selection = selection;
      this.data = data;
      this.timestamp = timestamp;
      this.client = client;
      this.cached = cached;
      this.startNanos = startNanos;
      this.journalPath = journalPath;
      this.lock = lock;
    }

    /**
     * Stops asking, waits for the requests in flight (bounded by {@link #DRAIN}), closes recording and writes what
     * was recorded. Ctrl-C's hook calls it while the asking threads still run; the run's own thread afterwards
     * gets the same outcome.
     */
    FinishedRun finish(Ending ending) {
      synchronized (Runner.this) {
        if (outcome != null) {
          return outcome;
        }
        stopAsking(client);
        if (ending == Ending.INTERRUPTED) {
          drainAfterCtrlC();
        }
        closeRecording();
        progress.close();
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration totalWall = wall.plusMillis(earlier.wallMs());
        AdaptiveLimiter.Report concurrency = client.limiter().report();
        ResultFile file = file(totalWall, concurrency);
        ExamCriteria criteria = key.criteria();
        boolean anyAnswer = answers.answeredSamples() > 0;
        if (anyAnswer) {
          // From the journal and the earlier file, one answer at a time: the run holds none of their texts.
          ResultFiles.write(target.out(), file, answers::whole);
        }
        if (ending == Ending.COMPLETE || !anyAnswer) {
          // Complete, or stopped with nothing to keep (a journal of failures only): nothing to continue from.
          deleteJournal();
        }
        lock.close();
        List<String> unanswered = selection.questions().stream().map(Question::questionId)
            .filter(id -> !answers.isAnswered(id)).toList();
        String command = continueLine();
        outcome = new FinishedRun(target.out(), file, unanswered, answers.errors(), ending != Ending.COMPLETE, wall,
            concurrency, command);
        if (ending == Ending.TRIPPED) {
          throw tripMessage(anyAnswer, command);
        }
        if (!anyAnswer && ending == Ending.COMPLETE) {
          ApiFailure last = breaker.last();
          throw new UserError("no question was answered (" + answers.errors() + " failed"
              + (last == null ? "" : ", the last with " + last.getMessage()) + "): nothing saved, no result file "
              + "written" + (last == null ? "" : "; " + hint(last)));
        }
        report(outcome, criteria, anyAnswer);
        return outcome;
      }
    }

    /** The same run, found finished: says so and asks nothing; its file stays as it is. */
    FinishedRun alreadyFinished() {
      synchronized (Runner.this) {
        AdaptiveLimiter.Report concurrency = client.limiter().report();
        ResultFile file = file(Duration.ofMillis(earlier.wallMs()), concurrency);
        outcome = new FinishedRun(target.out(), file, List.of(), 0, false, Duration.ZERO, concurrency, continueLine());
        Summary s = file.summary();
        out.println("finished: " + target.out() + " — " + s.score() + "/" + s.scoreMax()
            + "; nothing asked (--new starts another run)");
        out.flush();
        return outcome;
      }
    }

    /** The result file of the answers so far; fields this project does not know are carried over from before. */
    private ResultFile file(Duration totalWall, AdaptiveLimiter.Report concurrency) {
      List<QuestionResult> all = answers.published();
      ResultFile before = earlier.file();
      ResultFile file = new ResultFile(RunRecords.metadata(spec, target.out().toString(), timestamp, selection,
          data, translationSha256, all, totalWall, concurrency, before == null ? null : before.metadata()), null, all,
          before == null ? Map.of() : before.summaryExtra(), before == null ? Map.of() : before.extra());
      return file.withSummary(Rescorer.summarize(file, dataset, key.criteria(), target.out().toString()));
    }

    private String continueLine() {
      return ContinueLine.render(program, spec, target.out(), dataset.directory());
    }

    /** Ctrl-C: the requests in flight are paid for, so their answers are waited for, a moment at most. */
    private void drainAfterCtrlC() {
      int inFlight = client.limiter().inFlight();
      if (inFlight > 0) {
        out.println();
        out.println("Stopping: waiting up to " + DRAIN.toSeconds() + " s for the " + inFlight
            + (inFlight == 1 ? " request" : " requests") + " in flight (already paid for) ...");
        out.flush();
      }
      pool.awaitIdle(DRAIN);
    }

    private UserError tripMessage(boolean anyAnswer, String command) {
      ApiFailure last = breaker.last();
      return new UserError("stopped: the last " + breaker.window() + " questions all failed the same way ("
          + last.getMessage() + "), so the rest would too — " + (anyAnswer
          ? answers.answeredSamples() + " answers saved to " + target.out()
              + "; when the server answers again, continue with: " + command
          : "nothing saved, no result file written; " + hint(last) + ", then run the same command again"));
    }

    private void deleteJournal() {
      try {
        Files.deleteIfExists(journalPath);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the journal " + journalPath + ": " + e.getMessage(), e);
      }
    }

    private void report(FinishedRun o, ExamCriteria criteria, boolean written) {
      out.println();
      if (o.interrupted()) {
        if (!written) {
          out.println("Interrupted before any answer: nothing saved.");
          out.flush();
          return;
        }
        out.println("Interrupted: " + (spec.repeats() == 1
            ? o.file().results().size() + " of " + selection.questions().size() + " questions"
            : answers.samples() + " of " + selection.questions().size() * spec.repeats() + " answers ("
                + spec.repeats() + " per question)")
            + " saved to " + o.out() + (startedWithNew ? ". The same command without --new continues it, as does:"
                : ". The same command again continues it, as does:"));
        out.println("  " + o.command());
        out.flush();
        return;
      }
      var m = o.file().metadata();
      out.print(SummaryReport.render(m.name() + "  (" + m.model() + ", " + m.imageMode() + ")  " + o.out(),
          o.file().summary(), criteria));
      out.print(RepeatsReport.forFile(o.file(), criteria, o.out().toString()));
      RunUsage usage = RunUsage.of(o.file(), o.out().toString());
      out.print(UsageReport.render(usage, o.file().summary()));
      var totals = m.extra().get(Metadata.TOTALS);
      // Totals of the whole run, earlier segments included, as the file records them (tokens: the line above).
      out.printf("  Run        %s wall · %d requests, %d retries%n",
          Progress.clock(Duration.ofMillis(m.extra().get(Metadata.WALL_TIME_MS).asLong())),
          totals.path(Totals.REQUESTS).asLong(), totals.path(Totals.RETRIES).asLong());
      out.println("  Requests   " + o.concurrency().describe());
      if (cached != null) {
        out.println("  Cache      " + cached.hits() + " answer(s) from the cache without a request"
            + (cached.hits() > 0 && totals.path(Totals.REQUESTS).asLong() == 0 ? " — nothing was asked" : "") + ", "
            + cached.stored() + " stored (" + cached.cache().directory() + ")"
            + (cached.unstored() > 0 ? "; " + cached.unstored() + " could not be stored (" + cached.firstWriteFailure()
                + ") — the answers themselves are saved" : ""));
      }
      out.println("Wrote " + o.out());
      if (!o.unanswered().isEmpty()) {
        out.println(o.unanswered().size() + " question(s) without "
            + (spec.repeats() == 1 ? "an answer" : "all " + spec.repeats() + " answers") + " (" + o.errors()
            + " errors): " + String.join(" ", o.unanswered()));
        out.println("Ask only those again with:");
        out.println("  " + o.command());
      }
      long keptTruncated = answers.keptTruncated();
      if (keptTruncated > 0) {
        out.println(keptTruncated + " truncated answer(s) kept as they are (graded as given). Ask them again with "
            + "the same settings with (a larger --max-tokens is another run: --new):");
        Set<Reask> withTruncated = EnumSet.copyOf(spec.reask());
        withTruncated.add(Reask.TRUNCATED);
        out.println("  " + ContinueLine.render(program, spec, target.out(), dataset.directory(), withTruncated));
      }
      out.flush();
    }
  }
}
