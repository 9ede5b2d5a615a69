package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.parse.AnswerParser;
import dev.jmlebench.parse.ParsedAnswer;
import dev.jmlebench.score.AnswerKey;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Grades a model's reply to one question: parse it (SPEC §3), then let the answer key judge it. Correctness
 * itself is {@link AnswerKey#isCorrect}'s to decide.
 */
public final class Grader {
  private Grader() {}

  public static QuestionResult grade(Question q, String content, String reasoning, Map<String, JsonNode> extra,
      AnswerKey key) {
    return grade(q, content, reasoning, extra, key, UnaryOperator.identity());
  }

  /**
   * Grades a reply to {@code q} shown with its choices in another order: the letters parsed are those shown,
   * {@code toExamLetters} reads them in the exam's own letters, and {@code predicted} records and is graded in
   * those. The raw response stays as the model wrote it.
   */
  public static QuestionResult grade(Question q, String content, String reasoning, Map<String, JsonNode> extra,
      AnswerKey key, UnaryOperator<List<String>> toExamLetters) {
    String raw = content == null ? "" : content;
    ParsedAnswer parsed = AnswerParser.parse(raw, reasoning, q.type(), key.exam().lastAnswerLetter(q));
    List<String> predicted = toExamLetters.apply(parsed.predicted());
    return new QuestionResult(q.questionId(), predicted, key.gold(q),
        key.isCorrect(q, predicted, parsed.success()), raw, parsed.success(), null, reasoning, extra);
  }

  /** The stored answer judged again under {@code key}, without re-parsing: only gold and correct change. */
  public static QuestionResult regrade(Question q, QuestionResult stored, AnswerKey key) {
    return new QuestionResult(stored.questionId(), stored.predicted(), key.gold(q),
        stored.error() == null && key.isCorrect(q, stored.predicted(), stored.parseSuccess()), stored.rawResponse(),
        stored.parseSuccess(), stored.error(), stored.reasoning(), stored.extra());
  }
}
