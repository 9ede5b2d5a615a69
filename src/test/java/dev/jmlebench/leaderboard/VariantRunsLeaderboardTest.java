package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.viewer.ViewerData;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: the leaderboard is the published protocol. A variant run (its choices in another order, or in
 * English) beside the published files is never ranked: the README tables, leaderboard.json and the printed
 * ranking are those of the default runs alone, and the run is named as not ranked, with its variant. So with
 * compare --all, the viewer and run --readme; beside its own default run (compare A B), it is named with its variant.
 */
class VariantRunsLeaderboardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aVariantRunBesideThePublishedFilesIsNamedAndNotRanked() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (Path f : ExpectedLeaderboard.eight()) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "# Board\n\n" + ExpectedLeaderboard.readme(List.of(), List.of()));
    Cli.Outcome before = Cli.run("leaderboard", "--results", dir.toString(), "--readme", readme.toString(),
        "--dataset", SharedData.root().toString());
    assertThat(before.exitCode()).as(before.err()).isZero();
    String tables = Files.readString(readme);
    JsonNode board = JSON.readTree(dir.resolve("leaderboard.json").toFile());

    // The same answers, recorded as a run with its choices shown in another order and a name of its own.
    Path source = ExpectedLeaderboard.eight().get(0);
    ObjectNode variant = (ObjectNode) JSON.readTree(source.toFile());
    ((ObjectNode) variant.get("metadata")).put("display_name", "Shuffled Model").put("choice_order", "cyclic:1");
    Files.writeString(dir.resolve("shuffled.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(variant));

    Cli.Outcome r = Cli.run("leaderboard", "--results", dir.toString(), "--readme", readme.toString(),
        "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(readme)).isEqualTo(tables).doesNotContain("Shuffled");
    JsonNode after = JSON.readTree(dir.resolve("leaderboard.json").toFile());
    assertThat(after.get("runs")).hasSize(board.get("runs").size());
    List<String> names = new ArrayList<>();
    after.get("runs").forEach(run -> names.add(run.get("name").asText()));
    assertThat(names).doesNotContain("Shuffled Model");
    assertThat(r.out()).startsWith("The 120th exam, graded with the official key: 8 runs").doesNotContain("Shuffled")
        .contains("not ranked: 1 variant run (another choice order or language than the published protocol's; "
            + "see docs/ROBUSTNESS.md): shuffled.json [choices cyclic:1]");
  }

  @Test
  void compareAllTheViewerAndRunReadmeLeaveAVariantRunOutAndElsewhereItIsLabelled() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (Path f : ExpectedLeaderboard.eight()) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    String[] compareAll = {"compare", "--all", dir.toString(), "--dataset", SharedData.root().toString()};
    Cli.Outcome before = Cli.run(compareAll);
    assertThat(before.exitCode()).as(before.err()).isZero();
    Path source = ExpectedLeaderboard.eight().get(0);
    Path shuffled = dir.resolve("shuffled.json");
    ObjectNode variant = (ObjectNode) JSON.readTree(source.toFile());
    ((ObjectNode) variant.get("metadata")).put("display_name", "Shuffled Model").put("choice_order", "cyclic:1");
    Files.writeString(shuffled, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(variant));

    Cli.Outcome after = Cli.run(compareAll);
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).as("compare --all compares the published protocol's runs alone").isEqualTo(before.out());
    assertThat(after.err()).contains("skipped " + shuffled + ": a variant run (choices cyclic:1), never ranked");

    ViewerData viewer = ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "official"));
    assertThat(viewer.runs()).hasSize(8).noneSatisfy(run -> assertThat(run.name()).contains("Shuffled"));
    assertThat(viewer.skipped()).singleElement().satisfies(s -> {
      assertThat(s.file()).isEqualTo(shuffled);
      assertThat(s.reason()).startsWith("a variant run (choices cyclic:1): never ranked");
    });

    Cli.Outcome pair = Cli.run("compare", source.toString(), shuffled.toString(), "--dataset",
        SharedData.root().toString());
    assertThat(pair.exitCode()).as(pair.err()).isZero();
    assertThat(pair.out()).as("beside its default run, a variant is named with its variant")
        .contains("Shuffled Model [choices cyclic:1]");

    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "# Board\n\n" + ExpectedLeaderboard.readme(List.of(), List.of()));
    String tables = Files.readString(readme);
    ReadmeUpdate u = ReadmeLeaderboard.upsert(readme, dev.jmlebench.results.ResultFiles.read(shuffled));
    assertThat(u.changed()).isFalse();
    assertThat(u.warnings()).singleElement().asString().startsWith("a variant run (choices cyclic:1) is never ranked");
    assertThat(Files.readString(readme)).isEqualTo(tables);
  }
}
