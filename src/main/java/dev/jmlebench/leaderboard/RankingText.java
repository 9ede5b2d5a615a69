package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.Styled;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranking {@code leaderboard} prints, as lm-eval prints its results: one exam's runs in the order and
 * selection of the README's all-questions table (the newest run of each name and vision flag, highest score
 * first), with the 95% interval of the score, the verdict and the probability of passing. Columns are as wide
 * as their widest cell, so a table of short names fits 80 columns.
 */
final class RankingText {
  private static final List<String> HEADER = List.of("#", "Model", "Vision", "Score", "95% CI", "Pass", "P(pass)");

  private RankingText() {}

  /**
   * The lines of one exam's ranking: a title, the header, a row per run, and a note on the runs the
   * all-questions table leaves out (image mode skip).
   */
  static List<String> of(String exam, String key, List<LeaderboardEntry> runs, Map<String, RunIntervals> intervals) {
    List<LeaderboardEntry> ranked = LeaderboardTable.standing(TableKind.ALL, runs);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      LeaderboardEntry e = ranked.get(i);
      Summary s = e.summary();
      RunIntervals ci = intervals.get(e.source());
      rows.add(List.of(String.valueOf(i + 1), e.label(),
          e.imageMode() == ImageMode.VISION ? TableKind.VISION_MARK : TableKind.NO_VISION_MARK,
          s.score() + "/" + s.scoreMax() + " (" + Percent.format(s.scorePct()) + ")",
          ci == null ? "—" : scoreInterval(ci.json()),
          s.requiredPass() == null || s.generalPass() == null ? "—" : s.passed() ? "PASS" : "FAIL",
          ci == null || ci.json().path("pass_probability").isNull() ? "—"
              : String.format(Locale.ROOT, "%.4f", ci.json().path("pass_probability").doubleValue())));
    }
    int[] width = new int[HEADER.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = HEADER.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).codePointCount(0, row.get(c).length()));
      }
    }
    List<String> lines = new ArrayList<>();
    long skipped = runs.stream().filter(e -> e.imageMode() == ImageMode.SKIP).count();
    lines.add("The " + ExamOrdinal.of(exam) + " exam, graded with the " + key + " key: " + ranked.size()
        + (ranked.size() == 1 ? " run" : " runs"));
    lines.add(line(HEADER, width));
    rows.forEach(r -> lines.add(line(r, width)));
    if (skipped > 0) {
      lines.add("(" + skipped + (skipped == 1 ? " run" : " runs") + " with --image-mode skip: ranked in the "
          + "text-only table of the exports)");
    }
    return lines;
  }

  private static String scoreInterval(JsonNode json) {
    JsonNode ci = json.path("score_ci");
    return ci.path(0).asInt() + "–" + ci.path(1).asInt();
  }

  /** Numbers right-aligned, text left-aligned; PASS and FAIL coloured where the terminal takes colour. */
  private static String line(List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      int pad = width[c] - cell.codePointCount(0, cell.length());
      boolean right = c == 0 || c == 3 || c == 4 || c == 6;
      String shown = cell.equals("PASS") ? Styled.good(cell) : cell.equals("FAIL") ? Styled.bad(cell) : cell;
      if (c > 0) {
        sb.append("  ");
      }
      sb.append(right ? " ".repeat(pad) + shown : shown + (c == cells.size() - 1 ? "" : " ".repeat(pad)));
    }
    return sb.toString().stripTrailing();
  }
}
