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
 *
 * <p>With variation ({@link MockOptions#vary}, no replay file) the k-th answer to a question (k = 0, 1, 2, …
 * counted per question over the answers sent) follows a pattern chosen by the question's number mod 5 and
 * repeating every 3 answers, so that repeated asks disagree in every way the statistics distinguish:
 *
 * <pre>
 *   number mod 5   k mod 3 = 0   1          2
 *   0              gold          gold       gold       unanimous
 *   1              gold          wrong 1    gold       majority right
 *   2              wrong 1       gold       gold       first wrong, majority right
 *   3              gold          wrong 1    wrong 2    all different: the tie goes to the first, gold
 *   4              wrong 1       wrong 1    no 【回答】  majority wrong
 * </pre>
 *
 * A wrong answer s moves every gold letter s places along a..e (never the gold set: 5 is prime), or is
 * {@code s - 1} for a calculation (no gold answer is a single digit).
 */
final class MockAnswers {
  /** The reply to one question; {@code reasoning} is null when there is none. */
  record Reply(String content, String reasoning) {}

  private static final String PREAMBLE = "模擬モデルの回答です。";
  private final Map<String, QuestionResult> recorded = new HashMap<>();
  private final boolean vary;

  MockAnswers(ResultFile replay, boolean vary) {
    if (replay != null) {
      replay.results().forEach(r -> recorded.put(r.questionId(), r));
    }
    this.vary = vary;
  }

  /** @param answeredBefore how many answers to this question were sent before this one */
  Reply reply(Question q, int answeredBefore) {
    QuestionResult r = recorded.get(q.questionId());
    if (r != null) {
      return new Reply(r.rawResponse(), r.reasoning());
    }
    List<String> answer = vary ? varied(q, answeredBefore) : deterministic(q);
    return new Reply(answer == null ? PREAMBLE + "（回答できません）" : PREAMBLE + "\n【回答】" + String.join(",", answer),
        null);
  }

  static List<String> deterministic(Question q) {
    return q.number() % 7 != 0 ? q.answer() : wrong(q, 1);
  }

  /** The k-th answer under variation (the table above); null for a reply without 【回答】. */
  static List<String> varied(Question q, int k) {
    int shift = switch (q.number() % 5) {
      case 1 -> k % 3 == 1 ? 1 : 0;
      case 2 -> k % 3 == 0 ? 1 : 0;
      case 3 -> k % 3;
      case 4 -> k % 3 == 2 ? -1 : 1;
      default -> 0;
    };
    return shift < 0 ? null : shift == 0 ? q.answer() : wrong(q, shift);
  }

  /** Each gold letter moved {@code shift} places along a..e, sorted; {@code shift - 1} for a calculation. */
  private static List<String> wrong(Question q, int shift) {
    if (q.type() == QuestionType.CALCULATION) {
      return List.of(String.valueOf(shift - 1));
    }
    return q.answer().stream().map(a -> String.valueOf((char) ('a' + (a.charAt(0) - 'a' + shift) % 5)))
        .sorted().toList();
  }
}
