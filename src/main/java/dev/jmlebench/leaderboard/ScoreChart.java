package dev.jmlebench.leaderboard;

import dev.jmlebench.score.Percent;
import dev.jmlebench.stats.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar chart of the scores: one group per run, all questions beside text-only, best first from the top, the
 * all-questions bar with its 95% confidence interval as a whisker. Bars lie horizontally so that long model
 * names stay legible at README width.
 */
final class ScoreChart {
  static final int WIDTH = 1000;
  private static final int HEADER_HEIGHT = 210;
  private static final int ROW_HEIGHT = 74;
  private static final Color ALL_COLOUR = new Color(0x1f4e89);
  private static final Color TEXT_COLOUR = new Color(0x8ec1e8);
  private static final Color PASS_COLOUR = new Color(0xc0392b);
  private static final Color WHISKER_COLOUR = new Color(0x111111);
  private static final BasicStroke WHISKER_STROKE = new BasicStroke(2f);
  /** A white edge under the whisker keeps it visible where it crosses the dark bar. */
  private static final BasicStroke WHISKER_HALO = new BasicStroke(4f);
  private static final BasicStroke PASS_STROKE =
      new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 5f}, 0f);

  private ScoreChart() {}

  static int height(ChartData data) {
    return HEADER_HEIGHT + ROW_HEIGHT * Math.max(1, data.runs().size());
  }

  static JFreeChart draw(ChartData data, String fontFamily) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (ChartData.Run r : data.runs()) {
      dataset.addValue(r.allQuestions() == null ? null : r.allQuestions() * 100, ChartText.allQuestions(data.exam()),
          r.label());
      dataset.addValue(r.textOnly() * 100, ChartText.textOnly(data.exam()), r.label());
    }
    CategoryAxis names = new CategoryAxis(null);
    names.setTickLabelFont(new Font(fontFamily, Font.PLAIN, 17));
    names.setMaximumCategoryLabelWidthRatio(0.4f);
    names.setCategoryMargin(0.22);
    names.setLowerMargin(0.02);
    names.setUpperMargin(0.02);
    for (ChartData.Run r : data.runs()) {
      if (r.passed()) {
        names.setTickLabelFont(r.label(), new Font(fontFamily, Font.BOLD, 17));
      }
    }

    NumberAxis percent = new NumberAxis(ChartText.SCORE_AXIS);
    percent.setLabelFont(new Font(fontFamily, Font.PLAIN, 15));
    percent.setTickLabelFont(new Font(fontFamily, Font.PLAIN, 14));
    percent.setRange(lowerBound(data), 100);
    percent.setTickUnit(new NumberTickUnit(5, new DecimalFormat("0'%'")));

    BarRenderer bars = new WhiskerBars(data);
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.04);
    bars.setSeriesPaint(0, ALL_COLOUR);
    bars.setSeriesPaint(1, TEXT_COLOUR);
    bars.setDefaultItemLabelGenerator(new PercentLabels(data));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(new Font(fontFamily, Font.BOLD, 13));
    bars.setSeriesItemLabelPaint(0, Color.WHITE);
    bars.setSeriesItemLabelPaint(1, new Color(0x10263f));
    // Labels sit inside the base of each bar: the end is the whisker's place, and the axis can stop at 100%
    // with nothing clipped. A bar too short for its label gets it outside.
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.INSIDE9, TextAnchor.CENTER_LEFT));
    bars.setPositiveItemLabelPositionFallback(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

    CategoryPlot plot = new CategoryPlot(dataset, names, percent, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xd0d0d0));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setInsets(new RectangleInsets(8, 8, 8, 24));
    plot.addRangeMarker(new ValueMarker(data.passMark() * 100, PASS_COLOUR, PASS_STROKE));
    // Every bar crosses the pass line, so its explanation goes in the legend rather than beside the line.
    LegendItemCollection legendItems = new LegendItemCollection();
    legendItems.add(new LegendItem(ChartText.allQuestions(data.exam()), ALL_COLOUR));
    legendItems.add(new LegendItem(ChartText.textOnly(data.exam()), TEXT_COLOUR));
    legendItems.add(new LegendItem(ChartText.CI, null, null, null, whisker(0, 28, 0, 6), WHISKER_STROKE,
        WHISKER_COLOUR));
    legendItems.add(new LegendItem(ChartText.passMark(Percent.format(data.passMark()), data.passMarkText()), null,
        null, null, new Line2D.Double(0, 0, 28, 0), PASS_STROKE, PASS_COLOUR));
    plot.setFixedLegendItems(legendItems);

    JFreeChart chart = new JFreeChart(ChartText.scoreTitle(data.exam().id()), new Font(fontFamily, Font.BOLD, 22),
        plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(10, 10, 10, 10));
    TextTitle sub = new TextTitle(ChartText.SCORE_SUBTITLE + "\n" + ChartText.CI_SUBTITLE,
        new Font(fontFamily, Font.PLAIN, 14));
    sub.setPaint(new Color(0x444444));
    sub.setPadding(new RectangleInsets(4, 0, 6, 0));
    chart.addSubtitle(sub);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(new Font(fontFamily, Font.PLAIN, 15));
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
    legend.setFrame(BlockBorder.NONE);
    return chart;
  }

  /** The axis starts below the lowest bar, whisker or the pass mark ({@link ChartScales#scoreAxisStartPercent}). */
  static double lowerBound(ChartData data) {
    double low = data.passMark();
    for (ChartData.Run r : data.runs()) {
      low = Math.min(low, r.textOnly());
      if (r.allQuestions() != null) {
        low = Math.min(low, r.allQuestions());
      }
      if (r.allQuestionsCi() != null) {
        low = Math.min(low, r.allQuestionsCi().lower());
      }
    }
    return ChartScales.scoreAxisStartPercent(low);
  }

  /** A horizontal whisker from x0 to x1 at height y, with caps of half-height {@code cap}. */
  private static Path2D whisker(double x0, double x1, double y, double cap) {
    Path2D p = new Path2D.Double();
    p.moveTo(x0, y - cap);
    p.lineTo(x0, y + cap);
    p.moveTo(x0, y);
    p.lineTo(x1, y);
    p.moveTo(x1, y - cap);
    p.lineTo(x1, y + cap);
    return p;
  }

  /** Bars that draw each run's all-questions interval across the end of its all-questions bar. */
  private static final class WhiskerBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient ChartData data;

    WhiskerBars(ChartData data) {
      this.data = data;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
        CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      Interval ci = data.runs().get(column).allQuestionsCi();
      int visibleRow = state.getVisibleSeriesIndex(row);
      if (row != 0 || ci == null || visibleRow < 0) {
        return;
      }
      double top = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
      RectangleEdge edge = plot.getRangeAxisEdge();
      Path2D w = whisker(rangeAxis.valueToJava2D(ci.lower() * 100, dataArea, edge),
          rangeAxis.valueToJava2D(ci.upper() * 100, dataArea, edge), top + state.getBarWidth() / 2,
          state.getBarWidth() * 0.3);
      g2.setPaint(Color.WHITE);
      g2.setStroke(WHISKER_HALO);
      g2.draw(w);
      g2.setPaint(WHISKER_COLOUR);
      g2.setStroke(WHISKER_STROKE);
      g2.draw(w);
    }
  }

  /** Value labels formatted as the tables format percentages, so chart and table agree to the digit. */
  private record PercentLabels(ChartData data) implements CategoryItemLabelGenerator {
    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      ChartData.Run r = data.runs().get(column);
      Double ratio = row == 0 ? r.allQuestions() : Double.valueOf(r.textOnly());
      return ratio == null ? null : Percent.format(ratio);
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return dataset.getColumnKey(column).toString();
    }
  }
}
