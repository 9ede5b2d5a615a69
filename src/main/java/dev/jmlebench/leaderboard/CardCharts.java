package dev.jmlebench.leaderboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The robustness card's two charts (docs/ROBUSTNESS.md), from plain figures so that this package need not know
 * the card: each variant's difference from the default in points with its 95% interval as a whisker, and, over
 * the choice orders, how often each shown position is chosen beside how often it holds the gold.
 */
public final class CardCharts {
  private static final int WIDTH = 1000;
  private static final Color UP = new Color(0x1f4e89);
  private static final Color DOWN = new Color(0xc0392b);
  private static final Color GOLD = new Color(0xbfbfbf);
  private static final Color INK = new Color(0x111111);

  private CardCharts() {}

  /** One row of the differences chart: Δ points against the default, and its interval. */
  public record Difference(String label, int points, int lower, int upper) {}

  /** One bar pair of the position chart: a shown position's share of the answers and of the gold. */
  public record Position(String letter, double chosenShare, double goldShare) {}

  /**
   * Writes {@code STEM.differences.png/.svg} and, when {@code positions} is not empty,
   * {@code STEM.position-bias.png/.svg} beside {@code stem}; returns the files written.
   *
   * @param stem the output file's path without its extension
   * @param title the card's title (the model and exam)
   */
  public static List<Path> write(Path stem, String title, List<Difference> rows, List<Position> positions) {
    List<String> text = new ArrayList<>(List.of(title));
    rows.forEach(r -> text.add(r.label()));
    String family = ChartFonts.choose(String.join("", text)).family();
    List<Path> written = new ArrayList<>();
    String name = stem.getFileName().toString();
    int height = 170 + 56 * Math.max(1, rows.size());
    JFreeChart differences = differences(title, rows, family);
    written.add(png(differences, height, stem.resolveSibling(name + ".differences.png")));
    written.add(svg(differences, height, stem.resolveSibling(name + ".differences.svg")));
    if (!positions.isEmpty()) {
      JFreeChart bias = positions(title, positions, family);
      written.add(png(bias, 520, stem.resolveSibling(name + ".position-bias.png")));
      written.add(svg(bias, 520, stem.resolveSibling(name + ".position-bias.svg")));
    }
    return written;
  }

  private static Path png(JFreeChart chart, int height, Path file) {
    ChartFiles.writePng(chart, WIDTH, height, file);
    return file;
  }

  private static Path svg(JFreeChart chart, int height, Path file) {
    ChartFiles.writeSvg(chart, WIDTH, height, file);
    return file;
  }

  private static JFreeChart differences(String title, List<Difference> rows, String family) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double low = 0;
    double high = 0;
    for (Difference r : rows) {
      data.addValue(r.points(), "Δ", r.label());
      low = Math.min(low, r.lower());
      high = Math.max(high, r.upper());
    }
    CategoryAxis names = new CategoryAxis(null);
    names.setTickLabelFont(new Font(family, Font.PLAIN, 15));
    names.setMaximumCategoryLabelWidthRatio(0.45f);
    NumberAxis points = new NumberAxis("Δ points against the default run (95% paired-bootstrap interval)");
    points.setLabelFont(new Font(family, Font.PLAIN, 14));
    points.setTickLabelFont(new Font(family, Font.PLAIN, 13));
    double pad = Math.max(2, (high - low) * 0.08);
    points.setRange(low - pad, high + pad);
    points.setNumberFormatOverride(new DecimalFormat("+0;-0"));

    BarRenderer bars = new IntervalBars(rows);
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setMaximumBarWidth(0.5);
    CategoryPlot plot = plot(data, names, points, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(new ValueMarker(0, INK, new BasicStroke(1.5f)));
    return chart(title, "Each variant against the default on the questions both answered", plot, family, false);
  }

  private static JFreeChart positions(String title, List<Position> positions, String family) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double high = 0;
    for (Position p : positions) {
      data.addValue(p.chosenShare() * 100, "chosen", p.letter());
      data.addValue(p.goldShare() * 100, "holds the gold", p.letter());
      high = Math.max(high, Math.max(p.chosenShare(), p.goldShare()) * 100);
    }
    CategoryAxis letters = new CategoryAxis("position shown");
    letters.setLabelFont(new Font(family, Font.PLAIN, 14));
    letters.setTickLabelFont(new Font(family, Font.BOLD, 16));
    NumberAxis share = new NumberAxis("share of one-letter answers to one-answer questions");
    share.setLabelFont(new Font(family, Font.PLAIN, 14));
    share.setTickLabelFont(new Font(family, Font.PLAIN, 13));
    share.setRange(0, Math.min(100, Math.ceil(high / 10) * 10 + 5));
    share.setNumberFormatOverride(new DecimalFormat("0'%'"));
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.05);
    bars.setSeriesPaint(0, UP);
    bars.setSeriesPaint(1, GOLD);
    return chart(title, "Position bias over the choice orders: how often each shown position is chosen, "
        + "and how often it holds the gold", plot(data, letters, share, bars), family, true);
  }

  private static CategoryPlot plot(CategoryDataset data, CategoryAxis domain, NumberAxis range, BarRenderer bars) {
    CategoryPlot plot = new CategoryPlot(data, domain, range, bars);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xd0d0d0));
    plot.setInsets(new RectangleInsets(8, 8, 8, 24));
    return plot;
  }

  private static JFreeChart chart(String title, String subtitle, CategoryPlot plot, String family, boolean legend) {
    JFreeChart chart = new JFreeChart(title, new Font(family, Font.BOLD, 20), plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(10, 10, 10, 10));
    TextTitle sub = new TextTitle(subtitle, new Font(family, Font.PLAIN, 14));
    sub.setPaint(new Color(0x444444));
    chart.addSubtitle(sub);
    if (legend) {
      chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 14));
      chart.getLegend().setFrame(BlockBorder.NONE);
      chart.getLegend().setPosition(RectangleEdge.TOP);
    }
    return chart;
  }

  /** Bars coloured by sign, each with its interval drawn across it as a whisker. */
  private static final class IntervalBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient List<Difference> rows;

    IntervalBars(List<Difference> rows) {
      this.rows = rows;
    }

    @Override
    public java.awt.Paint getItemPaint(int row, int column) {
      return rows.get(column).points() < 0 ? DOWN : UP;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D area, CategoryPlot plot,
        CategoryAxis domain, ValueAxis range, CategoryDataset dataset, int row, int column, int pass) {
      super.drawItem(g2, state, area, plot, domain, range, dataset, row, column, pass);
      Difference d = rows.get(column);
      double top = calculateBarW0(plot, plot.getOrientation(), area, domain, state, 0, column);
      double y = top + state.getBarWidth() / 2;
      double cap = state.getBarWidth() * 0.3;
      RectangleEdge edge = plot.getRangeAxisEdge();
      double x0 = range.valueToJava2D(d.lower(), area, edge);
      double x1 = range.valueToJava2D(d.upper(), area, edge);
      g2.setPaint(INK);
      g2.setStroke(new BasicStroke(2f));
      g2.draw(new Line2D.Double(x0, y, x1, y));
      g2.draw(new Line2D.Double(x0, y - cap, x0, y + cap));
      g2.draw(new Line2D.Double(x1, y - cap, x1, y + cap));
    }
  }
}
