package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaderboard ranks a file as the answer key grades its stored answers, never by the summary the file
 * states — even when the file says it was graded with that very key.
 */
class LeaderboardGradesStoredAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private int rankedScore(Path file) throws IOException {
    Path results = Files.createDirectories(dir.resolve("r-" + file.getFileName()));
    Files.copy(file, results.resolve("Qwen_Qwen3-32B.json"));
    Cli.Outcome board = Cli.run("leaderboard", "--results", results.toString(), "--dataset", DATASET);
    assertThat(board.exitCode()).as(board.err()).isZero();
    JsonNode json = JSON.readTree(results.resolve("leaderboard.json").toFile());
    return json.get("runs").get(0).get("score").asInt();
  }

  @Test
  void aFileThatClaimsTheKeyAndAScoreIsRankedByItsAnswers() throws IOException {
    Path published = SharedData.results().resolve("Qwen_Qwen3-32B.json");
    int honest = rankedScore(published);

    ObjectNode root = (ObjectNode) JSON.readTree(published.toFile());
    ((ObjectNode) root.get("metadata")).put("answer_key", "official");
    ObjectNode summary = (ObjectNode) root.get("summary");
    summary.put("score", 497).put("score_pct", 0.994).put("correct", 397).put("incorrect", 3).put("accuracy", 0.9925);
    Path boasting = dir.resolve("boasting.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(boasting.toFile(), root);

    assertThat(rankedScore(boasting)).isEqualTo(honest).isLessThan(497);
  }
}
