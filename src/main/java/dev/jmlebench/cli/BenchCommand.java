package dev.jmlebench.cli;

import dev.jmlebench.bench.Bench;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: measure the harness against the in-process mock server. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure the harness: run the exam against the in-process mock server and print the "
        + "harness overhead with an instant server, wall time against the ideal ceil(N/P)·latency for "
        + "P in {8, 32, 128} and latency in {0.2 s, 1 s}, throughput against a server's rate limit under 429s, "
        + "and completion under 20%% injected faults. The full set takes about three minutes."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Block A only and the fast half of the grid (about half a minute).")
  boolean quick;

  @Option(names = "--scenario", paramLabel = "NAME", split = ",", completionCandidates = ScenarioNames.class,
      description = "Only these: ${COMPLETION-CANDIDATES}. Default: all.")
  List<String> scenarios;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Bench.Settings base = quick ? Bench.Settings.QUICK : Bench.Settings.FULL;
    Bench.Settings settings = scenarios == null ? base
        : new Bench.Settings(base.blocks(), scenarios(), base.parallels(), base.latencies());
    Dataset d = dataset.load();
    new Bench(d, settings, spec.commandLine().getOut(), answerKey.forDataset(d)).run();
    return Main.OK;
  }

  /** The scenarios named, as typed in any case with '-' or '_'; an unknown one is one line listing them all. */
  private List<Bench.Scenario> scenarios() {
    List<Bench.Scenario> named = new ArrayList<>();
    for (String name : scenarios) {
      Bench.Scenario s = Bench.Scenario.named(name);
      if (s == null) {
        throw new UserError("--scenario " + name + ": no such scenario; one of "
            + String.join(", ", Bench.Scenario.cliNames()));
      }
      named.add(s);
    }
    return named;
  }

  /** The names the help lists and the shell completes. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Bench.Scenario.cliNames().iterator();
    }
  }
}
