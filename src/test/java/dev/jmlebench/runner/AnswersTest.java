package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.results.QuestionResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's answers: texts in memory while the budget lasts, on disk beyond it, whole when written either way. */
class AnswersTest {
  @TempDir Path dir;

  private static QuestionResult answer(String id, int length) {
    String raw = "【回答】a\n" + id + "x".repeat(length);
    return new QuestionResult(id, List.of("a"), List.of("a"), true, raw, true, null, "理由 " + id, Map.of());
  }

  @Test
  void textsBeyondTheBudgetStayOnDiskAndAreReadBackWholeToWrite() {
    Path journal = dir.resolve("x.journal.jsonl");
    Answers answers = new Answers(1, Reask.DEFAULT, 250);
    try (Journal j = Journal.open(journal, "m")) {
      for (int i = 1; i <= 3; i++) {
        QuestionResult r = answer("120A-" + i, 100);
        answers.put(r.questionId(), 0, r, new AnswerPlace.InJournal(journal, j.append(r, 0, 0)));
      }
    }

    List<QuestionResult> published = answers.published().stream()
        .sorted(java.util.Comparator.comparing(QuestionResult::questionId)).toList();
    // Two answers' texts fit in 250 characters; the third is held without them.
    assertThat(published).extracting(QuestionResult::rawResponse)
        .containsExactly(answer("120A-1", 100).rawResponse(), answer("120A-2", 100).rawResponse(),
            QuestionResult.TEXT_ELSEWHERE);
    assertThat(published.stream().map(answers::whole))
        .containsExactly(answer("120A-1", 100), answer("120A-2", 100), answer("120A-3", 100));
    assertThat(answers.answeredSamples()).isEqualTo(3);
  }
}
