package dev.jmlebench.leaderboard;

import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.score.Scorer;
import dev.jmlebench.score.Summary;
import dev.jmlebench.score.Tally;
import java.util.List;
import java.util.Optional;

/**
 * The two leaderboard tables of SPEC §6: their markers, header, and which figures of a run fill a row.
 * These rules live here and nowhere else. Each exam has its own pair of tables: the 120th's markers are
 * JMLE2026-Bench's own ({@code leaderboard-all}), another exam's carry its id ({@code leaderboard-119-all}).
 */
enum TableKind {
  /** All the exam's questions; blind and vision runs only. */
  ALL("leaderboard-all", List.of("Model", "Vision", "Score", "Accuracy")),
  /** The text-only questions (302 of the 120th's 400); every run. */
  TEXT("leaderboard-text", List.of("Model", "Score", "Accuracy"));

  static final String VISION_MARK = "✓";
  static final String NO_VISION_MARK = "-";

  private final String id;
  private final List<String> header;

  TableKind(String id, List<String> header) {
    this.id = id;
    this.header = header;
  }

  /** The exam whose tables use the upstream README's markers, without an exam id. */
  static final String UPSTREAM_EXAM = "120";

  String startMarker(String exam) {
    return "<!-- " + id(exam) + "-start -->";
  }

  String endMarker(String exam) {
    return "<!-- " + id(exam) + "-end -->";
  }

  private String id(String exam) {
    return exam.equals(UPSTREAM_EXAM) ? id : id.replaceFirst("^leaderboard-", "leaderboard-" + exam + "-");
  }

  List<String> header() {
    return header;
  }

  int columns() {
    return header.size();
  }

  /** The header line and the separator line: each header's dashes, at least 4. */
  List<String> headerLines() {
    StringBuilder names = new StringBuilder("|");
    StringBuilder dashes = new StringBuilder("|");
    for (String h : header) {
      names.append(' ').append(h).append(" |");
      dashes.append("-".repeat(Math.max(4, h.length()))).append('|');
    }
    return List.of(names.toString(), dashes.toString());
  }

  /** The row a run contributes to this table; none for a skip run in the all-questions table. */
  Optional<TableRow> rowOf(LeaderboardEntry e) {
    Summary s = e.summary();
    if (this == ALL) {
      if (e.imageMode() == ImageMode.SKIP) {
        return Optional.empty();
      }
      return Optional.of(new TableRow(e.label(), s.passed(), e.imageMode() == ImageMode.VISION,
          new Fraction(s.score(), s.scoreMax()), new Fraction(s.correct(), s.attempted())));
    }
    if (e.imageMode() == ImageMode.SKIP) {
      return Optional.of(new TableRow(e.label(), false, null,
          new Fraction(s.score(), s.scoreMax()), new Fraction(s.correct(), s.attempted())));
    }
    Tally text = s.byImage().getOrDefault(Scorer.TEXT_ONLY, new Tally(0, 0));
    return Optional.of(new TableRow(e.label(), false, null,
        new Fraction(s.textOnlyScore(), s.textOnlyScoreMax()), new Fraction(text.correct(), text.total())));
  }
}
