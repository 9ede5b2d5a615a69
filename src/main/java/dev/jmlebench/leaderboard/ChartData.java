package dev.jmlebench.leaderboard;

import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Tally;
import dev.jmlebench.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the charts show, worked out apart from drawing them: one bar group per run of the leaderboard, in
 * its order (score, highest first), then the runs that skipped image questions, which have no all-questions
 * score.
 *
 * @param exam the exam charted: its blocks, which are required, and its counts of questions
 * @param passMark the lowest share of all points a passing run can have (see {@link ChartScales#passMark})
 */
record ChartData(ExamSpec exam, List<Run> runs, double passMark, String passMarkText) {

  /**
   * One run as charted.
   *
   * @param label the display name, marked {@code (blind)} or {@code (no images)} unless the model saw the images
   * @param allQuestions the score share over all questions, or null for a run that skipped image questions
   * @param allQuestionsCi the 95% bootstrap interval of {@code allQuestions} (the error bar), or null when
   *     there is no all-questions score or no question to resample
   * @param blockAccuracy accuracy per block of the exam, in its order; null for a block the run has no questions of
   */
  record Run(String label, Double allQuestions, Interval allQuestionsCi, double textOnly, boolean passed,
      Map<String, Double> blockAccuracy) {}

  ChartData {
    runs = List.copyOf(runs);
  }

  /** {@code statistics}: each run's intervals by its source file name; a run without any has no error bar. */
  static ChartData of(List<LeaderboardEntry> entries, Map<String, RunIntervals> statistics,
      ExamCriteria criteria) {
    List<LeaderboardEntry> shown = new ArrayList<>(LeaderboardTable.standing(TableKind.ALL, entries));
    Set<String> names = shown.stream().map(LeaderboardEntry::name).collect(Collectors.toSet());
    LeaderboardTable.standing(TableKind.TEXT, entries).stream()
        .filter(e -> e.imageMode() == ImageMode.SKIP && !names.contains(e.name()))
        .forEach(shown::add);
    ExamSpec exam = Exams.get(criteria.exam());
    List<Run> runs = new ArrayList<>();
    for (LeaderboardEntry e : shown) {
      TableRow text = TableKind.TEXT.rowOf(e).orElseThrow();
      Double all = TableKind.ALL.rowOf(e).map(r -> r.score().ratio()).orElse(null);
      Map<String, Double> blocks = new LinkedHashMap<>();
      for (String b : exam.blockNames()) {
        Tally t = e.summary().byBlock().get(b);
        blocks.put(b, t == null || t.total() == 0 ? null : t.accuracy());
      }
      RunIntervals stats = statistics.get(e.source());
      Interval ci = all == null || stats == null ? null : stats.scorePct();
      runs.add(new Run(label(e), all, ci, text.score().ratio(), e.summary().passed(), blocks));
    }
    return new ChartData(exam, runs, ChartScales.passMark(criteria), ChartScales.passMarkPoints(criteria));
  }

  private static String label(LeaderboardEntry e) {
    return switch (e.imageMode()) {
      case VISION -> e.name();
      case BLIND -> e.name() + " (blind)";
      case SKIP -> e.name() + " (no images)";
    };
  }

  /** Every piece of text a chart may draw, for choosing a font that has all its characters. */
  String allText() {
    StringBuilder sb = new StringBuilder(ChartText.ALL_FIXED_TEXT).append(exam.id()).append(passMarkText)
        .append(ChartText.allQuestions(exam)).append(ChartText.textOnly(exam)).append(ChartText.heatMapSubtitle(exam));
    exam.blockNames().forEach(b -> sb.append(ChartText.blockLabel(exam, b)));
    runs.forEach(r -> sb.append(r.label()));
    return sb.toString();
  }
}
