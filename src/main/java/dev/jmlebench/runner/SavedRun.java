package dev.jmlebench.runner;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.score.AnswerKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is on disk of a run: how many of its asks (questions × repeats) have an answer that a resume keeps,
 * counted as a resume with the default {@code --retry} counts them (result file and journal), and whether
 * the result file is complete.
 *
 * @param started whether a result file or a journal exists
 * @param complete the result file holds an answer to every ask and no journal is left beside it
 */
public record SavedRun(int answered, int total, boolean started, boolean complete) {
  public static SavedRun of(Path out, RunSpec spec, Dataset dataset) {
    Selection selection = Selection.of(dataset, spec);
    int total = selection.questions().size() * spec.repeats();
    Path journal = Journal.pathFor(out);
    if (!Files.exists(out) && !Files.exists(journal)) {
      return new SavedRun(0, total, false, false);
    }
    Set<String> asked = selection.questions().stream().map(Question::questionId).collect(Collectors.toSet());
    EarlierResults earlier = EarlierResults.load(out, journal, spec.with(RunField.REASK, Reask.DEFAULT), dataset,
        RunRecords.data(dataset), asked, true, AnswerKey.chosen(dataset.exam(), null)); // the key grades, not counts
    int answered = earlier.kept().values().stream().mapToInt(Map::size).sum();
    return new SavedRun(answered, total, true, answered == total && Files.exists(out) && !Files.exists(journal));
  }
}
