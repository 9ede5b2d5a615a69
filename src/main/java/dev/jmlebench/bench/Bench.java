package dev.jmlebench.bench;

import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.client.RetrySettings;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.runner.FinishedRun;
import dev.jmlebench.runner.ProgressStyle;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import dev.jmlebench.runner.RunTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.jmlebench.runner.Runner;
import dev.jmlebench.score.AnswerKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the harness against the in-process mock server: its own overhead with an instant server, wall
 * time against the ideal ceil(N/P)·latency, throughput against a server's rate limit, and completion under
 * injected faults. Each scenario is one real run (journal, grading, result file) into a temporary folder.
 */
public final class Bench {
  /** The scenarios, in the order they print. */
  public enum Scenario {
    OVERHEAD, LATENCY, RATE_LIMIT, FAULTS;

    /** The name a user types: {@code rate-limit}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The scenario a user named, in any case, with '-' or '_' ({@code rate-limit}, {@code RATE_LIMIT}); null
     * for none.
     */
    public static Scenario named(String name) {
      String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
      return Arrays.stream(values()).filter(s -> s.cliName().equals(wanted)).findFirst().orElse(null);
    }

    /** Every scenario's name, as the help and an error list them. */
    public static List<String> cliNames() {
      return Arrays.stream(values()).map(Scenario::cliName).toList();
    }
  }

  /**
   * @param blocks the blocks to ask (all for the full 400 questions)
   * @param parallels the P of the latency grid
   * @param latencies the latencies of the latency grid
   */
  public record Settings(List<String> blocks, List<Scenario> scenarios, List<Integer> parallels,
      List<Duration> latencies) {
    public static final Settings FULL = new Settings(List.of(), List.of(Scenario.values()), List.of(8, 32, 128),
        List.of(Duration.ofMillis(200), Duration.ofSeconds(1)));
    /** One block, the fast half of the grid: about half a minute. */
    public static final Settings QUICK = new Settings(List.of("A"), List.of(Scenario.values()), List.of(8, 32),
        List.of(Duration.ofMillis(200)));

    public Settings {
      blocks = List.copyOf(blocks);
      scenarios = List.copyOf(scenarios);
      parallels = List.copyOf(parallels);
      latencies = List.copyOf(latencies);
    }
  }

  static final double RATE_LIMIT_RPS = 50;
  static final int RATE_LIMIT_PARALLEL = 64;
  static final Duration RATE_LIMIT_LATENCY = Duration.ofMillis(50);
  static final double FAULT_RATE = 0.2;
  static final int FAULT_PARALLEL = 32;
  static final Duration FAULT_LATENCY = Duration.ofMillis(200);

  private final Dataset dataset;
  private final Settings settings;
  private final PrintWriter out;
  private final AnswerKey key;

  /** @param key the answer key the runs are graded with, and whose gold answers the mock server plays */
  public Bench(Dataset dataset, Settings settings, PrintWriter out, AnswerKey key) {
    this.dataset = dataset;
    this.settings = settings;
    this.out = out;
    this.key = key;
  }

  public void run() {
    out.println("Machine: " + machine());
    // One unmeasured run first, so that the figures are the harness's and not the JVM's start-up (class
    // loading, the first compilations, the first connections), whichever scenario comes first.
    measure(MockOptions.INSTANT, 8);
    for (Scenario s : settings.scenarios()) {
      out.println();
      switch (s) {
        case OVERHEAD -> overhead();
        case LATENCY -> latencyGrid();
        case RATE_LIMIT -> rateLimit();
        case FAULTS -> faults();
      }
      out.flush();
    }
  }

  private void overhead() {
    out.println("Harness overhead (instant server)");
    out.println("|  P | questions | wall     | per question | questions/s |");
    out.println("|---:|----------:|---------:|-------------:|------------:|");
    for (int p : List.of(1, 8, 32)) {
      Result r = measure(MockOptions.INSTANT, p);
      out.printf(Locale.ROOT, "| %2d | %9d | %7.2fs | %9.2f ms | %11.0f |%n", p, r.answered, seconds(r.wall),
          r.wall.toNanos() / 1e6 / r.answered, r.answered / seconds(r.wall));
      out.flush();
    }
  }

