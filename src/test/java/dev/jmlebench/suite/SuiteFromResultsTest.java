package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite made from result files gives back each file's settings exactly, and the shipped suite of the
 * published leaderboard holds every published file's settings. Further published files dropped into
 * ../shared/jmle2026/results are checked the same way.
 */
class SuiteFromResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHIPPED = Path.of("suites/jmle2026-published.yaml");

  @TempDir Path dir;

  /** The settings that make a leaderboard row, as the result file's metadata records them. */
  private static ObjectNode recorded(Path file) throws IOException {
    JsonNode m = JSON.readTree(file.toFile()).get("metadata");
    return settings(m.get("model"), m.get("display_name"), m.get("image_mode"), m.get("extra_body"),
        m.get("base_url"));
  }

  private static ObjectNode planned(JsonNode entry) {
    return settings(entry.get("model"), entry.get("display_name"), entry.get("image_mode"), entry.get("extra_body"),
        entry.get("base_url"));
  }

  private static ObjectNode settings(JsonNode model, JsonNode displayName, JsonNode imageMode, JsonNode extraBody,
      JsonNode baseUrl) {
    ObjectNode o = JSON.createObjectNode();
    o.set("model", model);
    o.set("display_name", displayName == null ? JSON.nullNode() : displayName);
    o.set("image_mode", imageMode);
    o.set("extra_body", extraBody == null ? JSON.nullNode() : extraBody);
    o.set("base_url", baseUrl);
    return o;
  }

  private static JsonNode planJson(Path suite) throws IOException {
    Cli.Outcome plan = Cli.run("suite", "plan", suite.toString(), "--json");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    return JSON.readTree(plan.out());
  }

  /**
   * Every field of the run a file records comes back: the suite's entry is the file's own run (no identity
   * field differs), so suite run continues or re-creates exactly it. Published files record only the fields
   * of the published format; a run of this project records its questions, limit, API and max_tokens too.
   */
  @Test
  void aSuiteFromTheResultsHoldsTheVeryRunEachFileRecords() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    try (dev.jmlebench.mock.MockServer server = dev.jmlebench.mock.MockServer.start(0, SharedData.dataset(), null,
        dev.jmlebench.mock.MockOptions.INSTANT)) {
      Cli.Outcome run = Cli.run("run", "--model", "m", "--base-url", server.baseUrl().toString(), "--dataset",
          SharedData.root().toString(), "--out", results.resolve("mine.json").toString(), "--questions", "B,images",
          "--limit", "3", "--max-tokens", "256", "--extra-body", "{\"temperature\": 0}", "--repeats", "2",
          "--key", "author");
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), results.resolve("Qwen_Qwen3-32B.json"));
    Path suite = dir.resolve("again.yaml");
    assertThat(Cli.run("suite", "from-results", results.toString(), "--out", suite.toString()).exitCode()).isZero();
    for (SuiteEntry e : SuiteReader.read(suite).entries()) {
      var file = dev.jmlebench.results.ResultFiles.read(results.resolve(e.name() + ".json"));
      assertThat(e.spec().differencesFrom(dev.jmlebench.results.ResultFiles.toJson(file.metadata()),
          dev.jmlebench.results.ResultFiles.examOf(file), e.name())).as(e.name()).isEmpty();
    }
    assertThat(Files.readString(suite)).contains("questions:\n  - images\n  - B").contains("limit: 3")
        .contains("max_tokens: 256").contains("key: author");
  }

  @Test
  void aSuiteFromTheResultsGivesBackEveryFilesModelDisplayNameImageModeExtraBodyAndBaseUrl() throws IOException {
    Path suite = dir.resolve("published.yaml");
    Cli.Outcome made = Cli.run("suite", "from-results", SharedData.results().toString(), "--out", suite.toString());
    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(made.out()).isEqualTo("Wrote " + suite + "\n");

    List<ObjectNode> expected = new ArrayList<>();
    for (Path f : SharedData.publishedResults()) {
      expected.add(recorded(f));
    }
    List<ObjectNode> actual = new ArrayList<>();
    JsonNode plan = planJson(suite);
    plan.forEach(e -> actual.add(planned(e)));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    plan.forEach(e -> {
      assertThat(e.get("exam").asText()).isEqualTo("120");
      assertThat(e.get("out").asText()).isEqualTo(Path.of("results", e.get("name").asText() + ".json").toString());
    });
  }

  @Test
  void withoutOutTheSuiteGoesToStandardOutputAndAnExistingFileIsNeverOverwritten() throws IOException {
    Path suite = dir.resolve("published.yaml");
    Cli.Outcome toFile = Cli.run("suite", "from-results", SharedData.results().toString(), "--out", suite.toString());
    assertThat(toFile.exitCode()).isZero();
    Cli.Outcome toStdout = Cli.run("suite", "from-results", SharedData.results().toString());
    assertThat(toStdout.out()).isEqualTo(Files.readString(suite));

    Files.writeString(suite, "mine");
    Cli.Outcome again = Cli.run("suite", "from-results", SharedData.results().toString(), "--out", suite.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("--out " + suite + ": already exists");
    assertThat(Files.readString(suite)).isEqualTo("mine");
  }

  @Test
  void theShippedSuiteHoldsEveryPublishedRunWithTheSettingsItsResultFileRecords() throws IOException {
    JsonNode plan = planJson(SHIPPED);
    for (Path f : SharedData.publishedResults()) {
      String name = f.getFileName().toString().replaceFirst("\\.json$", "");
      JsonNode entry = null;
      for (JsonNode e : plan) {
        entry = e.get("name").asText().equals(name) ? e : entry;
      }
      assertThat(entry).as("an entry named %s", name).isNotNull();
      assertThat(planned(entry)).as(name).isEqualTo(recorded(f));
      assertThat(entry.get("out").asText()).isEqualTo(Path.of("results", f.getFileName().toString()).toString());
    }
    assertThat(plan).as("the 22 runs of the published usage notes").hasSize(22);
  }

  @Test
  void theShippedSuiteTakesHostedKeysFromTheirVariableAndNeedsNoneOnLocalServers() {
    Cli.Outcome plan = Cli.run("suite", "plan", SHIPPED.toString(), "--only", "openai_gpt-5.2,Qwen_Qwen3-32B");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out())
        // The minimal command of each run: OpenRouter's key is read from $OPENROUTER_API_KEY by run's own rule.
        .contains("./jmle-bench run --model openai/gpt-5.2 --base-url https://openrouter.ai/api/v1 "
            + "--extra-body '{\"reasoning\":{\"enabled\":true}}' --image-mode vision --display-name GPT-5.2 --out "
            + Path.of("results/openai_gpt-5.2.json") + "\n")
        .contains("API key from $OPENROUTER_API_KEY")
        .contains("./jmle-bench run --model Qwen/Qwen3-32B --base-url http://localhost:8000/v1 "
            + "--display-name Qwen3-32B --out " + Path.of("results/Qwen_Qwen3-32B.json") + "\n")
        .contains("API key from $OPENAI_API_KEY if it is set → localhost:8000 (a server on this machine may need none)");
  }
}
