package dev.jmlebench.leaderboard;

import dev.jmlebench.common.AtomicFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.RunVariant;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leaderboard tables inside a README (SPEC §6). Only the text between each pair of markers changes;
 * every other byte of the file stays as it was. A table whose markers are missing is not written, and the
 * update says which markers to add; a README without any is left untouched, and so is one whose markers
 * are not one well-formed pair per table ({@link ReadmeMarkers}).
 */
public final class ReadmeLeaderboard {
  private ReadmeLeaderboard() {}

  /**
   * Puts one run's rows into the README's tables of its exam, in place of the rows of the same name (and
   * vision flag), and re-sorts them. Called after a run; the rows of other runs stay as the README has them.
   */
  public static ReadmeUpdate upsert(Path readme, ResultFile run) {
    RunVariant variant = RunVariant.of(run.metadata());
    if (!variant.isRanked()) {
      return new ReadmeUpdate(readme, List.of(), false, List.of("a variant run (" + variant.label() + ") is never "
          + "ranked beside the published protocol's runs: see docs/ROBUSTNESS.md"));
    }
    LeaderboardEntry entry = LeaderboardEntry.of(run.metadata().name(), run);
    return apply(readme, List.of(entry.exam()), (kind, exam, body) -> {
      LeaderboardTable table = LeaderboardTable.parse(kind, body,
          readme + ": " + kind.startMarker(exam) + " table");
      return kind.rowOf(entry).map(table::with).orElse(table).lines();
    }, null);
  }

  /** Replaces every exam's tables, and the model × exam table, with the ones built from these runs. */
  static ReadmeUpdate rebuild(Path readme, List<LeaderboardEntry> entries) {
    Map<String, List<LeaderboardEntry>> byExam = ExamMatrix.byExam(entries);
    return apply(readme, List.copyOf(byExam.keySet()),
        (kind, exam, body) -> LeaderboardTable.of(kind, byExam.get(exam)).lines(),
        byExam.size() > 1 ? ExamMatrix.of(entries) : null);
  }

  /** The lines of one exam's table of one kind, given the text between its markers now. */
  private interface TableText {
    List<String> lines(TableKind kind, String exam, String body);
  }

  private static ReadmeUpdate apply(Path readme, List<String> exams, TableText tableFor, ExamMatrix matrix) {
    String original = read(readme);
    String nl = original.contains("\r\n") ? "\r\n" : "\n";
    // Every table this update may write, in the order its report names them.
    Map<ReadmeMarkers.Place, String> names = new LinkedHashMap<>();
    for (String exam : exams) {
      for (TableKind kind : TableKind.values()) {
        names.put(new ReadmeMarkers.Place(kind.startMarker(exam), kind.endMarker(exam)),
            (exams.size() > 1 ? exam + " " : "") + kind.name().toLowerCase(Locale.ROOT));
      }
    }
    if (matrix != null) {
      names.put(new ReadmeMarkers.Place(ExamMatrix.START, ExamMatrix.END), "model × exam");
    }
    Map<ReadmeMarkers.Place, ReadmeMarkers.Pair> found =
        ReadmeMarkers.find(original, readme, List.copyOf(names.keySet()));
    Map<ReadmeMarkers.Place, List<String>> lines = new LinkedHashMap<>();
    for (String exam : exams) {
      for (TableKind kind : TableKind.values()) {
        ReadmeMarkers.Pair p = found.get(new ReadmeMarkers.Place(kind.startMarker(exam), kind.endMarker(exam)));
        if (p != null) {
          lines.put(p.place(), tableFor.lines(kind, exam, original.substring(p.bodyStart(), p.bodyEnd())));
        }
      }
    }
    if (matrix != null && found.containsKey(new ReadmeMarkers.Place(ExamMatrix.START, ExamMatrix.END))) {
      lines.put(new ReadmeMarkers.Place(ExamMatrix.START, ExamMatrix.END), matrix.lines());
    }
    StringBuilder text = new StringBuilder(original);
    // From the last table to the first, so that each splice leaves the earlier offsets as they were.
    List<ReadmeMarkers.Pair> byPosition = new ArrayList<>(found.values());
    byPosition.sort(Comparator.comparingInt(ReadmeMarkers.Pair::bodyStart).reversed());
    for (ReadmeMarkers.Pair p : byPosition) {
      text.replace(p.bodyStart(), p.bodyEnd(), nl + String.join(nl, lines.get(p.place())) + nl);
    }
    List<String> tables = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    names.forEach((place, name) -> {
      if (found.containsKey(place)) {
        tables.add(name + ": " + (place.start().equals(ExamMatrix.START) ? matrix.rows()
            : lines.get(place).size() - 2) + " rows");
      } else {
        missing.add(place.start() + " … " + place.end());
      }
    });
    List<String> warnings = new ArrayList<>();
    if (tables.isEmpty()) {
      warnings.add(readme + ": no leaderboard markers, file left untouched; add the lines "
          + String.join(" and ", missing) + " (each on its own line) where the tables belong");
    } else if (!missing.isEmpty()) {
      warnings.add(readme + ": no " + String.join(" and ", missing) + " markers; "
          + (missing.size() == 1 ? "that table was" : "those tables were") + " not written");
    }
    boolean changed = !text.toString().equals(original);
    if (changed) {
      AtomicFiles.write(readme, text.toString().getBytes(StandardCharsets.UTF_8)); // keeps the file's permissions
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
