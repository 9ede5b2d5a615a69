package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Summary;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exam's README tables between its own markers, and the model × exam table across them. */
class ExamTablesTest {
  @TempDir Path tmp;

  private static LeaderboardEntry entry(String file, String exam) {
    ResultFile f = ResultFiles.read(SharedData.results().resolve(file));
    return new LeaderboardEntry(exam + "/" + file, f.metadata(), f.summary(),
        ImageMode.fromWireName(f.metadata().imageMode()), exam);
  }

  private static String table(String text, String start, String end) {
    return text.substring(text.indexOf(start) + start.length(), text.indexOf(end)).strip();
  }

  @Test
  void theMarkersOfThe120thAreTheUpstreamsAndAnotherExamsCarryItsId() {
    assertThat(TableKind.ALL.startMarker("120")).isEqualTo("<!-- leaderboard-all-start -->");
    assertThat(TableKind.TEXT.endMarker("120")).isEqualTo("<!-- leaderboard-text-end -->");
    assertThat(TableKind.ALL.startMarker("119")).isEqualTo("<!-- leaderboard-119-all-start -->");
    assertThat(TableKind.TEXT.endMarker("119")).isEqualTo("<!-- leaderboard-119-text-end -->");
  }

  @Test
  void eachExamsRunsGoIntoItsOwnTablesAndTheMatrixSetsThemSideBySide() throws IOException {
    List<LeaderboardEntry> entries = new ArrayList<>();
    entries.add(entry("Qwen_Qwen3-32B.json", "120"));
    entries.add(entry("anthropic_claude-opus-4.6.json", "120"));
    LeaderboardEntry qwen119 = entry("Qwen_Qwen3.5-27B_nothink.json", "119");
    entries.add(new LeaderboardEntry(qwen119.source(), entry("Qwen_Qwen3-32B.json", "120").metadata(),
        qwen119.summary(), qwen119.imageMode(), "119"));
    Path readme = tmp.resolve("README.md");
    String markers = "# x\n\n<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n"
        + "<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n"
        + "## 119\n<!-- leaderboard-119-all-start -->\n<!-- leaderboard-119-all-end -->\n"
        + "<!-- leaderboard-119-text-start -->\n<!-- leaderboard-119-text-end -->\n"
        + "## across\n<!-- leaderboard-exams-start -->\n<!-- leaderboard-exams-end -->\ntail\n";
    Files.writeString(readme, markers);

    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme, entries);

    assertThat(u.warnings()).isEmpty();
    assertThat(u.tables()).containsExactly("120 all: 2 rows", "120 text: 2 rows", "119 all: 1 rows",
        "119 text: 1 rows", "model × exam: 2 rows");
    String text = Files.readString(readme);
    String all120 = table(text, "<!-- leaderboard-all-start -->", "<!-- leaderboard-all-end -->");
    assertThat(all120.lines()).hasSize(4).anyMatch(l -> l.contains("Qwen3-32B")).noneMatch(l -> l.contains("27B"));
    String all119 = table(text, "<!-- leaderboard-119-all-start -->", "<!-- leaderboard-119-all-end -->");
    Summary s119 = qwen119.summary();
    assertThat(all119.lines()).hasSize(3);
    assertThat(all119.lines().toList().get(2)).contains(s119.score() + "/" + s119.scoreMax());
    String matrix = table(text, ExamMatrix.START, ExamMatrix.END);
    Summary s120 = entry("Qwen_Qwen3-32B.json", "120").summary();
    String name = entry("Qwen_Qwen3-32B.json", "120").name();
    LeaderboardEntry opus = entry("anthropic_claude-opus-4.6.json", "120");
    assertThat(matrix.lines().toList()).containsExactly(
        "| Model | 120 | 119 | Mean (95% CI over exams) |",
        "|-----|----|----|-----|",
        "| " + opus.name() + " | " + Percent.format(opus.summary().scorePct()) + " ✓ | - | "
            + Percent.format(opus.summary().scorePct()) + " |",
        "| " + name + " | " + Percent.format(s120.scorePct()) + (s120.passed() ? " ✓" : " ✗")
            + " | " + Percent.format(s119.scorePct()) + (s119.passed() ? " ✓" : " ✗") + " | "
            + Percent.format((s120.scorePct() + s119.scorePct()) / 2) + " |");
    assertThat(text).endsWith("<!-- leaderboard-exams-end -->\ntail\n");
  }

  @Test
  void aReadmeWithoutAnExamsMarkersSaysWhichToAddAndWritesTheOthers() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n"
        + "<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n");
    ReadmeUpdate u = ReadmeLeaderboard.rebuild(readme,
        List.of(entry("Qwen_Qwen3-32B.json", "120"), entry("Qwen_Qwen3-32B.json", "119")));
    assertThat(u.tables()).containsExactly("120 all: 1 rows", "120 text: 1 rows");
    assertThat(u.warnings()).singleElement().asString()
        .contains("<!-- leaderboard-119-all-start --> … <!-- leaderboard-119-all-end -->")
        .contains("<!-- leaderboard-exams-start -->")
        .endsWith("those tables were not written");
  }
}
