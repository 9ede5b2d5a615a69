package dev.jmlebench.suite;

import dev.jmlebench.cost.Prices;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.RunUsage;
import dev.jmlebench.results.Samples;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a planned run will cost, estimated from what earlier answers of the same model cost: a model's answers are
 * as long as they were (the prompts are the exam's), so the answers already in the results folder say it — the cost
 * they record (the provider's figure, or their tokens at the prices of their run), else their tokens at this run's
 * prices. A price alone says nothing of how many
 * tokens a model spends, so without an earlier answer the cost stays unknown, and says why.
 *
 * @param usd the estimate in US dollars, or null when unknown
 * @param basis how it was made, or why there is none
 */
record CostEstimate(BigDecimal usd, String basis) {
  /**
   * @param earlier what {@link #earlierAnswers} found in {@code results}, by model
   */
  static CostEstimate of(SuiteEntry entry, int requests, Path results, Map<String, RunUsage> earlier) {
    RunUsage usage = earlier.getOrDefault(entry.model(), NONE);
    if (usage.answers() == 0) {
      return new CostEstimate(null, "cost unknown: no earlier answer of " + entry.model() + " in " + results
          + " to take its length from");
    }
    if (usage.priced() > 0) {
      BigDecimal each = usage.cost().divide(BigDecimal.valueOf(usage.priced()), MathContext.DECIMAL64);
      return new CostEstimate(each.multiply(BigDecimal.valueOf(requests)), "cost about "
          + usd(each.multiply(BigDecimal.valueOf(requests))) + " (" + usd(each) + " an answer, as " + usage.priced()
          + " earlier answers cost)");
    }
    Prices prices = entry.spec().prices();
    if (prices == null || usage.withUsage() == 0) {
      return new CostEstimate(null, "cost unknown: " + (prices == null
          ? "no price_input/price_output, and the earlier answers record no cost"
          : "the earlier answers record no tokens"));
    }
    long prompt = Math.round((double) usage.promptTokens() / usage.withUsage());
    long completion = Math.round((double) usage.completionTokens() / usage.withUsage());
    BigDecimal total = prices.costOf(prompt * requests, completion * requests);
    return new CostEstimate(total, "cost about " + usd(total) + " (" + prompt + " prompt + " + completion
        + " completion tokens an answer, as " + usage.withUsage() + " earlier answers, at its prices)");
  }

  boolean known() {
    return usd != null;
  }

  String text() {
    return basis;
  }

  static String usd(BigDecimal v) {
    return "$" + v.setScale(v.compareTo(BigDecimal.ONE) < 0 ? 4 : 2, RoundingMode.HALF_UP).toPlainString();
  }

  private static final RunUsage NONE = RunUsage.ofSamples(List.of());

  /**
   * The usage of every answer in the folder's result files, by model: read once for a whole plan, one file at a
   * time (the folder may be large).
   */
  static Map<String, RunUsage> earlierAnswers(Path results) {
    Map<String, List<QuestionResult>> byModel = new HashMap<>();
    if (Files.isDirectory(results)) {
      for (Path f : ResultFolder.list(results, results.toString())) {
        ResultFolder.Entry read;
        try {
          read = ResultFolder.read(f);
        } catch (RuntimeException unreadable) {
          continue; // a plan estimates; the run itself names a faulty file
        }
        if (read instanceof ResultFolder.Result r) {
          List<QuestionResult> answers = byModel.computeIfAbsent(r.result().metadata().model(), m -> new ArrayList<>());
          r.result().results().forEach(x -> Samples.of(x, f.toString()).stream().filter(Objects::nonNull)
              .forEach(answers::add));
        }
      }
    }
    Map<String, RunUsage> usage = new HashMap<>();
    byModel.forEach((model, answers) -> usage.put(model, RunUsage.ofSamples(answers)));
    return usage;
  }
}
