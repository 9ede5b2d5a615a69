package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import dev.jmlebench.stats.MeanOverExams;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's data over a folder of five exams (the 120th's published results, the 119th and the 113th-115th
 * imported): each exam's runs graded by its own key and criteria, the newest exam under the plain keys, the
 * others under {@code exam/ID/}, and the model × exam table.
 */
class ViewerSiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path temp;
  private static Path dir;
  private static ViewerSite site;

  @BeforeAll
  static void load() {
    dir = SeveralExams.build(temp.resolve("results"));
    site = SeveralExams.load(dir);
  }

  private static JsonNode doc(String key) throws IOException {
    return JSON.readTree(site.json(key).orElseThrow(() -> new AssertionError("no document " + key)));
  }

  @Test
  void theRunsAreGroupedByExamNewestFirst() {
    assertThat(site.exams()).extracting(api -> api.data().dataset().exam())
        .containsExactly("120", "119", "115", "114", "113");
    assertThat(site.exams().get(0).data().runs()).hasSize(SharedData.publishedResults().size());
    assertThat(site.exams().get(1).data().runs()).extracting(ViewerData.Run::name).containsExactly(SeveralExams.PFN);
    assertThat(site.runs()).isEqualTo(SharedData.publishedResults().size() + 4);
  }

  @Test
  void theNewestExamKeepsItsPlainKeysAndIsServedAsAFolderOfItsOwnWouldBe() throws IOException {
    ViewerApi alone = new ViewerApi(ViewerData.load(SharedData.results(), SharedData.dataset(),
        AnswerKey.chosen("120", null)));
    ObjectNode index = (ObjectNode) doc("index");
    assertThat(index.get("exams").toString()).isEqualTo("[{\"id\":\"120\",\"held\":\"2026-02\"},{\"id\":\"119\",\"held\":\"2025-02\"},"
            + "{\"id\":\"115\",\"held\":\"2021-02\"},{\"id\":\"114\",\"held\":\"2020-02\"},"
            + "{\"id\":\"113\",\"held\":\"2019-02\"}]");
    index.remove("exams");
    assertThat(index).isEqualTo(JSON.readTree(alone.json("index").orElseThrow()));
    assertThat(site.keys()).containsAll(alone.keys());
    String claude = "model/anthropic_claude-opus-4.6";
    assertThat(site.json(claude).orElseThrow()).isEqualTo(alone.json(claude).orElseThrow());
  }

  @Test
  void anotherExamIsUnderItsPrefixGradedByItsOwnKeyAndCriteria() throws IOException {
    JsonNode index = doc("exam/119/index");
    ExamCriteria c119 = AnswerKey.chosen("119", null).criteria();
    assertThat(index.at("/exam/id").asText()).isEqualTo("119");
    assertThat(index.at("/exam/pass/required_min_score").asInt()).isEqualTo(c119.requiredMin());
    assertThat(index.at("/exam/pass/general_min_score").asInt()).isEqualTo(c119.generalMin());
    assertThat(index.get("questions")).hasSize(SharedData.dataset119().questions().size());
    JsonNode pfn = index.get("models").get(0);
    // The published grading of PFN's answers (IgakuQA119's results/demo summary): 332/500, 272/400.
    assertThat(pfn.at("/summary/score").asInt()).isEqualTo(332);
    assertThat(pfn.at("/summary/correct").asInt()).isEqualTo(272);
    assertThat(pfn.at("/summary/passed").asBoolean()).isFalse();
    String id = pfn.get("id").asText();
    assertThat(doc("exam/119/model/" + id).get("results")).hasSize(400);
    assertThat(doc("exam/119/question/119E-28").at("/question/id").asText()).isEqualTo("119E-28");
    assertThat(doc("exam/113/index").at("/exam/pass/prohibited_max").asInt()).isEqualTo(3);
    // A 119th run is not among the 120th's, and a key of one exam does not open another's run.
    assertThat(site.json("model/" + id)).isEmpty();
    assertThat(site.json("exam/119/model/anthropic_claude-opus-4.6")).isEmpty();
    assertThat(site.json("exam/118/index")).isEmpty();
    for (String odd : List.of("exam/", "exam/119", "exam/119/", "exam//index", "exam/../index", "exam/119/exam/119/index",
        "exam/120/exams", "exams/119")) {
      assertThat(site.json(odd)).as(odd).isEmpty();
    }
    assertThat(site.keys()).contains("exam/119/index", "exam/119/model/" + id, "exam/113/model/chatgpt-113").doesNotContain("exam/120/index");
  }

  @Test
  void aGoldOfAlternativesReadsAsEitherOneWhereverTheGoldIsShown() throws IOException {
    // 119E28 accepts a alone or c alone (the ministry's answer; both together are wrong): "a,c" would read as both.
    JsonNode e28 = doc("exam/119/question/119E-28").get("question");
    assertThat(e28.get("gold").toString()).isEqualTo("[\"a\",\"c\"]");
    assertThat(e28.get("gold_text").asText()).isEqualTo("a or c");
    JsonNode listed = null;
    for (JsonNode q : doc("exam/119/index").get("questions")) {
      listed = q.get("id").asText().equals("119E-28") ? q : listed;
    }
    assertThat(listed.get("gold_text").asText()).isEqualTo("a or c");
    // A question that asks for two letters keeps them together; one letter is just that letter.
    for (JsonNode q : doc("exam/119/index").get("questions")) {
      if (!q.get("id").asText().equals("119E-28")) {
        List<String> letters = new ArrayList<>();
        q.get("gold").forEach(g -> letters.add(g.asText()));
        assertThat(q.get("gold_text").asText()).as(q.get("id").asText()).isEqualTo(String.join(",", letters));
      }
    }
  }

  @Test
  void theModelByExamTableHasEachModelsScoreAndVerdictPerExamAndItsMeanOverThem() throws IOException {
    JsonNode exams = doc("exams");
    assertThat(exams.get("exams").findValuesAsText("id")).containsExactly("120", "119", "115", "114", "113");
    JsonNode chatgpt = row(exams, SeveralExams.CHATGPT);
    List<Double> shares = new ArrayList<>();
    for (String exam : SeveralExams.IGAKUQA) {
      Summary s = ResultFiles.read(dir.resolve("chatgpt-" + exam + ".json")).summary();
      JsonNode cell = chatgpt.at("/cells/" + exam);
      assertThat(cell.get("score_pct").asDouble()).as(exam).isEqualTo(s.scorePct());
      assertThat(cell.get("score_pct_text").asText()).isEqualTo(Percent.format(s.scorePct()));
      assertThat(cell.get("passed").asBoolean()).isEqualTo(s.passed());
      assertThat(doc("exam/" + exam + "/model/" + cell.get("run").asText()).get("file").asText())
          .isEqualTo("chatgpt-" + exam + ".json");
      shares.add(s.scorePct());
    }
    // IgakuQA's published ChatGPT scores of the 113th and 115th, 250 of 496 and 297 of 500, under the official key.
    assertThat(chatgpt.at("/cells/113/score_pct_text").asText()).isEqualTo(Percent.format(250 / 496.0));
    assertThat(chatgpt.at("/cells/115/score_pct_text").asText()).isEqualTo("59.4%");
    MeanOverExams mean = MeanOverExams.of(shares);
    assertThat(chatgpt.get("mean").asDouble()).isEqualTo(mean.mean());
    assertThat(chatgpt.get("mean_ci").get(0).asDouble()).isEqualTo(mean.low());
    assertThat(chatgpt.get("mean_text").asText())
        .isEqualTo(Percent.format(mean.mean()) + " (" + Percent.format(mean.low()) + "–" + Percent.format(mean.high()) + ")");
    assertThat(chatgpt.at("/cells/120").isMissingNode()).isTrue();

    JsonNode pfn = row(exams, SeveralExams.PFN);
    assertThat(pfn.at("/cells/119/score_pct_text").asText()).isEqualTo("66.4%");
    assertThat(pfn.has("mean_ci")).isFalse();
    assertThat(exams.get("rows")).hasSize(SharedData.publishedResults().size() + 2);
  }

  @Test
  void aFolderOfOneExamHasNoExamSwitchAndNoModelByExamTable() throws IOException {
    ViewerSite one = ViewerSite.load(SharedData.results(), SeveralExams::dataset, exam -> AnswerKey.chosen(exam, null));
    assertThat(one.exams()).hasSize(1);
    assertThat(one.json("exams")).isEmpty();
    assertThat(JSON.readTree(one.json("index").orElseThrow()).has("exams")).isFalse();
    assertThat(one.keys()).noneMatch(k -> k.startsWith("exam"));
  }

  @Test
  void aFolderWithoutResultFilesIsOneLine(@TempDir Path empty) throws IOException {
    Files.writeString(empty.resolve("notes.json"), "{}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SeveralExams.load(empty))
        .hasMessageContaining("holds no result files");
  }

  private static JsonNode row(JsonNode exams, String name) {
    for (JsonNode r : exams.get("rows")) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no row " + name);
  }
}
