package dev.jmlebench.runner;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a resumed run keeps (SPEC §5): the answered samples of the earlier result file and of its journal
 * (a journal line is newer than the file), those with no error and a parsed answer, re-graded against the
 * current gold answers. Everything else is asked again. A run that asks once has one sample per question,
 * sample 0.
 *
 * @param kept per question id, the kept samples by sample number
 * @param timestamp the earlier file's timestamp, or null when there was none
 */
record EarlierResults(Map<String, Map<Integer, QuestionResult>> kept, String timestamp) {
  static EarlierResults load(Path resultFile, Path journal, String model, Dataset dataset, Set<String> selected,
      int repeats) {
    Map<String, TreeMap<Integer, QuestionResult>> latest = new LinkedHashMap<>();
    String timestamp = null;
    if (Files.exists(resultFile)) {
      ResultFile earlier = ResultFiles.read(resultFile);
      requireSameModel(resultFile, earlier.metadata().model(), model);
      timestamp = earlier.metadata().timestamp();
      for (QuestionResult r : earlier.results()) {
        List<QuestionResult> samples = Samples.of(r, resultFile.toString());
        for (int k = 0; k < samples.size(); k++) {
          if (samples.get(k) != null) {
            latest.computeIfAbsent(r.questionId(), id -> new TreeMap<>()).put(k, samples.get(k));
          }
        }
      }
    }
    Journal.Contents journaled = Journal.read(journal);
    if (journaled.model() != null) {
      requireSameModel(journal, journaled.model(), model);
    }
    journaled.entries().forEach(e ->
        latest.computeIfAbsent(e.result().questionId(), id -> new TreeMap<>()).put(e.sample(), e.result()));

    Map<String, Map<Integer, QuestionResult>> kept = new LinkedHashMap<>();
    latest.forEach((id, samples) -> {
      Question q = dataset.question(id).orElseThrow(() ->
          new UserError(resultFile + ": unknown question id '" + id + "' (not in the dataset)"));
      // Rewriting the file without it would lose an answer that was paid for.
      if (!selected.contains(id)) {
        throw new UserError(resultFile + " holds " + id
            + ", which this run does not ask (--blocks or --image-mode differ); choose another --out");
      }
      int held = samples.lastKey() + 1;
      if (held > repeats) {
        throw new UserError(resultFile + " holds " + held + " samples of " + id + ", more than --repeats "
            + repeats + " asks: pass --repeats " + held + " to resume it, or choose another --out");
      }
      samples.forEach((k, r) -> {
        if (r.isKeptOnResume()) {
          kept.computeIfAbsent(id, x -> new TreeMap<>()).put(k, Rescorer.regrade(q, r));
        }
      });
    });
    return new EarlierResults(kept, timestamp);
  }

  private static void requireSameModel(Path file, String earlier, String model) {
    if (!model.equals(earlier)) {
      throw new UserError(file + " holds a run of model '" + earlier + "', not '" + model
          + "': pass --model " + earlier + " to resume it, or choose another --out");
    }
  }
}
