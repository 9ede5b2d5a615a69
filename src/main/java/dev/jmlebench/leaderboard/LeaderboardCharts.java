package dev.jmlebench.leaderboard;

import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * Draws both charts, as PNG and SVG. The only class outside the chart classes that names JFreeChart, so the
 * library is loaded only when charts are drawn.
 */
final class LeaderboardCharts {
  private LeaderboardCharts() {}

  record Drawn(String fontFamily, Optional<String> warning) {}

  static Drawn write(ChartData data, Outputs out) {
    ChartFonts.Choice font = ChartFonts.choose(data.allText());
    JFreeChart scores = ScoreChart.draw(data, font.family());
    ChartFiles.writePng(scores, ScoreChart.WIDTH, ScoreChart.height(data), out.scorePng());
    ChartFiles.writeSvg(scores, ScoreChart.WIDTH, ScoreChart.height(data), out.scoreSvg());
    JFreeChart blocks = BlockHeatMap.draw(data, font.family());
    ChartFiles.writePng(blocks, BlockHeatMap.WIDTH, BlockHeatMap.height(data), out.blocksPng());
    ChartFiles.writeSvg(blocks, BlockHeatMap.WIDTH, BlockHeatMap.height(data), out.blocksSvg());
    return new Drawn(font.family(), font.warning());
  }
}
