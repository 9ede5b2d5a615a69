package dev.jmlebench.leaderboard;

import dev.jmlebench.score.Percent;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/** Heat map of accuracy per block: one row per run (in leaderboard order), one column per block A-F. */
final class BlockHeatMap {
  static final int WIDTH = 1000;
  private static final int HEADER_HEIGHT = 150;
  private static final int ROW_HEIGHT = 48;
  /** Light to dark blue (ColorBrewer "Blues"), readable in grey and by colour-blind readers. */
  private static final Color[] STOPS = {
      new Color(0xf7fbff), new Color(0xc6dbef), new Color(0x6baed6), new Color(0x2171b5), new Color(0x08306b)};

  private BlockHeatMap() {}

  static int height(ChartData data) {
    return HEADER_HEIGHT + ROW_HEIGHT * Math.max(1, data.runs().size());
  }

  static JFreeChart draw(ChartData data, String fontFamily) {
    List<ChartData.Run> runs = data.runs();
    List<String> blockNames = data.exam().blockNames();
    List<double[]> cells = new ArrayList<>();
    for (int y = 0; y < runs.size(); y++) {
      for (int x = 0; x < blockNames.size(); x++) {
        Double acc = runs.get(y).blockAccuracy().get(blockNames.get(x));
        if (acc != null) {
          cells.add(new double[] {x, y, acc});
        }
      }
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    double[][] series = new double[3][cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      for (int k = 0; k < 3; k++) {
        series[k][i] = cells.get(i)[k];
      }
    }
    dataset.addSeries("block accuracy", series);

    SymbolAxis blocks = new SymbolAxis(null,
        blockNames.stream().map(b -> ChartText.blockLabel(data.exam(), b)).toArray(String[]::new));
    blocks.setTickLabelFont(new Font(fontFamily, Font.BOLD, 16));
    blocks.setGridBandsVisible(false);
    blocks.setAxisLineVisible(false);
    blocks.setTickMarksVisible(false);
    blocks.setRange(-0.5, blockNames.size() - 0.5);
    SymbolAxis names = new SymbolAxis(null, runs.stream().map(ChartData.Run::label).toArray(String[]::new));
    names.setTickLabelFont(new Font(fontFamily, Font.PLAIN, 16));
    names.setGridBandsVisible(false);
    names.setAxisLineVisible(false);
    names.setTickMarksVisible(false);
    names.setInverted(true);
    names.setRange(-0.5, Math.max(1, runs.size()) - 0.5);

    Scale scale = new Scale(lowerBound(cells));
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    // Slightly smaller blocks leave thin white lines between the cells.
    renderer.setBlockWidth(0.97);
    renderer.setBlockHeight(0.94);
    XYPlot plot = new XYPlot(dataset, blocks, names, renderer);
    plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setOutlineVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setInsets(new RectangleInsets(4, 8, 8, 16));
    Font cellFont = new Font(fontFamily, Font.BOLD, 15);
    for (double[] c : cells) {
      XYTextAnnotation a = new XYTextAnnotation(Percent.format(c[2]), c[0], c[1]);
      a.setFont(cellFont);
      a.setPaint(isDark(scale.colour(c[2])) ? Color.WHITE : new Color(0x10263f));
      plot.addAnnotation(a);
    }

    JFreeChart chart = new JFreeChart(ChartText.heatMapTitle(data.exam().id()), new Font(fontFamily, Font.BOLD, 22),
        plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(10, 10, 10, 10));
    TextTitle sub = new TextTitle(ChartText.heatMapSubtitle(data.exam()), new Font(fontFamily, Font.PLAIN, 14));
    sub.setPaint(new Color(0x444444));
    sub.setPadding(new RectangleInsets(4, 0, 6, 0));
    chart.addSubtitle(sub);
    return chart;
  }

  /** Colours start a little below the lowest accuracy, so the differences between runs show. */
  private static double lowerBound(List<double[]> cells) {
    double low = 1;
    for (double[] c : cells) {
      low = Math.min(low, c[2]);
    }
    return ChartScales.heatMapStart(low);
  }

  private static boolean isDark(Color c) {
    double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    return luminance < 140;
  }

  /** Maps an accuracy in [lower, 1] onto the colour stops, linearly. */
  private record Scale(double lower) implements PaintScale {
    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      return colour(value);
    }

    Color colour(double value) {
      double t = Math.max(0, Math.min(1, (value - lower) / (1 - lower))) * (STOPS.length - 1);
      int i = Math.min(STOPS.length - 2, (int) t);
      double f = t - i;
      Color a = STOPS[i];
      Color b = STOPS[i + 1];
      return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
          mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
      return (int) Math.round(a + (b - a) * f);
    }
  }
}
