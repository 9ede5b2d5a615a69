package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.stats.AllPairs;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.ScoredRun;
import dev.jmlebench.testing.PartialRun;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON documents the pages are built from, checked against the published files. */
class ViewerApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ViewerApi api;

  @BeforeAll
  static void load() {
    api = new ViewerApi(ViewerData.load(SharedData.results(), SharedData.dataset(), AnswerKey.of("120", "author")));
  }

  private static JsonNode doc(String key) throws IOException {
    return JSON.readTree(api.json(key).orElseThrow());
  }

  @Test
  void theIndexRanksEveryRunByScoreWithItsPublishedSummary() throws IOException {
    JsonNode models = doc("index").get("models");
    List<Published> published = Published.all();
    assertThat(models).hasSize(published.size());
    for (int i = 1; i < models.size(); i++) {
      assertThat(models.get(i - 1).at("/summary/score_pct").asDouble())
          .isGreaterThanOrEqualTo(models.get(i).at("/summary/score_pct").asDouble());
    }
    JsonNode claude = models.get(0);
    assertThat(claude.get("id").asText()).isEqualTo("anthropic_claude-opus-4.6");
    assertThat(claude.at("/summary/score").asInt()).isEqualTo(493);
    assertThat(claude.at("/summary/score_pct_text").asText()).isEqualTo("98.6%");
    assertThat(claude.get("vision").asBoolean()).isTrue();
  }

  @Test
  void runsWithTheSameNameAreToldApartAndAPartialRunIsMarked(@TempDir Path dir) throws IOException {
    Path gpt = SharedData.results().resolve("openai_gpt-5.2.json");
    Files.copy(gpt, dir.resolve("openai_gpt-5.2.json"));
    Files.copy(gpt, dir.resolve("openai_gpt-5.2_again.json"));
    PartialRun.write(SharedData.results().resolve("Qwen_Qwen3-32B.json"), dir.resolve("qwen_cut.json"), 20);

    ViewerData data = ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "official"));
    JsonNode models = JSON.readTree(new ViewerApi(data).json("index").orElseThrow()).get("models");

    assertThat(models).extracting(m -> m.get("name").asText()).containsExactlyInAnyOrder(
        "GPT-5.2 · openai_gpt-5.2.json", "GPT-5.2 · openai_gpt-5.2_again.json", "Qwen3-32B (partial 20/400)");
    assertThat(models).extracting(m -> m.get("partial").asBoolean()).containsExactlyInAnyOrder(false, false, true);
  }

  @Test
  void eachRunsOutcomeLettersAgreeWithItsResults() throws IOException {
    JsonNode index = doc("index");
    List<Question> questions = SharedData.dataset().questions();
    for (JsonNode m : index.get("models")) {
      Published p = Published.byId(m.get("id").asText());
      String outcomes = m.get("outcomes").asText();
      assertThat(outcomes).hasSize(questions.size());
      assertThat(outcomes.chars().filter(c -> c == 'c').count()).isEqualTo(p.file().summary().correct());
      assertThat(outcomes.chars().filter(c -> c == 'p').count()).isEqualTo(p.file().summary().parseFailures());
      for (int i = 0; i < questions.size(); i++) {
        QuestionResult r = p.result(questions.get(i).questionId()).orElseThrow();
        assertThat(outcomes.charAt(i)).isEqualTo(ViewerApi.outcome(r));
      }
    }
  }

  @Test
  void aQuestionDocumentHoldsTheCaseTheGoldAndEveryRunsAnswerButNoLongText() throws IOException {
    JsonNode doc = doc("question/120B-41");
    assertThat(doc.at("/question/context").asText()).contains("84歳の男性");
    assertThat(doc.at("/question/images/0").asText()).isEqualTo("120B-41-42_1.png");
    assertThat(doc.at("/question/gold/0").asText()).isEqualTo("a");
    assertThat(doc.at("/question/points").asInt()).isEqualTo(3);
    assertThat(doc.get("results")).hasSize(Published.all().size());
    for (JsonNode answer : doc.get("results")) {
      QuestionResult r = Published.byId(answer.get("run").asText()).result("120B-41").orElseThrow();
      assertThat(answer.get("predicted")).extracting(JsonNode::asText).containsExactlyElementsOf(r.predicted());
      assertThat(answer.has("raw_response")).isFalse();
      assertThat(answer.has("reasoning")).isFalse();
    }
  }

  @Test
  void anAnswerDocumentHoldsOneRunsReasoningAndRawResponseAsTextAndSafeHtml() throws IOException {
    Published gpt = Published.byId("openai_gpt-5.2");
    QuestionResult r = gpt.result("120B-41").orElseThrow();
    JsonNode doc = doc("answer/openai_gpt-5.2/120B-41");
    assertThat(doc.get("raw_response").asText()).isEqualTo(r.rawResponse());
    assertThat(doc.get("raw_response_html").asText()).isEqualTo(SafeMarkdown.render(r.rawResponse()));
    assertThat(doc.get("reasoning").isNull()).isEqualTo(r.reasoning() == null);
    assertThat(doc.get("outcome").asText()).isEqualTo(String.valueOf(ViewerApi.outcome(r)));
    assertThat(api.json("answer/openai_gpt-5.2/120Z-1")).isEmpty();
    assertThat(api.json("answer/nobody/120B-41")).isEmpty();
  }

  @Test
  void eachRunCarriesTheIntervalsAndPassProbabilityOfTheStatisticsPackage() throws IOException {
    ExamCriteria criteria = AnswerKey.of("120", "author").criteria();
    for (JsonNode m : doc("index").get("models")) {
      Published p = Published.byId(m.get("id").asText());
      RunStatistics s = RunStatistics.of(p.file(), criteria, SharedData.dataset(), p.path().toString());
      JsonNode stats = m.get("stats");
      assertThat(stats.at("/score_ci/0").asInt()).isEqualTo(s.scoreCi().lower());
      assertThat(stats.at("/score_ci/1").asInt()).isEqualTo(s.scoreCi().upper());
      assertThat(stats.get("score_pct_ci_text").asText()).isEqualTo(
          Percent.format(s.scorePctCi().lower()).replace("%", "") + "–" + Percent.format(s.scorePctCi().upper()).replace("%", ""));
      assertThat(stats.at("/accuracy_wilson_ci/0").asDouble()).isEqualTo(Ratio.round4(s.accuracyWilson().lower()));
      assertThat(stats.get("pass_probability").asDouble()).isEqualTo(Ratio.round4(s.passProbability()));
    }
  }

  @Test
  void thePairsDocumentIsTheStatisticsPackagesComparisonOfAllRunsWithViewerIds() throws IOException {
    AllPairs all = AllPairs.of(Published.all().stream()
        .map(p -> ScoredRun.of(p.file(), AnswerKey.of("120", "author").criteria(), SharedData.dataset(), p.path().getFileName().toString())).toList());
    JsonNode doc = doc("pairs");
    assertThat(doc.get("pairs")).hasSize(all.pairs().size());
    for (int i = 0; i < all.ranking().size(); i++) {
      assertThat(doc.at("/runs/" + i + "/id").asText() + ".json").isEqualTo(all.ranking().get(i).source());
    }
    for (int k = 0; k < all.pairs().size(); k++) {
      AllPairs.Pair expected = all.pairs().get(k);
      JsonNode pair = doc.get("pairs").get(k);
      assertThat(pair.get("a_right_b_wrong").asInt()).isEqualTo(expected.comparison().aOnly());
      assertThat(pair.get("a_wrong_b_right").asInt()).isEqualTo(expected.comparison().bOnly());
      assertThat(pair.get("distinguishable").asBoolean()).isEqualTo(expected.distinguishable());
    }
    AllPairs.Pair first = all.pairs().get(0);
    String a = doc.at("/runs/" + first.a() + "/id").asText();
    String b = doc.at("/runs/" + first.b() + "/id").asText();
    JsonNode pair = doc("pair/" + a + "/" + b);
    assertThat(pair.get("differing")).hasSize(first.comparison().differing().size());
    assertThat(pair.at("/score_difference_ci/0").asInt()).isEqualTo(first.comparison().differenceCi().lower());
    assertThat(api.json("pair/" + b + "/" + a)).as("only the ranking's orientation").isEmpty();
  }

  @Test
  void otherJsonBesideTheResultsIsSkippedAndNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), dir.resolve("gpt.json"));
    java.nio.file.Files.writeString(dir.resolve("leaderboard.json"), "{\"models\": []}");
    ViewerData data = ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "author"));
    assertThat(data.runs()).extracting(ViewerData.Run::id).containsExactly("gpt");
    assertThat(data.skipped()).containsExactly(new ViewerData.Skipped(dir.resolve("leaderboard.json"), "not a result file"));
  }

  @Test
  void theFilesJmleBenchWritesBesideTheResultsAreNotListedAsSkipped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), dir.resolve("gpt.json"));
    java.nio.file.Files.writeString(dir.resolve("leaderboard.json"), "{\"format\": \"jmle-bench-leaderboard\", "
        + "\"version\": 1, \"exam\": \"120\", \"runs\": []}");
    java.nio.file.Files.writeString(dir.resolve("claude.batch.json"), "{\"format\": \"jmle-bench-batch\", "
        + "\"version\": 1, \"batch_id\": \"msgbatch_1\", \"custom_ids\": []}");
    ViewerData data = ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "author"));
    assertThat(data.runs()).extracting(ViewerData.Run::id).containsExactly("gpt");
    assertThat(data.skipped()).isEmpty();
  }

  @Test
  void aFileWithoutAnswersShowsNoIntervalAndIsLeftOutOfTheComparisons(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), dir.resolve("gpt.json"));
    dev.jmlebench.results.ResultFile gpt = Published.byId("openai_gpt-5.2").file();
    dev.jmlebench.results.ResultFiles.write(dir.resolve("empty.json"), gpt.withResults(List.of()));
    ViewerApi two = new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "author")));
    JsonNode models = JSON.readTree(two.json("index").orElseThrow()).get("models");
    JsonNode empty = models.get(0).get("id").asText().equals("empty") ? models.get(0) : models.get(1);
    assertThat(empty.at("/stats/score_pct_ci").isMissingNode()).isTrue();
    assertThat(empty.at("/stats/pass_probability_text").asText()).isEqualTo("n/a");
    assertThat(two.json("pairs")).isEmpty();
    assertThat(two.keys()).noneMatch(k -> k.startsWith("pair"));
  }

  @Test
  void aRunsOwnFileShowsTheTokensItsAnswersCost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    // The run writes prompt, completion and reasoning tokens per answer, never a total: the viewer adds them.
    dev.jmlebench.results.ResultFile published = Published.byId("Qwen_Qwen3-32B").file();
    java.nio.file.Path out = dir.resolve("qwen.json");
    try (dev.jmlebench.mock.MockServer server = dev.jmlebench.mock.MockServer.start(0, SharedData.dataset(), published,
        dev.jmlebench.mock.MockOptions.INSTANT)) {
      new dev.jmlebench.runner.Runner(dev.jmlebench.runner.RunSpec.fromWords(List.of("--model", "Qwen/Qwen3-32B",
          "--base-url", server.baseUrl().toString(), "--questions", "B", "--timeout", "30"),
          dev.jmlebench.runner.RunSpec.NO_ENVIRONMENT), dev.jmlebench.runner.RunTarget.at(out), SharedData.dataset(),
          null, dev.jmlebench.runner.ProgressStyle.QUIET, new java.io.PrintWriter(java.io.Writer.nullWriter()),
          "jmle-bench").run();
    }
    JsonNode totals = JSON.readTree(out.toFile()).at("/metadata/totals");
    long expected = totals.get("prompt_tokens").asLong() + totals.get("completion_tokens").asLong();
    assertThat(expected).as("the mock server reports usage").isPositive();

    JsonNode doc = JSON.readTree(new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "author"))).json("model/qwen")
        .orElseThrow());
    long shown = 0;
    int answers = 0;
    for (JsonNode r : doc.get("results")) {
      if (r.has("tokens")) {
        shown += r.get("tokens").asLong();
        answers++;
      }
    }
    assertThat(answers).isEqualTo(SharedData.dataset().questions().stream().filter(q -> q.block().equals("B")).count());
    assertThat(shown).isEqualTo(expected);
  }

  /**
   * The runs are held without their answers' texts (Slim), so the documents that carry them read them from the
   * file: every raw response and reasoning of a run, exactly as its file has them.
   */
  @Test
  void theDocumentsThatCarryAnswerTextsHaveEachAsTheFileHasIt() throws IOException {
    Published p = Published.byId("Qwen_Qwen3-32B");
    JsonNode texts = doc("answer-texts/" + p.id());
    List<dev.jmlebench.dataset.Question> questions = SharedData.dataset().questions();
    for (int i = 0; i < questions.size(); i++) {
      dev.jmlebench.results.QuestionResult r = p.result(questions.get(i).questionId()).orElseThrow();
      JsonNode a = texts.get("answers").get(i);
      assertThat(a.get("raw_response").asText()).isEqualTo(r.rawResponse());
      assertThat(a.path("reasoning").isMissingNode() ? null : a.get("reasoning").asText()).isEqualTo(r.reasoning());
    }
    dev.jmlebench.results.QuestionResult last = p.result("120F-75").orElseThrow();
    JsonNode answer = doc("answer/" + p.id() + "/120F-75");
    assertThat(answer.get("raw_response").asText()).isEqualTo(last.rawResponse());
    assertThat(answer.get("reasoning").asText(null)).isEqualTo(last.reasoning());
  }

  @Test
  void keysNameTheIndexEveryModelAndEveryQuestionAndNothingElse() {
    List<String> keys = api.keys();
    int models = Published.all().size();
    int answers = Published.all().stream().mapToInt(p -> p.file().results().size()).sum();
    // index, models, questions, answers, the texts search reads (the questions', each run's answers), pairs
    assertThat(keys).hasSize(1 + models + SharedData.dataset().questions().size() + answers + 1 + models + 1 + models * (models - 1) / 2);
    assertThat(keys).contains("question-texts", "answer-texts/" + Published.all().get(0).id());
    assertThat(keys).allSatisfy(k -> assertThat(api.json(k)).isPresent());
    assertThat(api.json("question/120Z-1")).isEmpty();
    assertThat(api.json("answer-texts/nobody")).isEmpty();
    assertThat(api.json("question-texts/x")).isEmpty();
    assertThat(api.json("model/../index")).isEmpty();
    assertThat(api.json("../pom.xml")).isEmpty();
  }
}
