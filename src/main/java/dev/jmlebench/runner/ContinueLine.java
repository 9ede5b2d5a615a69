package dev.jmlebench.runner;

import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.common.ShellWords;
import dev.jmlebench.dataset.DatasetLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line that continues a run: {@code continue FILE}, which reads everything the file records, and
 * only what it does not record (the response cache, what to ask again, the key's variable when not the
 * usual one, a dataset outside its cache). Never holds the API key. The one place a continue command is
 * spelled: after Ctrl-C, after failed questions, in a suite.
 */
public final class ContinueLine {
  private ContinueLine() {}

  /**
   * @param datasetDir where the exam's dataset was read from; said only when it is not where {@code continue}
   *     looks by default
   */
  public static String render(String program, RunSpec spec, Path out, Path datasetDir) {
    List<String> words = new ArrayList<>(List.of(program, "continue", out.toString()));
    words.addAll(spec.toArguments(RunSpec.SYSTEM_ENVIRONMENT, f -> !f.recorded()));
    if (datasetDir != null && !datasetDir.equals(DatasetLocation.resolve(null, spec.exam()))) {
      words.addAll(List.of("--dataset", datasetDir.toString()));
    }
    String line = ShellWords.join(words);
    if (spec.hasHiddenCredentials()) {
      // The file records the URL without them, so continue cannot know them: the run's own form, to fill in.
      List<String> run = new ArrayList<>(List.of(program, "run"));
      run.addAll(spec.toArguments(RunSpec.SYSTEM_ENVIRONMENT));
      run.addAll(words.subList(3, words.size()));
      run.addAll(List.of("--out", out.toString()));
      return ShellWords.join(run) + "   # put the credentials shown as *** back into --base-url";
    }
    return ClientSettings.isLoopback(spec.baseUrl()) ? line
        : line + "   # key from $" + spec.keyVariable() + ", or add --api-key";
  }

  /** The command that continues the run asking again {@code reask} ({@code --retry}) too. */
  static String render(String program, RunSpec spec, Path out, Path datasetDir, Set<Reask> reask) {
    return render(program, spec.with(RunField.REASK, Set.copyOf(reask)), out, datasetDir);
  }
}
