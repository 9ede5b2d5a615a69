package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeLeaderboardTest {
  private static final String EMPTY_TABLES = ExpectedLeaderboard.readme(List.of(), List.of());

  @TempDir Path tmp;

  private static List<LeaderboardEntry> publishedEntries() {
    return entries(SharedData.publishedResults());
  }

  private static List<LeaderboardEntry> eightEntries() {
    return entries(ExpectedLeaderboard.eight());
  }

  private static List<LeaderboardEntry> entries(List<Path> files) {
    return files.stream().map(f -> LeaderboardEntry.of(f.getFileName().toString(), ResultFiles.read(f))).toList();
  }

  @Test
  void emptyTablesFilledFromThePublishedFilesGiveThePublishedRows() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, EMPTY_TABLES);
    List<ExpectedLeaderboard.Run> runs = ExpectedLeaderboard.read(SharedData.publishedResults());

    Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-r--r--"));

    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme, publishedEntries());

    assertThat(u.warnings()).isEmpty();
    assertThat(u.changed()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readme))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(readme)).isEqualTo(
        ExpectedLeaderboard.readme(ExpectedLeaderboard.allRows(runs), ExpectedLeaderboard.textRows(runs)));
  }

  @Test
  void publishedRowsCheckedByHand() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, EMPTY_TABLES);

    ReadmeLeaderboard.rebuild(readme, eightEntries());

    String text = Files.readString(readme);
    assertThat(Percent.format(0.9125)).isEqualTo("91.2%");
    assertThat(text).contains("""
        | **Claude Opus 4.6** | ✓ | 493/500 (98.6%) | 393/400 (98.2%) |
        | **Gemini 3.1 Pro Preview** | ✓ | 490/500 (98.0%) | 390/400 (97.5%) |
        """);
    assertThat(text).contains("| **Qwen3-32B** | - | 451/500 (90.2%) | 355/400 (88.8%) |\n"
        + "| **Preferred-MedRECT-32B** | - | 449/500 (89.8%) | 357/400 (89.2%) |\n");
    // Equal text-only percentages (99.2%) keep the order of the file names: anthropic_… before google_….
    assertThat(text).contains("""
        | Claude Opus 4.6 | 379/382 (99.2%) | 299/302 (99.0%) |
        | Gemini 3.1 Pro Preview | 379/382 (99.2%) | 299/302 (99.0%) |
        """);
    // In the text-only table Preferred-MedRECT-32B (91.9%) overtakes Qwen3-32B (91.6%).
    assertThat(text.indexOf("| Preferred-MedRECT-32B | 351/382 (91.9%)"))
        .isLessThan(text.indexOf("| Qwen3-32B | 350/382 (91.6%)"));
  }

  @Test
  void textOutsideTheMarkersIsKeptByteForByte() throws IOException {
    Path readme = tmp.resolve("README.md");
    String before = "\uFEFF# Bench\r\n\r\nintro with trailing spaces   \r\n| not | ours |\r\n<!-- leaderboard-all-start -->";
    String middle = "<!-- leaderboard-all-end -->\r\n\t全角　テキスト\r\n<!-- leaderboard-text-start -->"
        + "\r\nold rows\r\n";
    String after = "<!-- leaderboard-text-end -->\r\nno final newline";
    Files.write(readme, (before + "\r\nstale\r\n" + middle + after).getBytes(StandardCharsets.UTF_8));

    ReadmeLeaderboard.rebuild(readme, publishedEntries());

    String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
    assertThat(text).startsWith(before + "\r\n| Model | Vision | Score | Accuracy |\r\n");
    assertThat(text).contains("\r\n" + middle.substring(0, middle.indexOf("<!-- leaderboard-text-start -->")));
    assertThat(text).endsWith(" |\r\n" + after);
    assertThat(text).doesNotContain("stale").doesNotContain("old rows");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aReadmeWithoutMarkersIsLeftUntouchedWithAWarningNamingThem() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "# Bench\n\n| Model | Score |\n");
    FileTime mtime = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(readme, mtime);

    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme, publishedEntries());

    assertThat(Files.readString(readme)).isEqualTo("# Bench\n\n| Model | Score |\n");
    assertThat(Files.getLastModifiedTime(readme)).isEqualTo(mtime);
    assertThat(u.changed()).isFalse();
    assertThat(u.tables()).isEmpty();
    assertThat(u.warnings()).singleElement().asString()
        .contains(readme.toString(), "left untouched", "<!-- leaderboard-all-start -->",
            "<!-- leaderboard-all-end -->", "<!-- leaderboard-text-start -->", "<!-- leaderboard-text-end -->");
  }

  @Test
  void aReadmeWithOnlyTheAllQuestionsMarkersGetsThatTableAndAWarningForTheOther() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n");

    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme, eightEntries());

    assertThat(Files.readString(readme)).contains("| **Claude Opus 4.6** | ✓ |").doesNotContain("| Claude Opus 4.6 |");
    assertThat(u.warnings()).singleElement().asString()
        .contains("<!-- leaderboard-text-start -->", "<!-- leaderboard-text-end -->")
        .doesNotContain("leaderboard-all");
  }

  @Test
  void aRunReplacesTheRowOfTheSameNameAndVisionFlagAndMovesToItsPlace() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "# Intro\n\n" + EMPTY_TABLES + "\nafter\n");
    ReadmeLeaderboard.rebuild(readme, eightEntries());
    String before = Files.readString(readme);
    ResultFile qwen = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    // A rerun of the blind Qwen3-32B that now scores 470/500 and 280/302 on the text-only questions.
    ResultFile rerun = qwen.withSummary(withScores(qwen.summary(), 470, 370, 380));

    ReadmeUpdate u = ReadmeLeaderboard.upsert(readme, rerun);

    String after = Files.readString(readme);
    assertThat(u.warnings()).isEmpty();
    assertThat(after).startsWith("# Intro\n\n").endsWith("\nafter\n");
    assertThat(after).doesNotContain("| **Qwen3-32B** | - | 451/500");
    assertThat(after.lines().filter(l -> l.contains("Qwen3-32B")).toList()).containsExactly(
        "| **Qwen3-32B** | - | 470/500 (94.0%) | 380/400 (95.0%) |",
        "| Qwen3-32B | 370/382 (96.9%) | 274/302 (90.7%) |");
    // 94.0% puts it right below Qwen3.5-122B-A10B (96.2%) and above Qwen3.5-27B (92.8%).
    assertThat(after).contains("| **Qwen3.5-122B-A10B** | ✓ | 481/500 (96.2%) | 383/400 (95.8%) |\n"
        + "| **Qwen3-32B** | - | 470/500 (94.0%) | 380/400 (95.0%) |\n"
        + "| **Qwen3.5-27B (no-think)** | ✓ |");
    assertThat(after.lines().count()).isEqualTo(before.lines().count());
  }

  @Test
  void aVisionRunOfABlindModelAddsAnAllQuestionsRowButReplacesItsTextOnlyRow() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, EMPTY_TABLES);
    ReadmeLeaderboard.rebuild(readme, eightEntries());
    ResultFile qwen = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    ResultFile vision = qwen.withMetadata(new dev.jmlebench.results.RunMetadata(qwen.metadata().model(),
        qwen.metadata().baseUrl(), "20260301_120000", "vision", null, 400, 400, 0, qwen.metadata().displayName(),
        qwen.metadata().extra()));

    ReadmeLeaderboard.upsert(readme, vision);

    String text = Files.readString(readme);
    assertThat(text).contains("| **Qwen3-32B** | ✓ | 451/500 (90.2%)", "| **Qwen3-32B** | - | 451/500 (90.2%)");
    assertThat(text.lines().filter(l -> l.startsWith("| Qwen3-32B |")).count()).isEqualTo(1);
  }

  @Test
  void aNewModelIsInsertedInScoreOrderBelowEqualScores() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, EMPTY_TABLES);
    ReadmeLeaderboard.rebuild(readme, eightEntries());
    ResultFile gemini = ResultFiles.read(SharedData.results().resolve("google_gemini-3.1-pro-preview.json"));
    ResultFile newcomer = gemini.withMetadata(new dev.jmlebench.results.RunMetadata("acme/new-model", null,
        "20260301_000000", "vision", null, 400, 400, 0, null, java.util.Map.of()));

    ReadmeLeaderboard.upsert(readme, newcomer);

    List<String> all = Files.readString(readme).lines().filter(l -> l.contains("| ✓ |") || l.contains("| - |"))
        .map(l -> l.substring(0, l.indexOf(" |", 2))).toList();
    assertThat(all).startsWith("| **Claude Opus 4.6**", "| **Gemini 3.1 Pro Preview**", "| **acme/new-model**",
        "| **GPT-5.2**");
  }

  @Test
  void aRowThatCannotBeReadIsNamedAndTheReadmeIsNotWritten() throws IOException {
    Path readme = tmp.resolve("README.md");
    String text = EMPTY_TABLES.replace("|-----|------|-----|--------|\n",
        "|-----|------|-----|--------|\n| Model X | ✓ | about ninety | 1/2 (50.0%) |\n");
    Files.writeString(readme, text);
    ResultFile gemini = ResultFiles.read(SharedData.results().resolve("google_gemini-3.1-pro-preview.json"));

    assertThatThrownBy(() -> ReadmeLeaderboard.upsert(readme, gemini))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(readme.toString())
        .hasMessageContaining("| Model X | ✓ | about ninety | 1/2 (50.0%) |");
    assertThat(Files.readString(readme)).isEqualTo(text);
  }

  // ---- markers: exactly one well-formed pair per table, outside code -----------------------------------

  private static final String ALL_START = "<!-- leaderboard-all-start -->";
  private static final String ALL_END = "<!-- leaderboard-all-end -->";
  private static final String TEXT_START = "<!-- leaderboard-text-start -->";
  private static final String TEXT_END = "<!-- leaderboard-text-end -->";

  /** Rebuilding {@code text} is refused with one message naming the README and {@code problem}; no byte changes. */
  private void assertRefused(String text, String problem) throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, text);

    assertThatThrownBy(() -> ReadmeLeaderboard.rebuild(readme, eightEntries()))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(readme + ": line ")
        .hasMessageContaining(problem)
        .hasMessageEndingWith("the README was left untouched")
        .message().doesNotContain("\n");
    assertThat(Files.readString(readme)).isEqualTo(text);
  }

  @Test
  void aDuplicatedPairIsRefusedRatherThanLeavingTheSecondStale() throws IOException {
    assertRefused(EMPTY_TABLES + "\n## Again\n\n" + EMPTY_TABLES, "a second " + ALL_START);
  }

  @Test
  void nestedPairsAreRefusedRatherThanDeletingTheTextBetweenThem() throws IOException {
    assertRefused(ALL_START + "\nkeep me\n" + TEXT_START + "\n" + TEXT_END + "\nkeep me too\n" + ALL_END + "\n",
        TEXT_START + " lies between " + ALL_START + " and " + ALL_END);
  }

  @Test
  void interleavedPairsAreRefused() throws IOException {
    assertRefused(ALL_START + "\n" + TEXT_START + "\nprose\n" + ALL_END + "\n" + TEXT_END + "\n",
        "may not nest or interleave");
  }

  @Test
  void aStartWithoutItsEndOrAnEndBeforeItsStartIsRefused() throws IOException {
    assertRefused("# r\n" + ALL_START + "\n\nprose\n", ALL_START + " has no " + ALL_END + " after it");
    assertRefused("# r\n" + ALL_END + "\n" + ALL_START + "\n", ALL_END + " has no " + ALL_START + " before it");
  }

  @Test
  void markersQuotedInInlineCodeOrACodeBlockAreProseNotPlacesForATable() throws IOException {
    Path readme = tmp.resolve("README.md");
    String prose = "# Bench\n\nAdd `" + ALL_START + "` and `" + ALL_END + "` to your README, e.g.\n\n"
        + "```markdown\n" + ALL_START + "\n" + TEXT_START + "\n" + TEXT_END + "\n" + ALL_END + "\n```\n\n"
        + "    " + TEXT_START + "\n    " + TEXT_END + "\n\n";
    Files.writeString(readme, prose + EMPTY_TABLES);

    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme, eightEntries());

    assertThat(u.warnings()).isEmpty();
    String text = Files.readString(readme);
    assertThat(text).startsWith(prose + ALL_START + "\n| Model | Vision | Score | Accuracy |\n");
    assertThat(text).contains("| Claude Opus 4.6 | 379/382 (99.2%) |");
  }

  @Test
  void markersOnlyInCodeCountAsNoMarkers() throws IOException {
    Path readme = tmp.resolve("README.md");
    String prose = "Add `" + ALL_START + "` and `" + ALL_END + "`.\n\n```\n" + TEXT_START + "\n" + TEXT_END
        + "\n```\n";
    Files.writeString(readme, prose);

    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme, eightEntries());

    assertThat(Files.readString(readme)).isEqualTo(prose);
    assertThat(u.changed()).isFalse();
    assertThat(u.warnings()).singleElement().asString().contains("no leaderboard markers, file left untouched");
  }

  /** The summary with other total, text-only and overall correct counts; the rest as before. */
  private static Summary withScores(Summary s, int score, int textOnlyScore, int correct) {
    return new Summary(correct, s.attempted(), score, s.scoreMax(), textOnlyScore, s.textOnlyScoreMax(),
        s.requiredScore(), s.requiredScoreMax(), s.generalScore(), s.generalScoreMax(), s.requiredPass(),
        s.generalPass(), s.parseFailures(), s.errors(), s.byBlock(), s.byType(), s.byImage());
  }
}
