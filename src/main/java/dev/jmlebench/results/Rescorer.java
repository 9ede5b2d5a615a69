package dev.jmlebench.results;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.GradedQuestion;
import dev.jmlebench.score.Scorer;
import dev.jmlebench.score.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Re-derives what a result file computes. {@link #rescore} re-parses every raw response (content, then
 * reasoning) and grades it under an answer key, as the {@code rescore} command rewrites files;
 * {@link #regrade} only judges the stored predictions again under a key, as the leaderboard, {@code compare}
 * and the viewer do without rewriting anything. Both recompute the summary under the key's criteria.
 */
public final class Rescorer {
  private Rescorer() {}

  /** How the outcome of one question moved: {@code +} gained, {@code -} lost, {@code ~} other change. */
  public record Change(String questionId, char kind, List<String> before, List<String> after) {}

  public record Rescored(ResultFile file, List<Change> changes) {}

  public static Rescored rescore(ResultFile file, Dataset dataset, AnswerKey key, String fileName) {
    if (file.metadata().extra().containsKey(ResultSchema.Metadata.IMPORTED_FROM)) {
      // An imported answer is not in this protocol's 【回答】 form: its prediction is what the import read.
      return redo(file, dataset, key, fileName, (q, old) -> Grader.regrade(q, old, key));
    }
    return redo(file, dataset, key, fileName, (q, old) -> rescore(q, old, key));
  }

  /** One result re-parsed and graded under {@code key} (rescore, and a resumed run): a failed request stays failed. */
  public static QuestionResult rescore(Question q, QuestionResult old, AnswerKey key) {
    return old.error() != null
        ? QuestionResult.failed(old.questionId(), key.gold(q), old.error(), old.extra())
        : Grader.grade(q, old.rawResponse(), old.reasoning(), old.extra(), key);
  }

  /** The file as {@code key} grades its stored predictions; nothing is re-parsed, nothing written. */
  public static ResultFile regrade(ResultFile file, Dataset dataset, AnswerKey key, String fileName) {
    return redo(file, dataset, key, fileName, (q, old) -> Grader.regrade(q, old, key)).file();
  }

  /**
   * The file as {@code key} grades its stored predictions — always, even when the file says it was graded
   * with that key: its summary and {@code answer_key} are its own word, which a file may give falsely (a
   * summary edited by hand, an edition file that called itself {@code official} before such names were
   * refused), while grading 400 stored answers takes microseconds.
   */
  public static ResultFile under(ResultFile file, AnswerKey key, Supplier<Dataset> dataset, String fileName) {
    return regrade(file, dataset.get(), key, fileName);
  }

  private static Rescored redo(ResultFile file, Dataset dataset, AnswerKey key, String fileName,
      BiFunction<Question, QuestionResult, QuestionResult> grade) {
    key.checkedAgainst(dataset);
    List<QuestionResult> out = new ArrayList<>(file.results().size());
    List<Change> changes = new ArrayList<>();
    for (QuestionResult old : file.results()) {
      Question q = question(dataset, old.questionId(), fileName);
      QuestionResult now;
      if (old.extra().containsKey(ResultSchema.Result.SAMPLES)) {
        // A run with repeats: every sample is re-graded, and the published fields follow the first.
        List<QuestionResult> samples = new ArrayList<>();
        for (QuestionResult sample : Samples.of(old, fileName)) {
          samples.add(sample == null ? null : grade.apply(q, sample));
        }
        now = Samples.publish(samples);
      } else {
        now = grade.apply(q, old);
      }
      out.add(now);
      Change c = change(old, now);
      if (c != null) {
        changes.add(c);
      }
    }
    ResultFile redone = file.withResults(out).withMetadata(GradedWith.recording(file, key));
    return new Rescored(redone.withSummary(summarize(redone, dataset, key.criteria(), fileName)), changes);
  }

  public static Summary summarize(ResultFile file, Dataset dataset, ExamCriteria criteria, String fileName) {
    List<GradedQuestion> graded = new ArrayList<>(file.results().size());
    for (QuestionResult r : file.results()) {
      Question q = question(dataset, r.questionId(), fileName);
      graded.add(new GradedQuestion(q, r.outcome(), choosesProhibited(dataset, r)));
    }
    return Scorer.summarize(graded, criteria);
  }

  /**
   * Whether the answer includes a prohibited choice (禁忌肢), what the third criterion counts; null when the
   * dataset's source annotates none (the criterion is then not judged).
   */
  public static Boolean choosesProhibited(Dataset dataset, QuestionResult r) {
    return dataset.isAnnotated() ? dataset.annotation(r.questionId()).map(r::choosesProhibited).orElse(false) : null;
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
