package dev.jmlebench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 *
 * <p>Without a replay the mock reads the question as the request showed it ({@link MockRecognizer}): it picks
 * the same choice in whatever order the choices are shown, and replies with the letter it is shown under, so a
 * run with another choice order scores as the default one. A {@link MockBias} departs from that: a position bias
 * picks shown positions instead, on its share of the questions; a vision gain answers an image question asked
 * without its images wrong when its number is even; an English-aware mock also misses, in English, every
 * question whose number is a multiple of 5 (a wrong answer is the gold moved one letter on, as above).
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
  private final MockBias bias;
  private final long seed;

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
    this(replays, vary, gold, MockBias.NONE, 1);
  }

  /** @param seed fixes which questions a position bias applies to, and a prior's draws */
  MockAnswers(List<ResultFile> replays, boolean vary, Function<Question, List<String>> gold, MockBias bias,
      long seed) {
    this.replays = replays.stream().map(Replay::of).toList();
    this.vary = vary;
    this.gold = gold;
    this.bias = bias;
    this.seed = seed;
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
   * @param shown the question as the request showed it
   * @param request the request, which tells the replayed run apart
   * @param answeredBefore how many answers to this question were sent before this one
   * @param imagesSent whether the request carried the question's images
   */
  Reply reply(MockRecognizer.Shown shown, JsonNode request, int answeredBefore, boolean imagesSent) {
    Question q = shown.question();
    Replay replay = replays.isEmpty() ? null : replayOf(request);
    QuestionResult r = replay == null ? null : replay.recorded().get(q.questionId());
    if (r != null) {
      return new Reply(r.rawResponse(), r.reasoning());
    }
    List<String> g = gold.apply(q);
    List<String> answer = vary ? varied(q, g, answeredBefore) : deterministic(q, g);
    if (answer != null && (bias.visionGain() && q.requiresImage() && !imagesSent && q.number() % 2 == 0
        || bias.englishAware() && shown.english() && q.number() % 5 == 0)) {
      answer = wrong(q, g, 1);
    }
    if (answer != null && q.type() == QuestionType.MULTIPLE_CHOICE) {
      answer = asShown(shown, answer);
    }
    return new Reply(answer == null ? PREAMBLE + "（回答できません）" : PREAMBLE + "\n【回答】" + String.join(",", answer),
        null);
  }

  /**
   * The letters the answer is given in, as the question was shown: the position bias's picks on its share of the
   * questions, else the shown letters of the chosen choices.
   */
  private List<String> asShown(MockRecognizer.Shown shown, List<String> examLetters) {
    int n = shown.order().length;
    Question q = shown.question();
    if (bias.position() != null && n > 0 && biased(q)) {
      SplittableRandom draw = new SplittableRandom(seed * 0x9E3779B97F4A7C15L
          + (q.questionId() + java.util.Arrays.toString(shown.order())).hashCode());
      return bias.position().pick(n, q.numChoicesToSelect(), draw).stream()
          .map(i -> String.valueOf((char) ('a' + i))).toList();
    }
    return examLetters.stream().map(l -> String.valueOf((char) ('a' + shown.positionOf(l.charAt(0) - 'a'))))
        .sorted().toList();
  }

  /** Whether the position bias applies to {@code q}: its share of the questions, the same in every order. */
  boolean biased(Question q) {
    return bias.share() >= 1
        || new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + q.questionId().hashCode()).nextDouble() < bias.share();
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
