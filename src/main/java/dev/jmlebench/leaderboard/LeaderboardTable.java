package dev.jmlebench.leaderboard;

import dev.jmlebench.common.UserError;
import dev.jmlebench.score.Ranking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of one leaderboard table, highest score percentage first. Sorting is stable, so rows with equal
 * percentages keep the order they came in: the order of their result files' names when built from a folder.
 */
final class LeaderboardTable {
  private static final Comparator<TableRow> HIGHEST_FIRST =
      Comparator.comparingDouble((TableRow r) -> r.score().ratio()).reversed();
  private static final Pattern CELL = Pattern.compile("(\\d+)/(\\d+) \\([0-9.]+%\\)");

  private final TableKind kind;
  private final List<TableRow> rows;

  private LeaderboardTable(TableKind kind, List<TableRow> rows) {
    this.kind = kind;
    List<TableRow> sorted = new ArrayList<>(rows);
    sorted.sort(HIGHEST_FIRST);
    this.rows = List.copyOf(sorted);
  }

  /** The table of these runs: the newest run of each name (and vision flag), in table order. */
  static LeaderboardTable of(TableKind kind, List<LeaderboardEntry> entries) {
    return new LeaderboardTable(kind, standing(kind, entries).stream().map(e -> kind.rowOf(e).orElseThrow()).toList());
  }

  /**
   * The runs a table shows, in its order ({@link Ranking}): of the runs with the same row key the newest one
   * (by timestamp, then file name), and ties in percentage in the order of the files' names.
   */
  static List<LeaderboardEntry> standing(TableKind kind, List<LeaderboardEntry> entries) {
    Map<TableRow.Key, LeaderboardEntry> newest = new LinkedHashMap<>();
    for (LeaderboardEntry e : entries) {
      kind.rowOf(e).ifPresent(row -> newest.merge(row.key(), e,
          (a, b) -> LeaderboardEntry.OLDEST_FIRST.compare(a, b) <= 0 ? b : a));
    }
    List<LeaderboardEntry> chosen = new ArrayList<>(newest.values());
    chosen.sort(Ranking.highestFirst(e -> kind.rowOf(e).orElseThrow().score().ratio(), LeaderboardEntry::source));
    return chosen;
  }

  TableKind kind() {
    return kind;
  }

  List<TableRow> rows() {
    return rows;
  }

  /** This table with {@code row} in place of the row of the same key, or added; then re-sorted. */
  LeaderboardTable with(TableRow row) {
    List<TableRow> out = new ArrayList<>(rows);
    int at = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).key().equals(row.key())) {
        at = i;
        break;
      }
    }
    if (at >= 0) {
      out.set(at, row);
    } else {
      out.add(row);
    }
    return new LeaderboardTable(kind, out);
  }

  /** The header, the separator and one line per row. */
  List<String> lines() {
    List<String> out = new ArrayList<>(kind.headerLines());
    rows.forEach(r -> out.add(r.render()));
    return out;
  }

  /**
   * Reads the rows of a table as this class writes them: the lines that start with {@code |}, less the
   * first (the header) and the separator. {@code where} names the file and table in errors.
   */
  static LeaderboardTable parse(TableKind kind, String body, String where) {
    List<TableRow> rows = new ArrayList<>();
    boolean headerSeen = false;
    for (String line : body.split("\r?\n")) {
      String t = line.strip();
      if (!t.startsWith("|") || t.matches("\\|[-:| ]+\\|")) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      rows.add(parseRow(kind, t).orElseThrow(() ->
          new UserError(where + ": cannot read the row '" + t + "'; expected "
              + String.join(" | ", kind.header()) + " with cells like 451/500 (90.2%)")));
    }
    return new LeaderboardTable(kind, rows);
  }

  private static Optional<TableRow> parseRow(TableKind kind, String line) {
    if (!line.endsWith("|") || line.length() < 2) {
      return Optional.empty();
    }
    String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
    if (cells.length != kind.columns()) {
      return Optional.empty();
    }
    String name = cells[0].strip();
    boolean bold = name.length() > 4 && name.startsWith("**") && name.endsWith("**");
    if (bold) {
      name = name.substring(2, name.length() - 2);
    }
    Boolean vision = null;
    int next = 1;
    if (kind == TableKind.ALL) {
      String v = cells[next++].strip();
      if (!v.equals(TableKind.VISION_MARK) && !v.equals(TableKind.NO_VISION_MARK)) {
        return Optional.empty();
      }
      vision = v.equals(TableKind.VISION_MARK);
    }
    Optional<Fraction> score = fraction(cells[next]);
    Optional<Fraction> accuracy = fraction(cells[next + 1]);
    if (name.isEmpty() || score.isEmpty() || accuracy.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TableRow(name, bold, vision, score.get(), accuracy.get()));
  }

  private static Optional<Fraction> fraction(String cell) {
    Matcher m = CELL.matcher(cell.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Fraction(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
