package dev.jmlebench.leaderboard;

import java.nio.file.Path;
import java.util.List;

/**
 * What a README update did.
 *
 * @param tables the tables found between their markers, each with its new row count, e.g. {@code all: 8 rows}
 * @param changed whether the file was rewritten (false when nothing differed or no markers were found)
 * @param warnings one line each, e.g. which markers to add
 */
public record ReadmeUpdate(Path readme, List<String> tables, boolean changed, List<String> warnings) {
  public ReadmeUpdate {
    tables = List.copyOf(tables);
    warnings = List.copyOf(warnings);
  }
}
