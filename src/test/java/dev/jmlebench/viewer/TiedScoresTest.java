package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs with the same score stand in one order wherever they are ranked: the README table, the CSV, the
 * chart, the viewer and {@code compare --all}. Under the official key Qwen3-32B and Preferred-MedRECT-32B
 * both score 449/500; the public leaderboard lists Qwen3-32B first, and so must every one of them.
 */
class TiedScoresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ALL_ROW = Pattern.compile("^\\| (?:\\*\\*)?(.+?)(?:\\*\\*)? \\| [✓-] \\|", Pattern.MULTILINE);

  private static final List<String> TIED = List.of("Qwen_Qwen3-32B.json", "anthropic_claude-opus-4.6.json",
      "google_gemini-3.1-pro-preview.json", "pfnet_Preferred-MedRECT-32B.json");

  @TempDir Path tmp;

  @Test
  void tiedRunsStandInTheReadmesOrderInTheCsvTheChartTheViewerAndCompare() throws IOException {
    // Two ties: Claude Opus 4.6 and Gemini 3.1 Pro Preview at 493, the 32B pair at 449 (four files keep the
    // bootstraps of leaderboard, viewer and compare short).
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (String f : TIED) {
      Files.copy(SharedData.results().resolve(f), dir.resolve(f));
    }
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n"
        + "<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n");
    Cli.Outcome board = Cli.run("leaderboard", "--key", "official", "--results", dir.toString(), "--readme",
        readme.toString(), "--dataset", SharedData.root().toString());
    assertThat(board.exitCode()).as(board.err()).isZero();

    List<String> readmeOrder = new ArrayList<>();
    Matcher row = ALL_ROW.matcher(Files.readString(readme));
    while (row.find()) {
      readmeOrder.add(row.group(1));
    }
    List<String> csvOrder = new ArrayList<>();
    try (var rows = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
        .<Map<String, String>>readValues(dir.resolve("leaderboard.csv").toFile())) {
      rows.forEachRemaining(r -> csvOrder.add(r.get("name")));
    }
    String svg = Files.readString(dir.resolve("leaderboard.svg"));
    List<String> chartOrder = readmeOrder.stream().sorted((x, y) -> Integer.compare(svg.indexOf(x), svg.indexOf(y))).toList();
    ViewerApi viewer = new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "official")));
    List<String> viewerOrder = new ArrayList<>();
    JSON.readTree(viewer.json("index").orElseThrow()).get("models").forEach(m -> viewerOrder.add(m.get("name").asText()));
    Cli.Outcome compare = Cli.run("compare", "--key", "official", "--all", dir.toString(), "--json", "--dataset",
        SharedData.root().toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    List<String> compareOrder = new ArrayList<>();
    JSON.readTree(compare.out()).get("runs").forEach(r -> compareOrder.add(r.get("name").asText()));

    assertThat(readmeOrder).hasSize(TIED.size());
    assertThat(readmeOrder.indexOf("Qwen3-32B")).as("the public leaderboard's order").isLessThan(readmeOrder.indexOf("Preferred-MedRECT-32B"));
    assertThat(csvOrder).as("leaderboard.csv").isEqualTo(readmeOrder);
    assertThat(chartOrder).as("the score chart's bars").isEqualTo(readmeOrder);
    assertThat(viewerOrder).as("the viewer's leaderboard").isEqualTo(readmeOrder);
    assertThat(compareOrder).as("compare --all").isEqualTo(readmeOrder);
  }

  @Test
  void theViewerBreaksATieByFileNameNotByCorrectAnswersOrName() throws IOException {
    // 449/500 each; MedRECT has more correct answers (357 to 353) and the name that sorts first.
    Path dir = Files.createDirectories(tmp.resolve("two"));
    Files.copy(SharedData.results().resolve("pfnet_Preferred-MedRECT-32B.json"), dir.resolve("b_medrect.json"));
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), dir.resolve("a_qwen.json"));
    JsonNode models = JSON.readTree(new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "official")))
        .json("index").orElseThrow()).get("models");
    assertThat(models.get(0).at("/summary/score").asInt()).isEqualTo(models.get(1).at("/summary/score").asInt()).isEqualTo(449);
    assertThat(models.get(0).get("id").asText()).isEqualTo("a_qwen");
    assertThat(models.get(0).get("rank").asInt()).isEqualTo(1);
  }
}
