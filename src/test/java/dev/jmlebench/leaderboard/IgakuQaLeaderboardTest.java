package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Percent;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import dev.jmlebench.viewer.ViewerSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder with IgakuQA's published ChatGPT and examinees'-majority predictions for the 112th-116th
 * beside a 120th run: the model × exam table sets every exam side by side, the majority as a row like a model.
 */
class IgakuQaLeaderboardTest {
  private static final List<String> EXAMS = List.of("112", "113", "114", "115", "116");
  private static final int[] MAJORITY = {472, 470, 471, 477, 482};
  private static final int[] MAXIMA = {499, 496, 496, 500, 494};

  @TempDir Path tmp;

  @Test
  void theModelByExamTableCoversEveryExamOfTheFolderWithTheMajorityAsARow() throws IOException {
    Path results = Files.createDirectories(tmp.resolve("results"));
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), results.resolve("Qwen_Qwen3-32B.json"));
    for (String exam : EXAMS) {
      importSet(results, exam, "chatgpt", "ChatGPT");
      importSet(results, exam, "student-majority", "Examinees' majority");
    }
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "<!-- leaderboard-exams-start -->\n<!-- leaderboard-exams-end -->\n");
    Cli.Outcome o = Cli.run("leaderboard", "--results", results.toString(), "--readme", readme.toString(),
        "--dataset", SharedData.root().toString(), "--dataset", SharedData.rootIgakuqa().toString());
    assertThat(o.exitCode()).as(o.err()).isZero();
    String text = Files.readString(readme);
    assertThat(text).contains("| Model | 120 | 116 | 115 | 114 | 113 | 112 | Mean (95% CI over exams) |");
    StringBuilder majority = new StringBuilder("| Examinees' majority | - |");
    for (int i = EXAMS.size() - 1; i >= 0; i--) {
      majority.append(' ').append(Percent.format((double) MAJORITY[i] / MAXIMA[i])).append(" ✓ |");
    }
    // The mean over the five years with its Student-t interval (t(0.975, 4) = 2.776445).
    double mean = 0;
    for (int i = 0; i < EXAMS.size(); i++) {
      mean += (double) MAJORITY[i] / MAXIMA[i] / EXAMS.size();
    }
    double squares = 0;
    for (int i = 0; i < EXAMS.size(); i++) {
      squares += Math.pow((double) MAJORITY[i] / MAXIMA[i] - mean, 2);
    }
    double half = 2.776445 * Math.sqrt(squares / (EXAMS.size() - 1)) / Math.sqrt(EXAMS.size());
    majority.append(' ').append(Percent.format(mean)).append(" (").append(Percent.format(mean - half)).append('–')
        .append(Percent.format(mean + half)).append(") |");
    assertThat(text).contains(majority.toString());
    assertThat(text).containsPattern("\\| ChatGPT \\| - \\|( \\d+\\.\\d% ✗ \\|){5} \\d+\\.\\d% \\(");
    for (String exam : EXAMS) {
      assertThat(results.resolve("leaderboard-" + exam + ".json")).isRegularFile();
    }

    // The exports carry each run's answers with a prohibited choice and the third criterion's verdict:
    // ChatGPT's 4, 5, 3, 4, 3 (counted from IgakuQA's raw files in IgakuQaImportTest), the majority's 1, 0, 0, 0, 0.
    int[] chatGpt = {4, 5, 3, 4, 3};
    int[] majorityCounts = {1, 0, 0, 0, 0};
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < EXAMS.size(); i++) {
      JsonNode board = json.readTree(results.resolve("leaderboard-" + EXAMS.get(i) + ".json").toFile());
      assertThat(board.at("/pass_criteria/prohibited_max").asInt()).isEqualTo(3);
      assertThat(board.at("/pass_criteria/prohibited_annotated_by").asText()).contains("IgakuQA's authors")
          .contains("not official");
      for (JsonNode row : board.get("runs")) {
        int expected = row.get("name").asText().equals("ChatGPT") ? chatGpt[i] : majorityCounts[i];
        assertThat(row.get("prohibited_answers").asInt()).as(EXAMS.get(i) + " " + row.get("name")).isEqualTo(expected);
        assertThat(row.get("prohibited_pass").asBoolean()).isEqualTo(expected <= 3);
      }
      List<String> csv = Files.readAllLines(results.resolve("leaderboard-" + EXAMS.get(i) + ".csv"));
      assertThat(csv.get(0)).contains(",passed,prohibited_answers,prohibited_pass,");
      assertThat(csv.stream().filter(l -> l.startsWith("ChatGPT,")).findFirst().orElseThrow())
          .contains(",false," + chatGpt[i] + "," + (chatGpt[i] <= 3) + ",");
    }
    // Every maximum and count is the exam's as scored: the 112th is out of 499 (112A-43 excluded, a general
    // question), its charts name its own text-only count; the viewer speaks leaderboard.json's dialect.
    ViewerSite site = ViewerSite.load(results, exam -> exam.equals("120") ? SharedData.dataset()
        : SharedData.datasetIgakuqa(exam), exam -> AnswerKey.of(exam, Exams.get(exam).defaultEdition()));
    for (int i = 0; i < EXAMS.size(); i++) {
      String exam = EXAMS.get(i);
      JsonNode criteria = json.readTree(results.resolve("leaderboard-" + exam + ".json").toFile()).get("pass_criteria");
      assertThat(criteria.get("required_max").asInt() + criteria.get("general_max").asInt()).as(exam)
          .isEqualTo(MAXIMA[i]);
      JsonNode index = json.readTree(site.json("exam/" + exam + "/index").orElseThrow());
      assertThat(index.at("/exam/score_max").asInt()).as(exam).isEqualTo(MAXIMA[i]);
      assertThat(index.at("/exam/pass")).as(exam).isEqualTo(criteria);
      long textOnly = SharedData.datasetIgakuqa(exam).questions().stream().filter(q -> !q.requiresImage()).count();
      assertThat(Files.readString(results.resolve("leaderboard-" + exam + ".svg")))
          .contains("Text-only " + textOnly + " questions");
    }
    JsonNode board112 = json.readTree(results.resolve("leaderboard-112.json").toFile()).get("pass_criteria");
    assertThat(board112.get("general_max").asInt()).isEqualTo(299);
    assertThat(board112.get("general_min_score").asInt()).isEqualTo(208);
    JsonNode board120 = json.readTree(results.resolve("leaderboard.json").toFile());
    assertThat(board120.at("/pass_criteria").has("prohibited_max")).as("the 120th judges no prohibited choices").isFalse();
    assertThat(board120.at("/runs/0/prohibited_answers").isNull()).isTrue();
    assertThat(board120.at("/runs/0/prohibited_pass").isNull()).isTrue();
  }

  private static void importSet(Path results, String exam, String experiment, String name) throws IOException {
    String year = String.valueOf(Integer.parseInt(exam) + 1906);
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset",
        SharedData.rootIgakuqa().toString(), "--display-name", name, "--out",
        results.resolve(exam + "_" + experiment + ".json").toString()));
    try (Stream<Path> s = Files.list(SharedData.rootIgakuqa().resolve("baseline_results/" + year))) {
      s.filter(p -> p.getFileName().toString().matches(exam + "-[A-F]_" + experiment + "\\.jsonl")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
  }
}
