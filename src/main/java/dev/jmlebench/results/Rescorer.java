package dev.jmlebench.results;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.GradedQuestion;
import dev.jmlebench.score.Scorer;
import dev.jmlebench.score.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Re-derives everything a result file computes from its raw responses: each answer re-parsed (content,
 * then reasoning), re-graded against the current gold answers, and the summary recomputed.
 */
public final class Rescorer {
  private Rescorer() {}

  /** How the outcome of one question moved: {@code +} gained, {@code -} lost, {@code ~} other change. */
  public record Change(String questionId, char kind, List<String> before, List<String> after) {}

  public record Rescored(ResultFile file, List<Change> changes) {}

  public static Rescored rescore(ResultFile file, Dataset dataset, ExamCriteria criteria, String fileName) {
    List<QuestionResult> out = new ArrayList<>(file.results().size());
    List<Change> changes = new ArrayList<>();
    for (QuestionResult old : file.results()) {
      Question q = question(dataset, old.questionId(), fileName);
      QuestionResult now;
      if (old.extra().containsKey(ResultSchema.Result.SAMPLES)) {
        // A run with repeats: every sample is re-graded, and the published fields follow the first.
        List<QuestionResult> samples = new ArrayList<>();
        for (QuestionResult sample : Samples.of(old, fileName)) {
          samples.add(sample == null ? null : regrade(q, sample));
        }
        now = Samples.publish(samples);
      } else {
        now = regrade(q, old);
      }
      out.add(now);
      Change c = change(old, now);
      if (c != null) {
        changes.add(c);
      }
    }
    ResultFile rescored = file.withResults(out);
    return new Rescored(rescored.withSummary(summarize(rescored, dataset, criteria, fileName)), changes);
  }

  /** One result graded again against the question: a failed request stays failed. */
  public static QuestionResult regrade(Question q, QuestionResult old) {
    return old.error() != null
        ? QuestionResult.failed(old.questionId(), q.answer(), old.error(), old.extra())
        : Grader.grade(q, old.rawResponse(), old.reasoning(), old.extra());
  }

  /**
   * The file's own summary, or, for a file without one, the summary of its results (only then is the
   * dataset loaded).
   */
  public static Summary summaryOf(ResultFile file, Supplier<Dataset> dataset, ExamCriteria criteria,
      String fileName) {
    return file.summary() != null ? file.summary() : summarize(file, dataset.get(), criteria, fileName);
  }

  public static Summary summarize(ResultFile file, Dataset dataset, ExamCriteria criteria, String fileName) {
    List<GradedQuestion> graded = new ArrayList<>(file.results().size());
    for (QuestionResult r : file.results()) {
      graded.add(new GradedQuestion(question(dataset, r.questionId(), fileName), r.outcome()));
    }
    return Scorer.summarize(graded, criteria);
  }

  private static Question question(Dataset dataset, String id, String fileName) {
    return dataset.question(id).orElseThrow(() ->
        new UserError(fileName + ": results: unknown question id '" + id + "' (not in the dataset)"));
  }

  private static Change change(QuestionResult old, QuestionResult now) {
    if (old.correct() != now.correct()) {
      return new Change(now.questionId(), now.correct() ? '+' : '-', old.predicted(), now.predicted());
    }
    if (!old.predicted().equals(now.predicted()) || old.parseSuccess() != now.parseSuccess()
        || !old.gold().equals(now.gold())) {
      return new Change(now.questionId(), '~', old.predicted(), now.predicted());
    }
    return null;
  }
}
