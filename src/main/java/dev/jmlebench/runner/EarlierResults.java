package dev.jmlebench.runner;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.Grader;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a resumed run keeps (SPEC §5): the answered results of the earlier result file and of its journal
 * (a journal line is newer than the file), those with no error and a parsed answer, re-graded against the
 * current gold answers. Everything else is asked again.
 *
 * @param timestamp the earlier file's timestamp, or null when there was none
 */
record EarlierResults(Map<String, QuestionResult> kept, String timestamp) {
  static final EarlierResults NONE = new EarlierResults(Map.of(), null);

  static EarlierResults load(Path resultFile, Path journal, String model, Dataset dataset, Set<String> selected) {
    Map<String, QuestionResult> latest = new LinkedHashMap<>();
    String timestamp = null;
    if (Files.exists(resultFile)) {
      ResultFile earlier = ResultFiles.read(resultFile);
      requireSameModel(resultFile, earlier.metadata().model(), model);
      timestamp = earlier.metadata().timestamp();
      earlier.results().forEach(r -> latest.put(r.questionId(), r));
    }
    Journal.Contents journaled = Journal.read(journal);
    if (journaled.model() != null) {
      requireSameModel(journal, journaled.model(), model);
    }
    journaled.results().forEach(r -> latest.put(r.questionId(), r));

    Map<String, QuestionResult> kept = new LinkedHashMap<>();
    for (QuestionResult r : latest.values()) {
      Question q = dataset.question(r.questionId()).orElseThrow(() ->
          new UserError(resultFile + ": unknown question id '" + r.questionId() + "' (not in the dataset)"));
      if (!selected.contains(q.questionId())) {
        // Rewriting the file without it would lose an answer that was paid for.
        throw new UserError(resultFile + " holds " + q.questionId()
            + ", which this run does not ask (--blocks or --image-mode differ); choose another --out");
      }
      if (r.isKeptOnResume()) {
        kept.put(r.questionId(), Grader.grade(q, r.rawResponse(), r.reasoning(), r.extra()));
      }
    }
    return new EarlierResults(kept, timestamp);
  }

  private static void requireSameModel(Path file, String earlier, String model) {
    if (!model.equals(earlier)) {
      throw new UserError(file + " holds a run of model '" + earlier + "', not '" + model
          + "': pass --model " + earlier + " to resume it, or choose another --out");
    }
  }
}
