package dev.jmlebench.mock;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mock model answers: with a replay file, that file's recorded raw response and reasoning for
 * the question; without, a deterministic answer — the gold one, except for every seventh question by
 * number, which gets a wrong one so the score looks like a model's.
 */
final class MockAnswers {
  /** The reply to one question; {@code reasoning} is null when there is none. */
  record Reply(String content, String reasoning) {}

  private final Map<String, QuestionResult> recorded = new HashMap<>();

  MockAnswers(ResultFile replay) {
    if (replay != null) {
      replay.results().forEach(r -> recorded.put(r.questionId(), r));
    }
  }

  Reply reply(Question q) {
    QuestionResult r = recorded.get(q.questionId());
    if (r != null) {
      return new Reply(r.rawResponse(), r.reasoning());
    }
    return new Reply("模擬モデルの回答です。\n【回答】" + String.join(",", deterministic(q)), null);
  }

  static List<String> deterministic(Question q) {
    if (q.number() % 7 != 0) {
      return q.answer();
    }
    if (q.type() == QuestionType.CALCULATION) {
      return List.of("0");
    }
    // A wrong answer with the right number of letters: each gold letter moved one place along a..e.
    return q.answer().stream().map(a -> String.valueOf((char) ('a' + (a.charAt(0) - 'a' + 1) % 5))).sorted().toList();
  }
}
