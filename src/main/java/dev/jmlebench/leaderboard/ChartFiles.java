package dev.jmlebench.leaderboard;

import dev.jmlebench.common.AtomicFiles;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG and as SVG, each atomically. */
final class ChartFiles {
  private ChartFiles() {}

  static void writePng(JFreeChart chart, int width, int height, Path file) {
    ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 16);
    try {
      ChartUtils.writeChartAsPNG(png, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.write(file, png.toByteArray());
  }

  static void writeSvg(JFreeChart chart, int width, int height, Path file) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    // Clip and gradient ids default to a prefix taken from the clock, so every rebuild would change the
    // file; one from the file's name keeps a rebuild of unchanged data byte-identical, and two charts on
    // one page distinct.
    g2.setDefsKeyPrefix(file.getFileName().toString().replaceAll("[^A-Za-z0-9]", "-") + "-");
    // A viewer without the font used for the PNG still draws the text, in its own sans-serif.
    g2.setFontFunction(family -> "\"" + family + "\", sans-serif");
    chart.draw(g2, new Rectangle(width, height));
    AtomicFiles.write(file, g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
  }
}
