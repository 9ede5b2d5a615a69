package dev.jmlebench.leaderboard;

import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The leaderboard tables inside a README (SPEC §6). Only the text between each pair of markers changes;
 * every other byte of the file stays as it was. A table whose markers are missing is not written, and the
 * update says which markers to add; a README without any is left untouched.
 */
public final class ReadmeLeaderboard {
  private ReadmeLeaderboard() {}

  /**
   * Puts one run's rows into the README's tables, in place of the rows of the same name (and vision flag),
   * and re-sorts them. Called after a run; the rows of other runs stay as the README has them.
   */
  public static ReadmeUpdate upsert(Path readme, ResultFile run) {
    LeaderboardEntry entry = LeaderboardEntry.of(run.metadata().name(), run);
    return apply(readme, (kind, body) -> {
      LeaderboardTable table = LeaderboardTable.parse(kind, body, readme + ": " + kind.startMarker() + " table");
      return kind.rowOf(entry).map(table::with).orElse(table);
    });
  }

  /** Replaces both tables with the ones built from these runs. */
  static ReadmeUpdate rebuild(Path readme, List<LeaderboardEntry> entries) {
    return apply(readme, (kind, body) -> LeaderboardTable.of(kind, entries));
  }

  private static ReadmeUpdate apply(Path readme, BiFunction<TableKind, String, LeaderboardTable> tableFor) {
    String original = read(readme);
    String nl = original.contains("\r\n") ? "\r\n" : "\n";
    String text = original;
    List<String> tables = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (TableKind kind : TableKind.values()) {
      int start = text.indexOf(kind.startMarker());
      int end = text.indexOf(kind.endMarker());
      if (start < 0 || end < start + kind.startMarker().length()) {
        missing.add(kind.startMarker() + " … " + kind.endMarker());
        continue;
      }
      int bodyStart = start + kind.startMarker().length();
      LeaderboardTable table = tableFor.apply(kind, text.substring(bodyStart, end));
      text = text.substring(0, bodyStart) + nl + String.join(nl, table.lines()) + nl + text.substring(end);
      tables.add(kind.name().toLowerCase(Locale.ROOT) + ": " + table.rows().size() + " rows");
    }
    List<String> warnings = new ArrayList<>();
    if (tables.isEmpty()) {
      warnings.add(readme + ": no leaderboard markers, file left untouched; add the lines "
          + String.join(" and ", missing) + " (each on its own line) where the tables belong");
    } else if (!missing.isEmpty()) {
      warnings.add(readme + ": no " + String.join(" and ", missing) + " markers; that table was not written");
    }
    boolean changed = !text.equals(original);
    if (changed) {
      AtomicFiles.write(readme, text.getBytes(StandardCharsets.UTF_8)); // keeps the file's permissions
    }
    return new ReadmeUpdate(readme, tables, changed, warnings);
  }

  private static String read(Path readme) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(readme)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new UserError(readme + ": no such README file");
    } catch (CharacterCodingException e) {
      throw new UserError(readme + ": not UTF-8 text; the leaderboard tables are only written into UTF-8 files");
    } catch (IOException e) {
      throw new UserError(readme + ": cannot read: " + e.getMessage());
    }
  }
}
