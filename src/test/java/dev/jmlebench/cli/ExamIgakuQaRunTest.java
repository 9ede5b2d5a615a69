package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.results.Grader;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IgakuQA exam (the 112th-116th) through the CLI against a mock model: asked blind with the 120th's
 * prompts, graded by the exam's official edition (exclusions, 112B30's a or d, 116A71 for everyone), and
 * vision refused in one line, since IgakuQA released no images.
 */
class ExamIgakuQaRunTest {
  private static final String DATASET = SharedData.rootIgakuqa().toString();

  @TempDir Path dir;

  /**
   * Right except every tenth question; 112B30 with d; 116A71 wrong. A calculation is answered with the value
   * the question asks for (116F74: 0.4, where IgakuQA stores the mark-sheet digits 04), as a model does.
   */
  private static ResultFile mockModel(Dataset d) {
    AnswerKey values = AnswerKey.of(d.exam(), "official");
    List<QuestionResult> replies = new ArrayList<>();
    for (Question q : d.questions()) {
      String answer;
      if (q.questionId().equals("112B-30")) {
        answer = "d";
      } else if (q.number() % 10 == 0 || q.questionId().equals("116A-71")) {
        answer = q.type() == QuestionType.CALCULATION ? "1" : q.answer().contains("a") ? "b" : "a";
      } else {
        answer = String.join(",", values.gold(q));
      }
      replies.add(new QuestionResult(q.questionId(), List.of(), q.answer(), false, "考えます。\n【回答】" + answer,
          false, null, null, Map.of()));
    }
    return new ResultFile(new RunMetadata("mock", null, null, "blind", null, 0, 0, 0, null, Map.of()), null, replies);
  }

  private static int expectedScore(Dataset d, String exam) {
    Set<String> excluded = Exams.get(exam).edition("official").excludedQuestions();
    return d.questions().stream().filter(q -> !excluded.contains(q.questionId()))
        .filter(q -> q.number() % 10 != 0 || q.questionId().equals("116A-71") || q.questionId().equals("112B-30"))
        .mapToInt(Points::of).sum();
  }

  private Cli.Outcome run(MockServer server, String exam, Path out, String mode) {
    return Cli.run("run", "--exam", exam, "--model", "mock", "--base-url", server.baseUrl().toString(),
        "--dataset", DATASET, "--out", out.toString(), "--image-mode", mode, "--parallel", "16");
  }

  @Test
  void aBlindRunOfThe112thAsksEveryQuestionAsTextAndGradesByItsOfficialEdition() {
    Dataset d = SharedData.datasetIgakuqa("112");
    try (MockServer server = MockServer.start(0, d, mockModel(d), MockOptions.INSTANT)) {
      Path out = dir.resolve("112.json");
      Cli.Outcome o = run(server, "112", out, "blind");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(server.totalRequests()).isEqualTo(400);
      assertThat(server.questionsSentWithImages()).isEmpty();
      ResultFile f = ResultFiles.read(out);
      assertThat(f.summary().scoreMax()).isEqualTo(499);
      assertThat(f.summary().score()).isEqualTo(expectedScore(d, "112"));
      assertThat(f.results().stream().filter(r -> r.questionId().equals("112B-30")).findFirst().orElseThrow()
          .correct()).isTrue();
      assertThat(f.metadata().extra().get("exam").asText()).isEqualTo("112");
      assertThat(f.metadata().imageMode()).isEqualTo("blind");
      assertThat(o.out()).contains("(≥160/200)").contains("≥208/299");
    }
  }

  @Test
  void question116A71ScoresForAModelThatAnsweredItWrong() {
    Dataset d = SharedData.datasetIgakuqa("116");
    try (MockServer server = MockServer.start(0, d, mockModel(d), MockOptions.INSTANT)) {
      Path out = dir.resolve("116.json");
      Cli.Outcome o = run(server, "116", out, "blind");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile f = ResultFiles.read(out);
      assertThat(f.summary().scoreMax()).isEqualTo(494);
      assertThat(f.summary().score()).isEqualTo(expectedScore(d, "116"));
      assertThat(o.out()).contains("≥158/197").contains("≥214/297");
      QuestionResult a71 = f.results().stream().filter(r -> r.questionId().equals("116A-71")).findFirst().orElseThrow();
      assertThat(a71.predicted()).doesNotContain("e");
      assertThat(a71.correct()).isTrue();
      QuestionResult f74 = f.results().stream().filter(r -> r.questionId().equals("116F-74")).findFirst().orElseThrow();
      assertThat(f74.predicted()).containsExactly("0.4");
      assertThat(f74.gold()).containsExactly("0.4");
      assertThat(f74.correct()).as("the value, graded by the default edition").isTrue();
    }
  }

