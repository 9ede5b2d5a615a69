package dev.jmlebench.leaderboard;

import dev.jmlebench.exam.Exams;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Draws both charts, as PNG and SVG. The only class outside the chart classes that names JFreeChart, so the
 * library is loaded only when charts are drawn.
 */
final class LeaderboardCharts {
  private LeaderboardCharts() {}

  record Drawn(String fontFamily, Optional<String> warning) {}

  /** Draws the score chart here and the heat map on another thread: each is one core's work. */
  static Drawn write(ChartData data, Outputs out) {
    ChartFonts.Choice font = ChartFonts.choose(data.allText());
    Parallel.both(() -> {
      JFreeChart scores = ScoreChart.draw(data, font.family());
      ChartFiles.writePng(scores, ScoreChart.WIDTH, ScoreChart.height(data), out.scorePng());
      ChartFiles.writeSvg(scores, ScoreChart.WIDTH, ScoreChart.height(data), out.scoreSvg());
    }, () -> {
      JFreeChart blocks = BlockHeatMap.draw(data, font.family());
      ChartFiles.writePng(blocks, BlockHeatMap.WIDTH, BlockHeatMap.height(data), out.blocksPng());
      ChartFiles.writeSvg(blocks, BlockHeatMap.WIDTH, BlockHeatMap.height(data), out.blocksSvg());
    });
    return new Drawn(font.family(), font.warning());
  }

  /**
   * Loads what drawing needs (AWT, the fonts, ImageIO's PNG writer, JFreeChart's classes) by drawing an
   * empty chart in memory. Failures are left to the real drawing, which reports them.
   */
  static void warmUp() {
    try {
      String family = ChartFonts.choose(ChartText.ALL_FIXED_TEXT).family();
      ChartData empty = new ChartData(Exams.get(Exams.DEFAULT), List.of(), 0.5, "");
      ChartUtils.writeChartAsPNG(OutputStream.nullOutputStream(), ScoreChart.draw(empty, family), 40, 40);
    } catch (IOException | RuntimeException e) {
      // the real drawing meets the same problem and reports it
    }
  }
}