  private void latencyGrid() {
    out.println("Wall time against the ideal ceil(N/P)·latency");
    out.println("|   P | latency | questions | ideal    | wall     | overhead |");
    out.println("|----:|--------:|----------:|---------:|---------:|---------:|");
    for (Duration latency : settings.latencies()) {
      for (int p : settings.parallels()) {
        Result r = measure(MockOptions.INSTANT.withLatency(latency), p);
        double ideal = Math.ceil((double) r.asked / p) * seconds(latency);
        out.printf(Locale.ROOT, "| %3d | %6.1fs | %9d | %7.2fs | %7.2fs | %+7.1f%% |%n", p, seconds(latency),
            r.answered, ideal, seconds(r.wall), 100 * (seconds(r.wall) / ideal - 1));
        out.flush();
      }
    }
  }

  private void rateLimit() {
    MockOptions options = MockOptions.INSTANT.withLatency(RATE_LIMIT_LATENCY).withRateLimit(RATE_LIMIT_RPS);
    out.printf(Locale.ROOT, "Rate limit: server allows %.0f requests/s, P=%d, latency %d ms%n", RATE_LIMIT_RPS,
        RATE_LIMIT_PARALLEL, RATE_LIMIT_LATENCY.toMillis());
    Result r = measure(options, RATE_LIMIT_PARALLEL);
    out.printf(Locale.ROOT, "  answered %d/%d, errors %d, wall %.2fs, achieved %.1f questions/s (%.0f%% of the "
            + "limit), %d answered 429, %s%n", r.answered, r.asked, r.errors, seconds(r.wall),
        r.answered / seconds(r.wall), 100 * r.answered / seconds(r.wall) / RATE_LIMIT_RPS, r.rateLimited,
        r.outcome.concurrency().describe());
  }

  private void faults() {
    MockOptions options = MockOptions.INSTANT.withLatency(FAULT_LATENCY).withFailRate(FAULT_RATE);
    out.printf(Locale.ROOT, "Faults: %.0f%% of requests fail (500, dropped connection, truncated body), P=%d, "
        + "latency %d ms%n", 100 * FAULT_RATE, FAULT_PARALLEL, FAULT_LATENCY.toMillis());
    Result r = measure(options, FAULT_PARALLEL);
    out.printf(Locale.ROOT, "  answered %d/%d, errors %d, wall %.2fs, %d faults injected, %d requests%n",
        r.answered, r.asked, r.errors, seconds(r.wall), r.faults, r.requests);
  }

  private record Result(int asked, int answered, int errors, Duration wall, int rateLimited, int faults,
      int requests, FinishedRun outcome) {}

  private Result measure(MockOptions options, int parallel) {
    Path dir = tempDir();
    try (MockServer server = MockServer.start(0, dataset, null, options, key::gold)) {
      Map<String, String> given = new LinkedHashMap<>();
      given.put(RunField.MODEL.flag(), "bench");
      given.put(RunField.BASE_URL.flag(), server.baseUrl().toString());
      given.put(RunField.EXAM.flag(), dataset.exam());
      given.put(RunField.ANSWER_KEY.flag(), key.name());
      given.put(RunField.QUESTIONS.flag(), String.join(",", settings.blocks()));
      given.put(RunField.PARALLEL.flag(), String.valueOf(parallel));
      given.put(RunField.TIMEOUT.flag(), "60");
      RunSpec spec = RunSpec.fromArguments(given, RunSpec.NO_ENVIRONMENT);
      long start = System.nanoTime();
      FinishedRun o = new Runner(spec, RunTarget.at(dir.resolve("bench.json")), dataset, null, ProgressStyle.QUIET,
          new PrintWriter(Writer.nullWriter()), "jmle-bench").run();
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      int asked = o.file().metadata().totalQuestions();
      return new Result(asked, asked - o.unanswered().size(), o.file().summary().errors(), wall,
          server.rateLimitedRequests(), server.injectedFaults(), server.totalRequests(), o);
    } finally {
      deleteTree(dir);
    }
  }

  static String machine() {
    long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : -1;
    return Runtime.getRuntime().availableProcessors() + " cores, "
        + (memory > 0 ? String.format(Locale.ROOT, "%.0f GiB", memory / (double) (1L << 30)) : "memory unknown")
        + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("jmle-bench-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
