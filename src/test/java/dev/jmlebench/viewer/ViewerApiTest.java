package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON documents the pages are built from, checked against the published files. */
class ViewerApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ViewerApi api;

  @BeforeAll
  static void load() {
    api = new ViewerApi(ViewerData.load(SharedData.RESULTS, SharedData.dataset()));
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
      assertThat(models.get(i - 1).at("/summary/scorePct").asDouble())
          .isGreaterThanOrEqualTo(models.get(i).at("/summary/scorePct").asDouble());
    }
    JsonNode claude = models.get(0);
    assertThat(claude.get("id").asText()).isEqualTo("anthropic_claude-opus-4.6");
    assertThat(claude.at("/summary/score").asInt()).isEqualTo(493);
    assertThat(claude.at("/summary/scorePctText").asText()).isEqualTo("98.6%");
    assertThat(claude.get("vision").asBoolean()).isTrue();
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
  void aQuestionDocumentHoldsTheCaseTheGoldAndEveryRunsAnswerAsSafeHtml() throws IOException {
    JsonNode doc = doc("question/120B-41");
    assertThat(doc.at("/question/context").asText()).contains("84歳の男性");
    assertThat(doc.at("/question/images/0").asText()).isEqualTo("120B-41-42_1.png");
    assertThat(doc.at("/question/gold/0").asText()).isEqualTo("a");
    assertThat(doc.at("/question/points").asInt()).isEqualTo(3);
    assertThat(doc.get("results")).hasSize(Published.all().size());
    JsonNode first = doc.get("results").get(0);
    QuestionResult r = Published.byId(first.get("model").asText()).result("120B-41").orElseThrow();
    assertThat(first.get("raw").asText()).isEqualTo(r.rawResponse());
    assertThat(first.get("rawHtml").asText()).isEqualTo(SafeMarkdown.render(r.rawResponse()));
  }

  @Test
  void otherJsonBesideTheResultsIsSkippedAndNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Files.copy(SharedData.RESULTS.resolve("openai_gpt-5.2.json"), dir.resolve("gpt.json"));
    java.nio.file.Files.writeString(dir.resolve("leaderboard.json"), "{\"models\": []}");
    ViewerData data = ViewerData.load(dir, SharedData.dataset());
    assertThat(data.runs()).extracting(ViewerData.Run::id).containsExactly("gpt");
    assertThat(data.skipped()).containsExactly(dir.resolve("leaderboard.json"));
  }

  @Test
  void keysNameTheIndexEveryModelAndEveryQuestionAndNothingElse() {
    List<String> keys = api.keys();
    assertThat(keys).hasSize(1 + Published.all().size() + SharedData.dataset().questions().size());
    assertThat(keys).allSatisfy(k -> assertThat(api.json(k)).isPresent());
    assertThat(api.json("question/120Z-1")).isEmpty();
    assertThat(api.json("model/../index")).isEmpty();
    assertThat(api.json("../pom.xml")).isEmpty();
  }
}
