package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String dataset = SharedData.root().toString();

  @Test
  void summaryJsonGivesEachFilesOwnSummaryAndTheIntervalsTheLeaderboardRecords(@TempDir Path dir)
      throws IOException {
    for (Path f : SharedData.publishedResults()) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    assertThat(Cli.run("leaderboard", "--key", "author", "--dataset", dataset, "--results", dir.toString())
        .exitCode()).isZero();
    JsonNode board = JSON.readTree(dir.resolve("leaderboard.json").toFile());
    List<Path> files = SharedData.publishedResults();

    Cli.Outcome r = Cli.run("summary", "--json", "--key", "author", "--dataset", dataset,
        files.get(0).toString(), files.get(1).toString());

    assertThat(r.exitCode()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("schema").asText()).isEqualTo("jmle-bench.summary/1");
    assertThat(doc.get("files")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode f = doc.get("files").get(i);
      JsonNode published = JSON.readTree(files.get(i).toFile());
      assertThat(f.get("file").asText()).isEqualTo(files.get(i).toString());
      assertThat(f.get("summary")).isEqualTo(published.get("summary"));
      assertThat(f.get("answer_key").asText()).isEqualTo("author");
      assertThat(f.get("under_asked_key").isNull()).isTrue();
      JsonNode row = null;
      for (JsonNode run : board.get("runs")) {
        if (run.get("source_file").asText().equals(files.get(i).getFileName().toString())) {
          row = run;
        }
      }
      assertThat(f.get("intervals")).isEqualTo(row.get("intervals"));
      assertThat(f.get("tokens_and_cost").get("cost_usd").isNull()).as("a published file records no cost").isTrue();
    }
  }

  @Test
  void summaryJsonOfAFileGradedWithAnotherKeyGivesItsSummaryUnderTheAskedKeyToo() throws IOException {
    Path gpt = SharedData.results().resolve("openai_gpt-5.2.json");

    JsonNode f = JSON.readTree(Cli.run("summary", "--json", "--dataset", dataset, gpt.toString()).out())
        .get("files").get(0);

    assertThat(f.get("answer_key").asText()).isEqualTo("author");
    assertThat(f.at("/summary/score").asInt()).isEqualTo(488);
    assertThat(f.at("/under_asked_key/answer_key").asText()).isEqualTo("official");
    assertThat(f.at("/under_asked_key/summary/score").asInt()).isEqualTo(486);
  }

  @Test
  void theProhibitedLineCountsInTheScoreColumnAndGivesItsVerdictInTheVerdictColumn(@TempDir Path dir) {
    Path file = dir.resolve("chatgpt_112.json");
    String[] blocks = java.util.stream.Stream.of("A", "B", "C", "D", "E", "F")
        .map(b -> SharedData.rootIgakuqa().resolve("baseline_results/2018/112-" + b + "_chatgpt.jsonl").toString())
        .toArray(String[]::new);
    List<String> args = new java.util.ArrayList<>(List.of("import", "igakuqa", "--exam", "112", "--dataset",
        SharedData.rootIgakuqa().toString(), "--out", file.toString()));
    args.addAll(List.of(blocks));
    assertThat(Cli.run(args.toArray(String[]::new)).exitCode()).isZero();

    List<String> lines = Cli.run("summary", "--dataset", SharedData.rootIgakuqa().toString(), file.toString())
        .out().lines().toList();

    String score = lines.stream().filter(l -> l.startsWith("  Score ")).findFirst().orElseThrow();
    String prohibited = lines.stream().filter(l -> l.startsWith("  Prohibited ")).findFirst().orElseThrow();
    assertThat(prohibited).startsWith("  Prohibited   4 answers ");
    assertThat(prohibited.indexOf("FAIL (≤3 with a prohibited choice, 禁忌肢; annotated by IgakuQA's authors"))
        .isEqualTo(score.indexOf("FAIL"));
  }
}
