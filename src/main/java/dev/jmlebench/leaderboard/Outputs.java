package dev.jmlebench.leaderboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The files the leaderboard writes beside its chart, named after it: for {@code results/leaderboard.png}
 * these are {@code leaderboard.svg}, {@code leaderboard-blocks.png}/{@code .svg} (the heat map),
 * {@code leaderboard.json} and {@code leaderboard.csv}.
 */
record Outputs(Path scorePng, Path scoreSvg, Path blocksPng, Path blocksSvg, Path json, Path csv) {

  static Outputs beside(Path chart) {
    String stem = stem(chart);
    return new Outputs(chart, chart.resolveSibling(stem + ".svg"), chart.resolveSibling(stem + "-blocks.png"),
        chart.resolveSibling(stem + "-blocks.svg"), chart.resolveSibling(stem + ".json"),
        chart.resolveSibling(stem + ".csv"));
  }

  /**
   * The outputs of one exam of a folder that holds several: the primary exam's are these, another's are
   * named after the chart with {@code -<exam>} added ({@code leaderboard-119.png}, {@code leaderboard-119.json}).
   * With no primary exam (not known yet), the 120th's are these.
   */
  Outputs ofExam(String exam, String primary) {
    if (exam.equals(primary) || primary == null && exam.equals(TableKind.UPSTREAM_EXAM)) {
      return this;
    }
    return beside(scorePng.resolveSibling(stem(scorePng) + "-" + exam + ".png"));
  }

  /**
   * Where the previous build left an exam's intervals: its own export, else the plain one (a folder that held
   * one exam; rows of another exam or criteria never match there, so reading it only costs recomputing).
   */
  Path earlierExport(String exam) {
    Path own = ofExam(exam, null).json();
    return Files.isRegularFile(own) ? own : json;
  }

  /** Whether a file is one of these exports or an exam's ({@code leaderboard.json}, {@code leaderboard-119.json}). */
  boolean isExport(Path file) {
    String stem = stem(scorePng);
    Path dir = scorePng.toAbsolutePath().normalize().getParent();
    Path f = file.toAbsolutePath().normalize();
    String name = f.getFileName().toString();
    return f.getParent().equals(dir) && (name.equals(stem + ".json") || name.matches(Pattern.quote(stem)
        + "-\\d+\\.json"));
  }

  private static String stem(Path chart) {
    String name = chart.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
  }

  List<Path> charts() {
    return List.of(scorePng, scoreSvg, blocksPng, blocksSvg);
  }
}
