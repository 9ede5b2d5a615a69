package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.parse.AnswerParser;
import dev.jmlebench.parse.ParsedAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Grades a model's reply to one question: parse it (SPEC §3) and compare with the gold answer. */
public final class Grader {
  private Grader() {}

  public static QuestionResult grade(Question q, String content, String reasoning, Map<String, JsonNode> extra) {
    String raw = content == null ? "" : content;
    ParsedAnswer parsed = AnswerParser.parse(raw, reasoning, q.type());
    return new QuestionResult(q.questionId(), parsed.predicted(), q.answer(),
        isCorrect(parsed, q.answer()), raw, parsed.success(), null, reasoning, extra);
  }

  /** Correct iff parsing succeeded and the sorted predictions equal the sorted gold, as strings. */
  public static boolean isCorrect(ParsedAnswer parsed, List<String> gold) {
    return parsed.success() && sorted(parsed.predicted()).equals(sorted(gold));
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }
}
