package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.jmlebench.leaderboard.ChartScales;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pages take the exam's rules from their data: another exam's blocks show without a JavaScript change. */
class ViewerExamRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theIndexCarriesTheBlocksPassMarksAndChartScalesWorkedOutInJava() throws IOException {
    ViewerData data = ViewerData.load(SharedData.results(), SharedData.dataset(), AnswerKey.of("120", "official"));
    JsonNode exam = JSON.readTree(new ViewerApi(data).json("index").orElseThrow()).get("exam");
    ExamCriteria criteria = AnswerKey.of("120", "official").criteria();
    assertThat(exam.get("id").asText()).isEqualTo("120");
    assertThat(exam.get("score_max").asInt()).isEqualTo(500);
    assertThat(exam.get("blocks").findValuesAsText("id")).containsExactly("A", "B", "C", "D", "E", "F");
    assertThat(exam.get("blocks")).filteredOn(b -> b.get("required").asBoolean())
        .extracting(b -> b.get("id").asText()).containsExactly("B", "E");
    assertThat(exam.at("/pass/general_min_score").asInt()).isEqualTo(criteria.generalMin());
    assertThat(exam.get("pass_line").asDouble()).isEqualTo(ChartScales.passMark(criteria));
    // The official key's pass marks, 160/200 and 224/300 (the author key's were 160 and 221: 381/500).
    assertThat(exam.at("/pass/required_min_score").asInt()).isEqualTo(160);
    assertThat(exam.at("/pass/general_min_score").asInt()).isEqualTo(224);
    assertThat(exam.get("pass_line_points").asText()).isEqualTo("384/500");
    // The lowest figure shown is MedRECT's text-only share 0.77…; its interval reaches lower, below 0.75.
    assertThat(exam.get("score_axis_start").asDouble()).isBetween(0.0, 0.75);
    assertThat(exam.get("score_axis_start").asDouble() * 100 % 5).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anExamWhoseRequiredBlocksDifferShowsThemAsRequired() {
    ViewerData data = ViewerData.load(SharedData.results(), SharedData.dataset(), AnswerKey.of("120", "official"));
    ViewerExam other = new ViewerExam("120", List.of(new ViewerExam.Block("A", true), new ViewerExam.Block("B", false),
        new ViewerExam.Block("C", true), new ViewerExam.Block("D", false), new ViewerExam.Block("E", false),
        new ViewerExam.Block("F", false)), data.criteria());
    try (ViewerServer server = ViewerServer.start(new ViewerApi(data, other), "127.0.0.1", 0);
        Chromium chromium = Chromium.launch()) {
      Page page = chromium.page();
      page.navigate("http://127.0.0.1:" + server.port() + "/#/model/anthropic_claude-opus-4.6");
      PlaywrightAssertions.assertThat(page.locator(".block[data-block=A] small")).hasText("required");
      PlaywrightAssertions.assertThat(page.locator(".block[data-block=C] small")).hasText("required");
      PlaywrightAssertions.assertThat(page.locator(".block[data-block=B] small")).hasText("general");
      PlaywrightAssertions.assertThat(page.locator(".block[data-block=E] small")).hasText("general");

      page.navigate("http://127.0.0.1:" + server.port() + "/#/");
      PlaywrightAssertions.assertThat(page.locator("[data-testid=heat-map]")).containsText("A (req.)");
      PlaywrightAssertions.assertThat(page.locator("[data-testid=heat-map]")).containsText("C (req.)");
      assertThat(page.locator("[data-testid=heat-map]").textContent()).doesNotContain("B (req.)");
    }
  }

  @Test
  void theGoldAnswerShownIsTheKeysThatGradedTheRunsNotTheDatasets() throws IOException {
    // 120C-57 and 120F-58 are two of the five answers the ministry corrected (the dataset has e, and b, e).
    for (String key : List.of("official", "author")) {
      ViewerApi api = new ViewerApi(ViewerData.load(SharedData.results(), SharedData.dataset(), AnswerKey.of("120", key)));
      JsonNode index = JSON.readTree(api.json("index").orElseThrow());
      JsonNode c57 = JSON.readTree(api.json("question/120C-57").orElseThrow());
      JsonNode f58 = JSON.readTree(api.json("question/120F-58").orElseThrow());
      String expected57 = key.equals("official") ? "[\"b\"]" : "[\"e\"]";
      String expected58 = key.equals("official") ? "[\"b\",\"d\"]" : "[\"b\",\"e\"]";
      assertThat(c57.at("/question/gold").toString()).as(key).isEqualTo(expected57);
      assertThat(f58.at("/question/gold").toString()).as(key).isEqualTo(expected58);
      JsonNode listed = null;
      for (JsonNode q : index.get("questions")) {
        listed = q.get("id").asText().equals("120C-57") ? q : listed;
      }
      assertThat(listed.get("gold").toString()).as(key).isEqualTo(expected57);
    }
  }
}
