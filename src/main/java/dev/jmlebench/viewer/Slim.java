package dev.jmlebench.viewer;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A graded result file as the viewer holds it in memory: everything but its answers' reasoning and raw
 * responses, which are most of its bytes (a published file is 0.2-3.5 MB, its answers' letters a few kB) and are
 * read again from the file when one answer is shown ({@link Reuse#texts}). A folder of thousands of runs then
 * fits in memory. Whether a text was there (a reasoning) or empty (a raw response: an empty reply counts as cut
 * off) is kept; equal answer letters and question ids are shared between runs.
 */
final class Slim {
  /** Stands for a text left on disk. */
  static final String ON_DISK = "…";

  private final Map<List<String>, List<String>> letters = new HashMap<>();
  private final Map<String, String> ids = new HashMap<>();

  synchronized ResultFile of(ResultFile graded) {
    List<QuestionResult> slim = new ArrayList<>(graded.results().size());
    for (QuestionResult r : graded.results()) {
      slim.add(new QuestionResult(ids.computeIfAbsent(r.questionId(), id -> id), share(r.predicted()), share(r.gold()),
          r.correct(), r.rawResponse().isEmpty() ? "" : ON_DISK, r.parseSuccess(), r.error(),
          r.reasoning() == null ? null : ON_DISK, r.extra()));
    }
    return graded.withResults(slim);
  }

  /** One list for equal letters (a, b, a,c, …): {@code List.copyOf} of an immutable list keeps it. */
  private List<String> share(List<String> values) {
    return letters.computeIfAbsent(List.copyOf(values), v -> v);
  }
}
