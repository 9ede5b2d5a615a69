package dev.jmlebench.leaderboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files the leaderboard writes beside its chart, named after it: for {@code results/leaderboard.png}
 * these are {@code leaderboard.svg}, {@code leaderboard-blocks.png}/{@code .svg} (the heat map),
 * {@code leaderboard.json} and {@code leaderboard.csv}.
 */
record Outputs(Path scorePng, Path scoreSvg, Path blocksPng, Path blocksSvg, Path json, Path csv) {

  static Outputs beside(Path chart) {
    String name = chart.getFileName().toString();
    String stem = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
        : name;
    return new Outputs(chart, chart.resolveSibling(stem + ".svg"), chart.resolveSibling(stem + "-blocks.png"),
        chart.resolveSibling(stem + "-blocks.svg"), chart.resolveSibling(stem + ".json"),
        chart.resolveSibling(stem + ".csv"));
  }

  List<Path> charts() {
    return List.of(scorePng, scoreSvg, blocksPng, blocksSvg);
  }
}