  @Test
  void answersBeyondEAreReadWhereAQuestionHasMoreChoicesAndOnlyThere() {
    Dataset d = SharedData.datasetIgakuqa("113");
    Question f83 = d.question("113F-83").orElseThrow();
    assertThat(f83.answer()).containsExactly("g");
    assertThat(f83.lastChoice()).contains('h');
    try (MockServer server = MockServer.start(0, d, mockModel(d), MockOptions.INSTANT)) {
      Path out = dir.resolve("113.json");
      Cli.Outcome o = Cli.run("run", "--exam", "113", "--model", "mock", "--base-url", server.baseUrl().toString(),
          "--dataset", DATASET, "--out", out.toString(), "--blocks", "C,F", "--parallel", "16");
      assertThat(o.exitCode()).as(o.err()).isZero();
      ResultFile f = ResultFiles.read(out);
      QuestionResult r = f.results().stream().filter(x -> x.questionId().equals("113F-83")).findFirst().orElseThrow();
      assertThat(r.rawResponse()).endsWith("【回答】g");
      assertThat(r.parseSuccess()).isTrue();
      assertThat(r.predicted()).containsExactly("g");
      assertThat(r.correct()).isTrue();
      // 113C66 has six choices (a-f), so a g there is no choice: nothing else is read.
      Question c66 = d.question("113C-66").orElseThrow();
      assertThat(c66.lastChoice()).contains('f');
      assertThat(Grader.grade(c66, "【回答】g", null, Map.of(), AnswerKey.of("113", "official")).parseSuccess()).isFalse();
      assertThat(Grader.grade(c66, "【回答】F", null, Map.of(), AnswerKey.of("113", "official")).predicted())
          .containsExactly("f");
    }
    // The 120th reads letters a-e as SPEC §3 does, whatever a reply names.
    Question q = SharedData.dataset().questions().get(0);
    assertThat(Grader.grade(q, "【回答】f", null, Map.of(), AnswerKey.of("120", "official")).parseSuccess()).isFalse();
    assertThat(Exams.get("120").answerLetters()).isEqualTo(ExamSpec.SPEC_LETTERS);
    assertThat(Exams.get("119").answerLetters()).isEqualTo(ExamSpec.SPEC_LETTERS);
  }

  @Test
  void visionIsRefusedInOneLineBeforeAnyQuestionIsAsked() {
    Dataset d = SharedData.datasetIgakuqa("113");
    try (MockServer server = MockServer.start(0, d, mockModel(d), MockOptions.INSTANT)) {
      Path out = dir.resolve("vision.json");
      Cli.Outcome o = run(server, "113", out, "vision");
      assertThat(o.exitCode()).isEqualTo(2);
      assertThat(o.err().lines()).hasSize(1);
      assertThat(o.err()).contains("--image-mode vision: the 113th exam's source released no images");
      assertThat(server.totalRequests()).isZero();
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void theQuestionIsSentInThe120thsLayoutWithTheSameSystemPrompt() {
    Dataset d = SharedData.datasetIgakuqa("112");
    Question q = d.question("112A-1").orElseThrow();
    Prompt p = Prompt.of(q, ImageMode.BLIND, d.imagesDirectory());
    assertThat(p.userText()).isEqualTo("1　高アンモニア血症をきたす疾患はどれか。\n\na　Gaucher病\n\nb　von Gierke病"
        + "\n\nc　Hurler症候群\n\nd　メープルシロップ尿症\n\ne　オルニチントランスカルバミラーゼ欠損症");
    assertThat(p.system()).isEqualTo(Prompt.of(SharedData.dataset().question("120A-1").orElseThrow(),
        ImageMode.BLIND, d.imagesDirectory()).system());
    assertThat(Prompt.of(d.question("112C-66").orElseThrow(), ImageMode.BLIND, d.imagesDirectory()).system())
        .contains("数値で回答してください");
    assertThat(Prompt.of(d.question("112B-30").orElseThrow(), ImageMode.BLIND, d.imagesDirectory()).system())
        .contains("正解を1つ選んでください");
  }
}
