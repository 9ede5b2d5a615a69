package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.results.Samples;
import dev.jmlebench.score.AnswerKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatsTest {
  @TempDir Path dir;

  private static RepeatedQuestion.Sample right(String... answer) {
    return new RepeatedQuestion.Sample(List.of(answer), true);
  }

  private static RepeatedQuestion.Sample wrong(String... answer) {
    return new RepeatedQuestion.Sample(List.of(answer), false);
  }

  private static final RepeatedQuestion.Sample NO_ANSWER = new RepeatedQuestion.Sample(null, false);

  private static RepeatedQuestion q(String id, int points, RepeatedQuestion.Sample... samples) {
    return new RepeatedQuestion(id, points, Arrays.asList(samples));
  }

  /**
   * Six questions, three samples each, every figure worked out by hand:
   * q1 a a a (right ×3), q2 b a a (wrong, right, right; 3 points), q3 a b c (right, wrong, wrong: a three-way
   * tie), q4 b c ? (wrong, wrong, no answer; 3 points), q5 ? ? and a missing third sample, q6 a a a right but
   * excluded from scoring (0 points). Repeat scores: k0 = 1+1 = 2, k1 = 1+3 = 4, k2 = 1+3 = 4; maximum 9.
   */
  @Test
  void scoresPerRepeatMajorityVoteAndAgreementMatchAHandCount() {
    Repeats r = Repeats.of(3, List.of(
        q("q1", 1, right("a"), right("a"), right("a")),
        q("q2", 3, wrong("b"), right("a"), right("a")),
        q("q3", 1, right("a"), wrong("b"), wrong("c")),
        q("q4", 3, wrong("b"), wrong("c"), NO_ANSWER),
        q("q5", 1, NO_ANSWER, NO_ANSWER),
        q("q6", 0, right("a"), right("a"), right("a"))));

    assertThat(r.scoreMax()).isEqualTo(9);
    assertThat(r.questions()).isEqualTo(6);
    assertThat(r.scores()).containsExactly(2, 4, 4);
    assertThat(r.corrects()).containsExactly(3, 3, 3);
    assertThat(r.meanScore()).isCloseTo(10.0 / 3, within(1e-12));
    // Deviations -4/3, 2/3, 2/3: squares sum to 24/9, over N - 1 = 2 gives 4/3.
    assertThat(r.scoreSd()).isCloseTo(Math.sqrt(4.0 / 3), within(1e-12));
    assertThat(r.minScore()).isEqualTo(2);
    assertThat(r.maxScore()).isEqualTo(4);
    assertThat(r.meanCorrect()).isEqualTo(3.0);
    // Votes: q1 a right, q2 a right (2 of 3), q3 a right (tie, given first), q4 b wrong (tie), q5 none, q6 a.
    assertThat(r.majorityScore()).isEqualTo(1 + 3 + 1);
    assertThat(r.majorityCorrect()).isEqualTo(4);
    // By the most common answer's count: none parsed q5; 1 q3, q4; 2 q2; 3 q1, q6.
    assertThat(r.agreement()).containsExactly(1, 2, 1, 2);
    assertThat(r.unanimous()).isEqualTo(2);
  }

  @Test
  void aTieGoesToTheAnswerGivenFirstEvenWhenALaterOneIsRight() {
    Repeats r = Repeats.of(4, List.of(q("q", 1, wrong("b"), right("a"), wrong("b"), right("a"))));
    assertThat(r.majorityCorrect()).isZero();
    assertThat(r.agreement()).containsExactly(0, 0, 1, 0, 0);
  }

  @Test
  void answersAreComparedAsSetsOfLetters() {
    Repeats r = Repeats.of(2, List.of(q("q", 1, wrong("c", "a"), wrong("a", "c"))));
    assertThat(r.unanimous()).isEqualTo(1);
  }

  @Test
  void aSingleRepeatIsTheRunItselfWithNoSpread() {
    Repeats r = Repeats.of(1, List.of(q("q1", 3, right("a")), q("q2", 1, wrong("b")), q("q3", 1, NO_ANSWER)));
    assertThat(r.scores()).containsExactly(3);
    assertThat(r.scoreSd()).isZero();
    assertThat(r.majorityScore()).isEqualTo(3);
    assertThat(r.agreement()).containsExactly(1, 2);
  }

  private static QuestionResult sample(String id, List<String> gold, String answer) {
    if (answer == null) {
      return new QuestionResult(id, List.of(), gold, false, "わからない", false, null, null, Map.of());
    }
    List<String> predicted = List.of(answer.split(","));
    return new QuestionResult(id, predicted, gold, predicted.equals(gold), "【回答】" + answer, true, null, null,
        Map.of());
  }

  @Test
  void aResultFileWithSamplesIsReadBackWithTheFirstSamplePublishedAndItsFiguresComputed() {
    // 120B-30 is worth 3 points, 120A-1 and 120B-1 one each.
    List<QuestionResult> results = new ArrayList<>();
    results.add(Samples.publish(List.of(sample("120B-30", List.of("a"), "b"), sample("120B-30", List.of("a"), "a"),
        sample("120B-30", List.of("a"), "a"))));
    results.add(Samples.publish(List.of(sample("120A-1", List.of("c", "d"), "c,d"),
        sample("120A-1", List.of("c", "d"), null), sample("120A-1", List.of("c", "d"), "c,d"))));
    results.add(Samples.publish(Arrays.asList(sample("120B-1", List.of("e"), "e"), null, null)));
    RunMetadata m = new RunMetadata("m", "http://127.0.0.1/v1", "20260101_000000", "blind", null, 400, 3, 0, null,
        Map.of(ResultSchema.Metadata.REPEATS, com.fasterxml.jackson.databind.node.IntNode.valueOf(3)));
    Path file = dir.resolve("r.json");
    ResultFiles.write(file, new ResultFile(m, null, results));

    ResultFile read = ResultFiles.read(file);
    QuestionResult b30 = read.results().stream().filter(r -> r.questionId().equals("120B-30")).findFirst().get();
    assertThat(b30.predicted()).as("published: the first sample").containsExactly("b");
    assertThat(b30.correct()).isFalse();
    assertThat(Samples.of(b30, "r.json")).extracting(QuestionResult::predicted)
        .containsExactly(List.of("b"), List.of("a"), List.of("a"));
    assertThat(Samples.of(b30, "r.json").get(1).gold()).containsExactly("a");
    assertThat(Samples.present(read)).isTrue();
    assertThat(Samples.repeats(read, "r.json")).isEqualTo(3);

    Repeats r = Repeats.of(read, AnswerKey.of("120", "author").criteria(), "r.json");
    // Repeat 0: 120A-1 (1) + 120B-1 (1); repeat 1: 120B-30 (3); repeat 2: 120B-30 + 120A-1 = 4.
    assertThat(r.scores()).containsExactly(2, 3, 4);
    assertThat(r.scoreMax()).isEqualTo(5);
    // Votes: 120B-30 a (2 of 3), 120A-1 c,d (2 of 3, one unparsed), 120B-1 e (1, two not asked).
    assertThat(r.majorityScore()).isEqualTo(5);
    assertThat(r.agreement()).containsExactly(0, 1, 2, 0);
    assertThat(RepeatsReport.render(r)).contains("  Mean       3.0/5 (60.0%)   SD 1.0   min–max 2–4")
        .contains("  Majority   5/5 (100.0%)   accuracy 100.0% (3/3)")
        .contains("  Agreement  0/3 (0.0%) questions with all 3 answers alike · 3/3: 0 · 2/3: 2 · 1/3: 1 · none parsed: 0");
  }

  @Test
  void aPublishedFileHasNoSamplesAndNoRepeatLines() {
    ResultFile published = ResultFiles.read(dev.jmlebench.testing.SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    assertThat(Samples.present(published)).isFalse();
    assertThat(RepeatsReport.forFile(published, AnswerKey.of("120", "author").criteria(), "q.json")).isEmpty();
    QuestionResult first = published.results().get(0);
    assertThat(Samples.of(first, "q.json")).containsExactly(first);
  }
}
