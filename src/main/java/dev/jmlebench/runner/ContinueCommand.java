package dev.jmlebench.runner;

import dev.jmlebench.batch.BatchAsking;
import dev.jmlebench.batch.BatchWait;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.common.ShellWords;
import dev.jmlebench.client.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line that continues a run: the same request settings, {@code --resume} on its result file,
 * so it asks exactly the questions without an answer. Never holds the API key.
 */
final class ContinueCommand {
  private ContinueCommand() {}

  static String render(String program, RunConfig c, Path datasetDir) {
    return render(program, c, datasetDir, c.ask().reask());
  }

  /** The command that continues the run asking again {@code reask} ({@code --retry}). */
  static String render(String program, RunConfig c, Path datasetDir, Set<Reask> reask) {
    List<String> args = new ArrayList<>(List.of(program, "run", "--model", c.model(), "--base-url",
        Secrets.publicUrl(c.baseUrl()).toString(), "--image-mode", c.imageMode().wireName()));
    addUnlessDefault(args, "--parallel", c.parallel(), RunConfig.DEFAULT_PARALLEL);
    addUnlessDefault(args, "--timeout", c.timeout().toSeconds(), RunConfig.DEFAULT_TIMEOUT_SECONDS);
    addUnlessDefault(args, "--max-retries", c.retry().maxRetries(), RunConfig.DEFAULT_MAX_RETRIES);
    addUnlessDefault(args, "--repeats", c.repeats(), 1);
    addUnlessDefault(args, "--max-body-mb", c.maxBodyBytes() >> 20, RunConfig.DEFAULT_MAX_BODY_MB);
    if (!c.retry().budget().equals(Duration.ofMinutes(RunConfig.DEFAULT_RETRY_BUDGET_MINUTES))) {
      args.addAll(List.of("--retry-budget", String.valueOf(c.retry().budget().toMillis() / 60_000.0)));
    }
    if (c.extraBody() != null) {
      args.addAll(List.of("--extra-body", c.extraBody().toString()));
    }
    if (!c.blocks().isEmpty()) {
      args.addAll(List.of("--blocks", String.join(",", c.blocks())));
    }
    AskOptions ask = c.ask();
    if (ask.api() != ApiKind.OPENAI) {
      args.addAll(List.of("--api", ask.api().wireName()));
    }
    if (ask.maxTokens() != null) {
      args.addAll(List.of("--max-tokens", String.valueOf(ask.maxTokens())));
    }
    if (ask.prices() != null) {
      args.addAll(List.of("--price-input", ask.prices().input().toPlainString(), "--price-output",
          ask.prices().output().toPlainString()));
    }
    if (!reask.equals(Reask.DEFAULT)) {
      args.addAll(List.of("--retry", String.join(",", reask.stream().sorted().map(Reask::wireName).toList())));
    }
    if (ask.cache() != null) {
      args.addAll(List.of("--cache", ask.cache().toString()));
    }
    if (ask.batch()) {
      args.add("--batch");
      if (!ask.batchWait().equals(BatchAsking.DEFAULT_MAX_WAIT)) {
        args.addAll(List.of("--batch-wait", BatchWait.format(ask.batchWait())));
      }
    }
    if (c.displayName() != null) {
      args.addAll(List.of("--display-name", c.displayName()));
    }
    if (c.answerKey() != null) {
      args.addAll(List.of("--key", c.answerKey()));
    }
    args.addAll(List.of("--dataset", datasetDir.toString(), "--resume", c.out().toString()));
    String line = ShellWords.join(args);
    if (Secrets.hasCredentials(c.baseUrl())) {
      return line + "   # put the credentials shown as *** back into --base-url";
    }
    return ClientSettings.isLoopback(c.baseUrl()) ? line : line + "   # key from $"
        + (ask.api() == ApiKind.ANTHROPIC ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY") + ", or add --api-key";
  }

  private static void addUnlessDefault(List<String> args, String flag, long value, long otherwise) {
    if (value != otherwise) {
      args.addAll(List.of(flag, String.valueOf(value)));
    }
  }
}
