package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results folder holding the 120th's runs and an imported run of the 119th, ranked by one command. */
class TwoExamsLeaderboardTest {
  @TempDir Path tmp;

  @Test
  void eachExamGetsItsTablesAndExportsAndTheMatrixSetsThemSideBySide() throws IOException {
    Path results = Files.createDirectories(tmp.resolve("results"));
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), results.resolve("Qwen_Qwen3-32B.json"));
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
        "--display-name", "Qwen3-32B", "--out", results.resolve("pfn-119.json").toString()));
    try (var s = Files.list(SharedData.root119().resolve("answers/demo"))) {
      s.filter(p -> p.getFileName().toString().contains("pfn-medllm-qwen-72b")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    assertThat(Cli.run(args.toArray(String[]::new)).exitCode()).isZero();
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n"
        + "<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n"
        + "<!-- leaderboard-119-all-start -->\n<!-- leaderboard-119-all-end -->\n"
        + "<!-- leaderboard-119-text-start -->\n<!-- leaderboard-119-text-end -->\n"
        + "<!-- leaderboard-exams-start -->\n<!-- leaderboard-exams-end -->\n");

    // One --dataset per exam: each exam's bootstrap resamples its serial groups, read from its dataset.
    Cli.Outcome o = Cli.run("leaderboard", "--results", results.toString(), "--readme", readme.toString(),
        "--dataset", SharedData.root().toString(), "--dataset", SharedData.root119().toString());
    assertThat(o.exitCode()).as(o.err()).isZero();

    JsonNode e120 = new ObjectMapper().readTree(results.resolve("leaderboard.json").toFile());
    JsonNode e119 = new ObjectMapper().readTree(results.resolve("leaderboard-119.json").toFile());
    assertThat(e120.get("exam").asText()).isEqualTo("120");
    assertThat(e119.get("exam").asText()).isEqualTo("119");
    assertThat(e119.toString()).contains("332").doesNotContain("Qwen_Qwen3-32B.json");
    assertThat(results.resolve("leaderboard-119.png")).isRegularFile();
    // Each exam's chart names its own counts: the 119th has 297 text-only questions, the 120th 302.
    assertThat(Files.readString(results.resolve("leaderboard-119.svg")))
        .contains("All 400 questions", "Text-only 297 questions").doesNotContain("302");
    assertThat(Files.readString(results.resolve("leaderboard.svg"))).contains("Text-only 302 questions");
    String text = Files.readString(readme);
    assertThat(text).contains("| Qwen3-32B | - | 332/500 (66.4%) | 272/400 (68.0%) |")
        .contains("| Model | 120 | 119 |")
        .containsPattern("\\| Qwen3-32B \\| \\d+\\.\\d% ✓ \\| 66\\.4% ✗ \\|");
  }
}
