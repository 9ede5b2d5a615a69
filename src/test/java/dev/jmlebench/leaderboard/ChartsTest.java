package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.stats.Interval;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.testing.SharedData;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  private static List<LeaderboardEntry> entries;
  private static List<ExpectedLeaderboard.Run> runs;
  /** Each published file's statistics, computed here from the file itself, by file name. */
  private static Map<String, RunStatistics> statistics;
  private static Map<String, RunIntervals> exported;

  @TempDir Path tmp;

  @BeforeAll
  static void readPublished() {
    entries = SharedData.publishedResults().stream()
        .map(f -> LeaderboardEntry.of(f.getFileName().toString(), ResultFiles.read(f)))
        .toList();
    runs = ExpectedLeaderboard.read(SharedData.publishedResults());
    statistics = new HashMap<>();
    exported = new HashMap<>();
    for (Path f : SharedData.publishedResults()) {
      String name = f.getFileName().toString();
      RunStatistics s = RunStatistics.of(ResultFiles.read(f), AnswerKey.of("120", "author").criteria(), SharedData.dataset(), name);
      statistics.put(name, s);
      exported.put(name, new RunIntervals("key of " + name, StatisticsJson.run(s)));
    }
  }

  private static ChartData chartData(List<LeaderboardEntry> shown) {
    return ChartData.of(shown, exported, AnswerKey.of("120", "author").criteria());
  }

  @Test
  void chartDataListsEachRunOnceBestScoreFirstWithTheTablesFigures() {
    ChartData data = chartData(entries);

    List<ExpectedLeaderboard.Run> expected = ExpectedLeaderboard.newest(
        runs.stream().filter(r -> !r.mode().equals("skip")).toList(), true);
    expected.sort(Comparator.comparingDouble((ExpectedLeaderboard.Run r) -> r.pct("score_pct")).reversed());
    assertThat(data.runs()).extracting(ChartData.Run::label).containsExactlyElementsOf(expected.stream()
        .map(r -> r.mode().equals("blind") ? r.name() + " (blind)" : r.name()).toList());
    assertThat(data.runs()).extracting(ChartData.Run::allQuestions)
        .containsExactlyElementsOf(expected.stream().map(r -> r.pct("score_pct")).toList());
    assertThat(data.runs()).extracting(ChartData.Run::textOnly)
        .containsExactlyElementsOf(expected.stream().map(r -> r.pct("text_only_score_pct")).toList());
    for (int i = 0; i < expected.size(); i++) {
      ChartData.Run charted = data.runs().get(i);
      expected.get(i).summary().get("by_block").fields().forEachRemaining(b ->
          assertThat(charted.blockAccuracy().get(b.getKey())).isEqualTo(b.getValue().get("accuracy").doubleValue()));
    }
  }

  @Test
  void theEightPublishedRunsAreChartedInThisOrder() {
    ChartData data = chartData(entries.stream().filter(e -> List.of("anthropic_claude-opus-4.6.json",
        "google_gemini-3.1-pro-preview.json", "openai_gpt-5.2.json", "Qwen_Qwen3.5-122B-A10B.json",
        "Qwen_Qwen3.5-27B_nothink.json", "Qwen_Qwen3-32B.json", "pfnet_Preferred-MedRECT-32B.json",
        "openai_gpt-oss-120b_low.json").contains(e.source())).toList());

    assertThat(data.runs()).extracting(ChartData.Run::label).containsExactly("Claude Opus 4.6",
        "Gemini 3.1 Pro Preview", "GPT-5.2", "Qwen3.5-122B-A10B", "Qwen3.5-27B (no-think)", "Qwen3-32B (blind)",
        "Preferred-MedRECT-32B (blind)", "gpt-oss-120b (low) (blind)");
    assertThat(data.runs().get(0).allQuestions()).isEqualTo(0.986);
    assertThat(data.runs().get(0).textOnly()).isEqualTo(0.9921);
    assertThat(data.runs().get(7).blockAccuracy().get("D")).isEqualTo(0.8133);
    assertThat(data.runs().get(7).allQuestionsCi()).isEqualTo(new Interval(413 / 500.0, 450 / 500.0));
    assertThat(ScoreChart.lowerBound(data)).isEqualTo(70.0);
  }

  @Test
  void eachAllQuestionsBarCarriesTheBootstrapIntervalOfItsOwnRunAsItsErrorBar() {
    ChartData data = chartData(entries);

    List<ExpectedLeaderboard.Run> expected = ExpectedLeaderboard.newest(
        runs.stream().filter(r -> !r.mode().equals("skip")).toList(), true);
    expected.sort(Comparator.comparingDouble((ExpectedLeaderboard.Run r) -> r.pct("score_pct")).reversed());
    assertThat(data.runs()).extracting(ChartData.Run::allQuestionsCi)
        .containsExactlyElementsOf(expected.stream().map(r -> statistics.get(r.file()).scorePctCi())
            .map(ci -> new Interval(Ratio.round4(ci.lower()), Ratio.round4(ci.upper()))).toList());
    for (ChartData.Run r : data.runs()) {
      assertThat(r.allQuestionsCi().lower()).as(r.label()).isLessThanOrEqualTo(r.allQuestions());
      assertThat(r.allQuestionsCi().upper()).as(r.label()).isGreaterThanOrEqualTo(r.allQuestions())
          .isGreaterThan(r.allQuestionsCi().lower());
    }
  }

  @Test
  void theAxisStartsBelowTheLowestWhiskerSoNoErrorBarIsCut() {
    ChartData.Run low = new ChartData.Run("x", 0.80, new Interval(0.64, 0.86), 0.82, true, Map.of());

    assertThat(ScoreChart.lowerBound(new ChartData(dev.jmlebench.exam.Exams.get("120"), List.of(low), 0.762, "381/500"))).isEqualTo(60.0);
  }

  @Test
  void thePassLineIsTheLowestTotalAPassingRunCanHave() {
    ChartData data = chartData(entries);

    assertThat(data.passMark()).isEqualTo(0.762);
    assertThat(data.passMarkText()).isEqualTo("381/500");
  }

  @Test
  void aJapaneseFontIsFoundThatDrawsEveryCharacterOfTheCharts() {
    ChartData data = chartData(entries);

    ChartFonts.Choice choice = ChartFonts.choose(data.allText());

    assertThat(choice.warning()).isEmpty();
    assertThat(new Font(choice.family(), Font.PLAIN, 12).canDisplayUpTo("第120回医師国家試験 必修 一般")).isEqualTo(-1);
    assertThat(data.allText()).contains("医師国家試験", "必修");
  }

  @Test
  void thePngsDecodeAtTheirIntendedSizeAndTheSvgsAreWellFormed() throws Exception {
    ChartData data = chartData(entries);
    Outputs out = Outputs.beside(tmp.resolve("board.png"));

    LeaderboardCharts.write(data, out);

    int shown = data.runs().size();
    BufferedImage scores = ImageIO.read(out.scorePng().toFile());
    assertThat(scores.getWidth()).isEqualTo(1000);
    assertThat(scores.getHeight()).isEqualTo(210 + 74 * shown);
    BufferedImage blocks = ImageIO.read(tmp.resolve("board-blocks.png").toFile());
    assertThat(blocks.getWidth()).isEqualTo(1000);
    assertThat(blocks.getHeight()).isEqualTo(150 + 48 * shown);
    assertThat(distinctColours(scores)).isGreaterThan(20);
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (Path svg : List.of(tmp.resolve("board.svg"), tmp.resolve("board-blocks.svg"))) {
      xml.newDocumentBuilder().parse(svg.toFile());
      assertThat(Files.readString(svg)).contains("Claude Opus 4.6", "医師国家試験");
    }
    assertThat(Files.readString(tmp.resolve("board.svg"))).contains("98.6%", "99.2%", "76.2% (381/500)",
        "95% CI (all questions)", "Whiskers: 95% confidence interval");
    assertThat(Files.readString(tmp.resolve("board-blocks.svg"))).contains("81.3%", "B 必修");
  }

  @Test
  void redrawingUnchangedDataWritesByteIdenticalSvgs() throws Exception {
    ChartData data = chartData(entries);
    Outputs out = Outputs.beside(tmp.resolve("board.png"));
    LeaderboardCharts.write(data, out);
    byte[] scores = Files.readAllBytes(tmp.resolve("board.svg"));
    byte[] blocks = Files.readAllBytes(tmp.resolve("board-blocks.svg"));
    Thread.sleep(5); // the old clip ids came from the clock

    LeaderboardCharts.write(data, out);

    assertThat(new String(scores, StandardCharsets.UTF_8)).contains("clip-path=");
    assertThat(Files.readAllBytes(tmp.resolve("board.svg"))).isEqualTo(scores);
    assertThat(Files.readAllBytes(tmp.resolve("board-blocks.svg"))).isEqualTo(blocks);
  }

  /** Colours on a sparse grid: a blank or single-colour image has one or two. */
  private static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
