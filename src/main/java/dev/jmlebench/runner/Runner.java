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
import dev.jmlebench.client.Secrets;
import dev.jmlebench.client.Transience;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.cost.Prices;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 */
public final class Runner {
  private final RunConfig config;
  private final Dataset dataset;
  private final ApiKey apiKey;
  private final Progress progress;
  private final Secrets secrets;
  private final PrintWriter out;
  private final String program;
  private final AnswerKey key;

  private final Answers answers;
  private final AtomicBoolean anyAnswered = new AtomicBoolean();
  private final AtomicReference<ApiFailure> fatal = new AtomicReference<>();
  private final AtomicReference<RuntimeException> crash = new AtomicReference<>();
  private volatile boolean stopping;
  private FinishedRun outcome;

  /**
   * @param program how the user starts this tool, for the command printed to continue a run
   */
  public Runner(RunConfig config, Dataset dataset, ApiKey apiKey, ProgressStyle style, PrintWriter out,
      String program) {
    this(config, dataset, apiKey, Progress.of(style, out, config.repeats()), out, program);
  }

  /**
   * A run that shows its progress through {@code progress}, e.g. one line among several runs of a suite.
   */
  public Runner(RunConfig config, Dataset dataset, ApiKey apiKey, Progress progress, PrintWriter out,
      String program) {
    this.config = config;
    this.dataset = dataset;
    this.apiKey = apiKey;
    this.progress = progress;
    this.secrets = Secrets.of(apiKey, config.baseUrl());
    this.out = out;
    this.program = program;
    this.answers = new Answers(config.repeats(), config.ask().reask());
    this.key = AnswerKey.chosen(dataset.exam(), config.answerKey()).checkedAgainst(dataset);
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
    try (RunLock lock = RunLock.take(config.out())) {
      // A kill during the final write leaves a temporary file beside the result: nothing else will remove it.
      AtomicFiles.removeLeftovers(config.out());
      return runLocked();
    }
  }

  private FinishedRun runLocked() {
    long start = System.nanoTime();
    Selection selection = Selection.of(dataset, config.blocks(), config.imageMode());
    Set<String> selected = selection.questions().stream().map(Question::questionId).collect(Collectors.toSet());
    Path journalPath = Journal.pathFor(config.out());
    EarlierResults.Data data = RunRecords.data(dataset);
    EarlierResults earlier = EarlierResults.load(earlierFile(), journalPath, config.model(), dataset, data, selected,
        config.repeats(), config.regrade(), config.ask().reask(), key);
    earlier.kept().forEach((id, samples) -> samples.forEach((k, r) -> answers.put(id, k, r)));
    List<Ask> pending = new ArrayList<>();
    for (int k = 0; k < config.repeats(); k++) {
      for (Question q : selection.questions()) {
        if (!earlier.kept().getOrDefault(q.questionId(), Map.of()).containsKey(k)) {
          pending.add(new Ask(q, k, earlier.held().contains(EarlierResults.sampleKey(q.questionId(), k))));
        }
      }
    }
    String timestamp = earlier.timestamp() != null ? earlier.timestamp() : RunConfig.timestamp(config.startedAt());

    ClientSettings settings = new ClientSettings(config.baseUrl(), config.model(), apiKey, config.timeout(),
        RequestExtras.merged(config.baseUrl(), config.ask().maxTokens(), config.extraBody()), config.maxBodyBytes());
    ResilientClient client = new ResilientClient(config.ask().api().client(settings), config.retry(),
        new AdaptiveLimiter(config.parallel()));
    CachedAsking cached = config.ask().cache() == null ? null
        : new CachedAsking(ResponseCache.at(config.ask().cache()), client);
    List<QuestionResult> keptSamples = earlier.kept().values().stream().flatMap(m -> m.values().stream()).toList();
    int keptCorrect = (int) keptSamples.stream().filter(QuestionResult::correct).count();
    RunningCounts counts = new RunningCounts(selection.questions().size() * config.repeats(), keptSamples.size(),
        keptCorrect);
    Finisher finisher = new Finisher(selection, timestamp, client, cached, start, journalPath, earlier);

    Thread hook = new Thread(() -> finisher.finish(true), "jmle-bench-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    try (progress;
         Journal journal = Journal.open(journalPath, JsonNodeFactory.instance.objectNode()
             .put(ResultSchema.Journal.MODEL, config.model())
             .put(ResultSchema.Journal.TOTAL, selection.questions().size() * config.repeats())
             .put(ResultSchema.Metadata.DATASET_SHA256, data.datasetSha256())
             .put(ResultSchema.Metadata.QUESTIONS_SHA256, data.questionsSha256()))) {
      progress.started(counts.snapshot(0, 0));
      BiConsumer<Ask, QuestionResult> record = (a, r) -> {
        // Kept first: a Ctrl-C file written in between then holds all that the journal does.
        answers.put(r.questionId(), a.sample(), r);
        journal.append(r, a.sample(), earlier.wallMs() + (System.nanoTime() - start) / 1_000_000);
        synchronized (counts) {
          // One at a time, so the printed tallies come in order.
          progress.finished(a.label(config.repeats()), r,
              counts.add(r, client.retries(), client.limiter().inFlight()));
        }
      };
      if (config.ask().batch() && !pending.isEmpty()) {
        pending = batchFirst(pending, settings, client, record);
      }
      askAll(pending, a -> {
        QuestionResult r = ask(a, client, cached);
        if (r != null) {
          record.accept(a, r);
        }
      });
    } finally {
      removeHook(hook);
    }
    if (crash.get() != null) {
      throw crash.get();
    }
    ApiFailure f = fatal.get();
    if (f != null) {
      if (answers.samples() == 0) {
        deleteQuietly(journalPath);
      }
      throw new UserError("stopped before asking the rest: the first requests failed with " + f.getMessage()
          + " — " + hint(f));
    }
    return finisher.finish(false);
  }

