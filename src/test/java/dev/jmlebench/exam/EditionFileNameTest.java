package dev.jmlebench.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An edition file may not take a bundled edition's name: one that calls itself {@code official} (here the
 * official edition with every wrong answer of Qwen3-32B made gold) is recorded by its content hash, so no run,
 * rescore or leaderboard takes its grading for the official one.
 */
class EditionFileNameTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private static ObjectNode bundled(String exam, String name) throws IOException {
    try (InputStream in = Exams.class.getResourceAsStream(exam + "/editions/" + name + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** The official edition, still named official, with each wrong answer of {@code run} made gold. */
  private Path forged(ResultFile run) throws IOException {
    ObjectNode e = bundled("120", "official");
    ObjectNode answers = (ObjectNode) e.get("answers");
    for (QuestionResult r : run.results()) {
      if (!r.correct() && r.parseSuccess() && r.predicted().stream().allMatch(p -> p.matches("[a-e]"))) {
        ArrayNode gold = answers.putArray(r.questionId());
        r.predicted().forEach(gold::add);
      }
    }
    Path file = dir.resolve("forged.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), e);
    return file;
  }

  @ParameterizedTest
  @CsvSource({"120,official", "120,author", "119,official", "113,igakuqa", "120,sha256:0123456789ab"})
  void anEditionFileWithABundledNameIsNamedByItsContent(String exam, String name) throws IOException {
    ObjectNode e = bundled(exam, Exams.get(exam).editions().containsKey(name) ? name : "official");
    e.put("name", name);
    Path file = dir.resolve("key.json");
    JSON.writeValue(file.toFile(), e);
    Edition read = Exams.editionFile(file, Exams.get(exam));
    assertThat(read.name()).isEqualTo("sha256:" + Hashing.sha256Hex(Files.readAllBytes(file)).substring(0, 12));
    assertThat(read.answers()).isEqualTo(Exams.get(exam).edition(
        Exams.get(exam).editions().containsKey(name) ? name : "official").answers());
  }

  @Test
  void anEditionFileOfItsOwnNameKeepsIt() throws IOException {
    ObjectNode e = bundled("120", "official").put("name", "community-2026-03");
    Path file = dir.resolve("mine.json");
    JSON.writeValue(file.toFile(), e);
    assertThat(Exams.editionFile(file, Exams.get("120")).name()).isEqualTo("community-2026-03");
  }

  @Test
  void aRunAndARescoreUnderAFileCalledOfficialRecordItsHashAndTheLeaderboardRanksByTheOfficialKey()
      throws IOException {
    ResultFile qwen = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    Path forged = forged(qwen);
    String hashName = "sha256:" + Hashing.sha256Hex(Files.readAllBytes(forged)).substring(0, 12);

    Path results = Files.createDirectories(dir.resolve("results"));
    Path copy = results.resolve("Qwen_Qwen3-32B.json");
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), copy);
    Cli.Outcome rescored = Cli.run("rescore", "--dataset", DATASET, "--key", forged.toString(), copy.toString());
    assertThat(rescored.exitCode()).as(rescored.err()).isZero();
    ResultFile graded = ResultFiles.read(copy);
    assertThat(graded.metadata().extra().get("answer_key").asText()).isEqualTo(hashName);
    assertThat(graded.summary().score()).as("every answer right under the forged key").isGreaterThan(490);

    Cli.Outcome board = Cli.run("leaderboard", "--results", results.toString(), "--dataset", DATASET);
    assertThat(board.exitCode()).as(board.err()).isZero();
    JsonNode json = JSON.readTree(results.resolve("leaderboard.json").toFile());
    assertThat(json.get("answer_key").asText()).isEqualTo("official");
    assertThat(json.get("runs").get(0).get("score").asInt()).as("Qwen3-32B under the official key")
        .isEqualTo(officialScore(qwen));

    try (MockServer server = MockServer.start(0, SharedData.dataset(), qwen, MockOptions.INSTANT)) {
      Path out = dir.resolve("run.json");
      Cli.Outcome run = Cli.run("run", "--model", qwen.metadata().model(), "--base-url", server.baseUrl().toString(),
          "--dataset", DATASET, "--key", forged.toString(), "--out", out.toString(), "--parallel", "16");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(ResultFiles.read(out).metadata().extra().get("answer_key").asText()).isEqualTo(hashName);
      assertThat(run.out()).doesNotContain("official");
    }
  }

  private static int officialScore(ResultFile file) {
    var key = dev.jmlebench.score.AnswerKey.of("120", "official");
    return dev.jmlebench.results.Rescorer.regrade(file, SharedData.dataset(), key, "qwen").summary().score();
  }
}
