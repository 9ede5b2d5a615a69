package dev.jmlebench.leaderboard;

import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.Percent;
import dev.jmlebench.stats.MeanOverExams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model × exam table: for each display name, its score percentage and pass verdict on every exam it
 * sat, so that a model's results across years sit side by side (a year far above the others can hint at
 * contamination). A cell shows the newest all-questions run (blind or vision, as the exam's table ranks it)
 * with the best score of that name; skip runs answer fewer questions and are left out. Exams newest first.
 */
public final class ExamMatrix {
  static final String START = "<!-- leaderboard-exams-start -->";
  static final String END = "<!-- leaderboard-exams-end -->";
  static final String PASS = "✓";
  static final String FAIL = "✗";

  /** One cell: the run's score percentage and whether it passed both criteria. */
  public record Cell(String exam, double scorePct, boolean passed, String source) {
    /** The score as tables print it, {@code 90.2%}. */
    public String scorePctText() {
      return Percent.format(scorePct);
    }

    String render() {
      return scorePctText() + " " + (passed ? PASS : FAIL);
    }
  }

  /** One row: a display name and its cells by exam. */
  public record Row(String name, Map<String, Cell> cells) {
    /** The mean score share over the exams of the row, with its 95% interval over the years. */
    public MeanOverExams mean() {
      return MeanOverExams.of(cells.values().stream().map(Cell::scorePct).toList());
    }

    /** The mean as tables print it: {@code 80.1%}, with {@code  (72.0%–88.2%)} from three exams on. */
    public String meanText() {
      MeanOverExams m = mean();
      return Percent.format(m.mean())
          + (m.hasInterval() ? " (" + Percent.format(m.low()) + "–" + Percent.format(m.high()) + ")" : "");
    }
  }


  private final List<String> exams;
  private final List<Row> rows;

  private ExamMatrix(List<String> exams, List<Row> rows) {
    this.exams = List.copyOf(exams);
    this.rows = List.copyOf(rows);
  }

  /** Entries by exam, newest exam first. */
  static Map<String, List<LeaderboardEntry>> byExam(List<LeaderboardEntry> entries) {
    Map<String, List<LeaderboardEntry>> out = new TreeMap<>(Exams.NEWEST_FIRST);
    entries.forEach(e -> out.computeIfAbsent(e.exam(), k -> new ArrayList<>()).add(e));
    return out;
  }


  public static ExamMatrix of(List<LeaderboardEntry> entries) {
    Map<String, List<LeaderboardEntry>> byExam = byExam(entries);
    Map<String, Map<String, Cell>> byName = new TreeMap<>();
    byExam.forEach((exam, runs) -> {
      for (LeaderboardEntry e : LeaderboardTable.standing(TableKind.ALL, runs)) {
        if (e.imageMode() == ImageMode.SKIP) {
          continue;
        }
        Cell cell = new Cell(exam, e.summary().scorePct(), e.summary().passed(), e.source());
        byName.computeIfAbsent(e.name(), k -> new TreeMap<>())
            .merge(exam, cell, (a, b) -> a.scorePct() >= b.scorePct() ? a : b);
      }
    });
    List<Row> rows = new ArrayList<>();
    byName.forEach((name, cells) -> rows.add(new Row(name, cells)));
    return new ExamMatrix(List.copyOf(byExam.keySet()), rows);
  }

  public List<String> exams() {
    return exams;
  }

  public List<Row> rowList() {
    return rows;
  }

  int rows() {
    return rows.size();
  }

  /**
   * The Markdown table, rows by name: {@code | Model | 120 | 119 |}, separators of at least 4 dashes as in
   * the exams' tables, a cell {@code 90.2% ✓} (passed) or {@code 66.4% ✗}, {@code -} where a model did not sit;
   * last the mean over the exams it sat, with a 95% t-interval over them from three exams on.
   */
  List<String> lines() {
    StringBuilder header = new StringBuilder("| Model |");
    StringBuilder dashes = new StringBuilder("|-----|");
    for (String exam : exams) {
      header.append(' ').append(exam).append(" |");
      dashes.append("-".repeat(Math.max(4, exam.length()))).append('|');
    }
    header.append(" Mean (95% CI over exams) |");
    dashes.append("-----|");
    List<String> out = new ArrayList<>(List.of(header.toString(), dashes.toString()));
    for (Row r : rows) {
      StringBuilder line = new StringBuilder("| ").append(r.name()).append(" |");
      for (String exam : exams) {
        Cell c = r.cells().get(exam);
        line.append(' ').append(c == null ? "-" : c.render()).append(" |");
      }
      line.append(' ').append(r.meanText()).append(" |");
      out.add(line.toString());
    }
    return out;
  }
}
