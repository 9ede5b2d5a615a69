package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 119th exam through the CLI against a mock model: the same prompts and parser as the 120th, graded by
 * the 119th's official edition (119E28 either a or c, calculation answers as numbers).
 */
class Exam119RunTest {
  private static final Dataset D = SharedData.dataset119();
  private static final String DATASET = SharedData.root119().toString();
  /** Answers that equal the gold as numbers but not as strings. */
  private static final Map<String, String> NUMERIC = Map.of("119A-75", "600.0", "119C-74", "36", "119C-75", "2.7e1",
      "119F-75", "40.00");

  @TempDir Path dir;

  /** A model that answers right except every tenth question, 119E28 with c, and calculations as numbers. */
  private static ResultFile mockModel() {
    List<QuestionResult> replies = new ArrayList<>();
    for (Question q : D.questions()) {
      String answer;
      if (q.number() % 10 == 0) {
        answer = q.type() == QuestionType.CALCULATION ? "1" : q.answer().contains("a") ? "b" : "a";
      } else if (NUMERIC.containsKey(q.questionId())) {
        answer = NUMERIC.get(q.questionId());
      } else if (q.questionId().equals("119E-28")) {
        answer = "c";
      } else {
        answer = String.join(",", q.answer());
      }
      replies.add(new QuestionResult(q.questionId(), List.of(), q.answer(), false, "考えます。\n【回答】" + answer,
          false, null, null, Map.of()));
    }
    return new ResultFile(new RunMetadata("mock", null, null, "blind", null, 0, 0, 0, null, Map.of()), null, replies);
  }

  private static int expectedScore(boolean textOnly) {
    return D.questions().stream().filter(q -> q.number() % 10 != 0 && (!textOnly || !q.requiresImage()))
        .mapToInt(Points::of).sum();
  }

  private Cli.Outcome run(MockServer server, Path out, String mode) {
    return Cli.run("run", "--exam", "119", "--model", "mock", "--base-url", server.baseUrl().toString(),
        "--dataset", DATASET, "--out", out.toString(), "--image-mode", mode, "--parallel", "16");
  }

  @Test
  void aBlindRunGradesEitherOrAndCalculationsByThe119thsOfficialKey() {
    try (MockServer server = MockServer.start(0, D, mockModel(), MockOptions.INSTANT)) {
      Path out = dir.resolve("blind.json");
      Cli.Outcome o = run(server, out, "blind");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile f = ResultFiles.read(out);
      assertThat(f.results()).hasSize(400);
      assertThat(server.totalRequests()).isEqualTo(400);
      assertThat(server.questionsSentWithImages()).isEmpty();
      assertThat(f.summary().score()).isEqualTo(expectedScore(false));
      assertThat(f.summary().scoreMax()).isEqualTo(500);
      assertThat(f.summary().textOnlyScore()).isEqualTo(expectedScore(true));
      assertThat(f.summary().textOnlyScoreMax()).isEqualTo(383);
      Set<String> right = new HashSet<>();
      f.results().stream().filter(QuestionResult::correct).forEach(r -> right.add(r.questionId()));
      assertThat(right).contains("119E-28", "119A-75", "119C-74", "119C-75", "119F-75");
      assertThat(f.results().stream().filter(r -> r.questionId().equals("119A-75")).findFirst().orElseThrow()
          .predicted()).containsExactly("600.0");
      assertThat(f.metadata().extra().get("exam").asText()).isEqualTo("119");
      assertThat(f.metadata().extra().get("answer_key").asText()).isEqualTo("official");
      assertThat(o.out()).contains("(≥160/200)").contains("(≥221/300)");
    }
  }

  @Test
  void bothLettersOfTheEitherOrQuestionAreWrong() {
    ResultFile model = mockModel();
    List<QuestionResult> replies = new ArrayList<>(model.results());
    replies.replaceAll(r -> r.questionId().equals("119E-28")
        ? new QuestionResult(r.questionId(), List.of(), r.gold(), false, "【回答】a,c", false, null, null, Map.of())
        : r);
    try (MockServer server = MockServer.start(0, D, model.withResults(replies), MockOptions.INSTANT)) {
      Path out = dir.resolve("both.json");
      assertThat(Cli.run("run", "--exam", "119", "--model", "mock", "--base-url", server.baseUrl().toString(),
          "--dataset", DATASET, "--out", out.toString(), "--blocks", "E").exitCode()).isZero();
      QuestionResult e28 = ResultFiles.read(out).results().stream().filter(r -> r.questionId().equals("119E-28"))
          .findFirst().orElseThrow();
      assertThat(e28.predicted()).containsExactly("a", "c");
      assertThat(e28.correct()).isFalse();
    }
  }

  @Test
  void aVisionRunSendsEachImageQuestionsImagesInOrderAndAsksTheTwoWithoutAFileAsText() {
    try (MockServer server = MockServer.start(0, D, mockModel(), MockOptions.INSTANT)) {
      Path out = dir.resolve("vision.json");
      Cli.Outcome o = run(server, out, "vision");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(server.imageMismatches()).isZero();
      assertThat(server.questionsSentWithImages()).hasSize(101).doesNotContain("119C-15", "119C-22")
          .contains("119A-15", "119A-22");
      assertThat(server.answered("119C-15")).isEqualTo(1);
      ResultFile f = ResultFiles.read(out);
      assertThat(f.summary().score()).isEqualTo(expectedScore(false));
      for (String id : List.of("119C-15", "119C-22")) {
        QuestionResult r = f.results().stream().filter(x -> x.questionId().equals(id)).findFirst().orElseThrow();
        assertThat(r.extra().get(ResultSchema.Result.IMAGE_MISSING).asBoolean()).as(id).isTrue();
      }
      assertThat(f.results().stream().filter(r -> r.extra().containsKey(ResultSchema.Result.IMAGE_MISSING))).hasSize(2);
    }
  }

  @Test
  void theQuestionIsSentInThe120thsLayoutWithTheSameSystemPrompt() {
    Question q = D.question("119A-12").orElseThrow();
    Prompt p = Prompt.of(q, ImageMode.BLIND, D.imagesDirectory());
    assertThat(p.userText()).startsWith("12　").contains("\n\na　").contains("\n\ne　");
    assertThat(p.system()).isEqualTo(Prompt.of(SharedData.dataset().question("120F-58").orElseThrow(), ImageMode.BLIND,
        D.imagesDirectory()).system()).contains("正解を2つ選んでください").endsWith("【回答】a,c");
    assertThat(Prompt.of(D.question("119E-28").orElseThrow(), ImageMode.BLIND, D.imagesDirectory()).system())
        .contains("正解を1つ選んでください");
    assertThat(Prompt.of(D.question("119A-75").orElseThrow(), ImageMode.BLIND, D.imagesDirectory()).system())
        .contains("数値で回答してください");
  }
}