  /** The file whose answers this run keeps: {@code --resume}, else the output file itself. */
  private Path earlierFile() {
    Path from = config.resumeFrom();
    if (from == null || from.equals(config.out())) {
      return config.out();
    }
    if (Files.exists(config.out())) {
      throw new UserError("--out " + config.out() + " already exists and would be overwritten by the resumed run of "
          + from + ": choose a new --out, or leave --out away to continue " + from + " in place");
    }
    return from;
  }

  private interface Task {
    void run(Ask a) throws InterruptedException;
  }

  /** Runs every ask's task on {@code parallel} threads; the limiter decides how many are in flight. */
  private void askAll(List<Ask> pending, Task task) {
    if (pending.isEmpty()) {
      return;
    }
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.parallel(), pending.size()), r -> {
      Thread t = new Thread(r, "jmle-bench-ask-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CountDownLatch left = new CountDownLatch(pending.size());
    for (Ask a : pending) {
      pool.execute(() -> {
        try {
          if (!stopping && fatal.get() == null && crash.get() == null) {
            task.run(a);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          crash.compareAndSet(null, e);
        } finally {
          left.countDown();
        }
      });
    }
    try {
      while (!left.await(100, TimeUnit.MILLISECONDS)) {
        if (fatal.get() != null || crash.get() != null) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    } finally {
      pool.shutdownNow();
    }
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
    Prices batchPrices = config.ask().prices() == null ? null : config.ask().prices().halved();
    try {
      Set<String> left = new BatchAsking(config.ask().api().batches(settings), BatchJournal.pathFor(config.out()), out)
          .run(requests, (id, c) -> {
            Ask a = byId.get(id);
            anyAnswered.set(true);
            record.accept(a, graded(a.question(), c, RunRecords.questionExtra(new Answer(c, null, 1, Duration.ZERO),
                batchPrices, imageMissing(a.question()))));
          });
      return pending.stream().filter(a -> left.contains(a.customId())).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
      return List.of();
    }
  }

  /**
   * The graded answer of a completion, however it came (a request, the cache, a batch). A key in an answer
   * can only be a server echoing it: it is hidden before anything is written.
   */
  private QuestionResult graded(Question q, Completion c, Map<String, JsonNode> extra) {
    return Grader.grade(q, secrets.redact(c.content()), secrets.redact(c.reasoning()), extra, key);
  }

  /** An image question asked as text in a vision run because its source has no image file. */
  private boolean imageMissing(Question q) {
    return config.imageMode() == ImageMode.VISION && q.requiresImage() && q.clinicalImages().isEmpty();
  }

  private Prompt prompt(Question q) {
    return Prompt.of(q, config.imageMode(), dataset.imagesDirectory());
  }

  /** Asks one question and grades the answer; null when the run is stopping for a failure of the whole run. */
  private QuestionResult ask(Ask ask, ResilientClient client, CachedAsking cached) throws InterruptedException {
    Question q = ask.question();
    Prompt prompt = prompt(q);
    Answer a = cached == null ? client.ask(prompt) : cached.ask(prompt, ask.sample(), ask.fresh());
    if (a.ok()) {
      anyAnswered.set(true);
      return graded(q, a.completion(), RunRecords.questionExtra(a, config.ask().prices(), imageMissing(q)));
    }
    if (Transience.isFatalForRun(a.failure()) && !anyAnswered.get()) {
      fatal.compareAndSet(null, a.failure());
      return null;
    }
    return QuestionResult.failed(q.questionId(), key.gold(q), a.failure().getMessage(),
        RunRecords.questionExtra(a, config.ask().prices(), imageMissing(q)));
  }

  private static String hint(ApiFailure f) {
    if (f.kind() == ApiFailure.Kind.UNREACHABLE) {
      return "check --base-url and that the server is running";
    }
    return f.status() == 404 ? "check --base-url and --model" : "check --api-key or OPENAI_API_KEY";
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
    private final String timestamp;
    private final ResilientClient client;
    private final CachedAsking cached;
    private final long startNanos;
    private final Path journalPath;
    private final EarlierResults earlier;

    Finisher(Selection selection, String timestamp, ResilientClient client, CachedAsking cached, long startNanos,
        Path journalPath, EarlierResults earlier) {
      this.earlier = earlier;
      this.selection = selection;
      this.timestamp = timestamp;
      this.client = client;
      this.cached = cached;
      this.startNanos = startNanos;
      this.journalPath = journalPath;
    }

    FinishedRun finish(boolean interrupted) {
      synchronized (Runner.this) {
        if (outcome != null) {
          return outcome;
        }
        stopping = true;
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration totalWall = wall.plusMillis(earlier.wallMs());
        List<QuestionResult> all = answers.published();
        AdaptiveLimiter.Report concurrency = client.limiter().report();
        ResultFile before = earlier.file();
        // Fields this project does not know, at the top, in metadata and in the summary, are carried over.
        ResultFile file = new ResultFile(RunRecords.metadata(config, timestamp, selection, dataset, all, totalWall,
            concurrency, before == null ? null : before.metadata(), key), null, all,
            before == null ? Map.of() : before.summaryExtra(), before == null ? Map.of() : before.extra());
        ExamCriteria criteria = key.criteria();
        Summary summary = Rescorer.summarize(file, dataset, criteria, config.out().toString());
        file = file.withSummary(summary);
        ResultFiles.write(config.out(), file);
        if (!interrupted) {
          deleteJournal();
        }
        List<String> unanswered = selection.questions().stream().map(Question::questionId)
            .filter(id -> !answers.isAnswered(id)).toList();
        String command = ContinueCommand.render(program, config, dataset.directory());
        outcome = new FinishedRun(config.out(), file, unanswered, answers.errors(), interrupted, wall, concurrency,
            command);
        report(outcome, criteria);
        return outcome;
      }
    }

    private void deleteJournal() {
      try {
        Files.deleteIfExists(journalPath);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the journal " + journalPath + ": " + e.getMessage(), e);
      }
    }

    private void report(FinishedRun o, ExamCriteria criteria) {
      out.println();
      if (o.interrupted()) {
        out.println("Interrupted: " + (config.repeats() == 1
            ? o.file().results().size() + " of " + selection.questions().size() + " questions"
            : answers.samples() + " of " + selection.questions().size() * config.repeats() + " answers ("
                + config.repeats() + " per question)")
            + " saved to " + o.out() + ". The same command again continues it, as does:");
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
            + cached.stored() + " stored (" + cached.cache().directory() + ")");
      }
      out.println("Wrote " + o.out());
      if (!o.unanswered().isEmpty()) {
        out.println(o.unanswered().size() + " question(s) without "
            + (config.repeats() == 1 ? "an answer" : "all " + config.repeats() + " answers") + " (" + o.errors()
            + " errors): " + String.join(" ", o.unanswered()));
        out.println("Ask only those again with:");
        out.println("  " + o.command());
      }
      long keptTruncated = answers.keptTruncated();
      if (keptTruncated > 0) {
        out.println(keptTruncated + " truncated answer(s) kept as they are (graded as given). Ask them again, "
            + "perhaps with a larger --max-tokens, with:");
        Set<Reask> withTruncated = EnumSet.copyOf(config.ask().reask());
        withTruncated.add(Reask.TRUNCATED);
        out.println("  " + ContinueCommand.render(program, config, dataset.directory(), withTruncated));
      }
      out.flush();
    }
  }
}
