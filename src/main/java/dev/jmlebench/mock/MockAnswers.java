package dev.jmlebench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 *
 * <p>With several replay files (a results folder) it plays every run among them: a request is answered
 * from the file of its model whose {@code extra_body} fields the request carries (the most of them when
 * several do, so "no-think" and "think" runs of one model are told apart); a request that no file
 * matches gets no answer. With one replay file, every request is answered from it.
 */
final class MockAnswers {
  /** The reply to one question; {@code reasoning} is null when there is none; {@code cut} when truncated. */
  record Reply(String content, String reasoning, boolean cut) {
    Reply(String content, String reasoning) {
      this(content, reasoning, false);
    }
  }

  private static final String PREAMBLE = "模擬モデルの回答です。";
  private final List<Replay> replays;
  private final boolean vary;
  private final Function<Question, List<String>> gold;

  /** One replayed run: its answers by question id, and what its requests carried. */
  private record Replay(String model, JsonNode extraBody, Map<String, QuestionResult> recorded) {
    static Replay of(ResultFile file) {
      Map<String, QuestionResult> recorded = new HashMap<>();
      file.results().forEach(r -> recorded.put(r.questionId(), r));
      JsonNode extra = file.metadata().extraBody();
      return new Replay(file.metadata().model(), extra == null || !extra.isObject() ? null : extra, recorded);
    }

    /** The number of extra-body fields the request matches, or -1 when it is not a request of this run. */
    int match(JsonNode request) {
      if (!model.equals(request.path("model").asText())) {
        return -1;
      }
      if (extraBody == null) {
        return 0;
      }
      for (var it = extraBody.fields(); it.hasNext(); ) {
        var field = it.next();
        if (!field.getValue().equals(request.get(field.getKey()))) {
          return -1;
        }
      }
      return extraBody.size();
    }
  }

  /** @param gold the gold answer of a question under the answer key the mock plays to */
  MockAnswers(List<ResultFile> replays, boolean vary, Function<Question, List<String>> gold) {
    this.replays = replays.stream().map(Replay::of).toList();
    this.vary = vary;
    this.gold = gold;
  }

  /** Whether a request has a run to be answered from: always without replays or with a single one. */
  boolean answers(JsonNode request) {
    return replays.size() <= 1 || replayOf(request) != null;
  }

  private Replay replayOf(JsonNode request) {
    if (replays.size() == 1) {
      return replays.get(0);
    }
    Replay best = null;
    int bestFields = -1;
    for (Replay r : replays) {
      int fields = r.match(request);
      if (fields > bestFields) {
        best = r;
        bestFields = fields;
      }
    }
    return best;
  }

  /**
   * @param request the request, which tells the replayed run apart
   * @param answeredBefore how many answers to this question were sent before this one
   */
  Reply reply(Question q, JsonNode request, int answeredBefore) {
    Replay replay = replays.isEmpty() ? null : replayOf(request);
    QuestionResult r = replay == null ? null : replay.recorded().get(q.questionId());
    if (r != null) {
      return new Reply(r.rawResponse(), r.reasoning());
    }
    List<String> answer = vary ? varied(q, gold.apply(q), answeredBefore) : deterministic(q, gold.apply(q));
    return new Reply(answer == null ? PREAMBLE + "（回答できません）" : PREAMBLE + "\n【回答】" + String.join(",", answer),
        null);
  }

  static List<String> deterministic(Question q, List<String> gold) {
    return q.number() % 7 != 0 ? gold : wrong(q, gold, 1);
  }

  /** The k-th answer under variation (the table above); null for a reply without 【回答】. */
  static List<String> varied(Question q, List<String> gold, int k) {
    int shift = switch (q.number() % 5) {
      case 1 -> k % 3 == 1 ? 1 : 0;
      case 2 -> k % 3 == 0 ? 1 : 0;
      case 3 -> k % 3;
      case 4 -> k % 3 == 2 ? -1 : 1;
      default -> 0;
    };
    return shift < 0 ? null : shift == 0 ? gold : wrong(q, gold, shift);
  }

  /** Each gold letter moved {@code shift} places along a..e, sorted; {@code shift - 1} for a calculation. */
  private static List<String> wrong(Question q, List<String> gold, int shift) {
    if (q.type() == QuestionType.CALCULATION) {
      return List.of(String.valueOf(shift - 1));
    }
    return gold.stream().map(a -> String.valueOf((char) ('a' + (a.charAt(0) - 'a' + shift) % 5)))
        .sorted().toList();
  }
}
