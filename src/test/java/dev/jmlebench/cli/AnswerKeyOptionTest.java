package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --key} on every command that grades or shows grades: runs record their key and grade the five
 * corrected questions by it, files graded with different keys compare under the asked one, and bad values are
 * one line and exit code 2.
 */
class AnswerKeyOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CORRECTED = List.of("120C-57", "120C-68", "120E-6", "120F-44", "120F-58");
  private static final String DATASET = SharedData.root().toString();
  private static final String FILE = SharedData.results().resolve("openai_gpt-5.2.json").toString();

  @TempDir Path tmp;

  /** Each command's arguments with {@code KEY} where --key's value goes. */
  private List<String[]> commands() {
    String results = SharedData.results().toString();
    return List.of(
        new String[] {"summary", "--dataset", DATASET, "--key", "KEY", FILE},
        new String[] {"rescore", "--dataset", DATASET, "--key", "KEY", tmp.resolve("copy.json").toString()},
        new String[] {"leaderboard", "--dataset", DATASET, "--key", "KEY", "--results", results,
            "--chart", tmp.resolve("c.png").toString(), "--readme", tmp.resolve("README.md").toString()},
        new String[] {"compare", "--dataset", DATASET, "--key", "KEY", FILE, FILE},
        new String[] {"serve", "--dataset", DATASET, "--key", "KEY", "--results", results, "--port", "0"},
        new String[] {"report", "--dataset", DATASET, "--key", "KEY", "--results", results, "--out",
            tmp.resolve("site").toString()},
        new String[] {"run", "--dataset", DATASET, "--key", "KEY", "--model", "m", "--base-url",
            "http://127.0.0.1:9/v1", "--out", tmp.resolve("run.json").toString()},
        new String[] {"mock-server", "--dataset", DATASET, "--key", "KEY", "--port", "0"},
        new String[] {"bench", "--dataset", DATASET, "--key", "KEY", "--quick"});
  }

  /** A run of blocks C, E and F against a mock server playing {@code played}'s gold, graded with {@code key}. */
  private JsonNode runAgainstMock(String played, String key) throws IOException {
    Path out = tmp.resolve(played + "-" + key + ".json");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT,
        AnswerKey.of("120", played)::gold)) {
      Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", server.baseUrl().toString(), "--dataset", DATASET,
          "--blocks", "C,E,F", "--out", out.toString(), "--key", key);
      assertThat(o.exitCode()).as(o.err()).isZero();
    }
    return JSON.readTree(out.toFile());
  }

  private static Map<String, Boolean> correctOfCorrected(JsonNode file) {
    Map<String, Boolean> out = new TreeMap<>();
    for (JsonNode r : file.get("results")) {
      if (CORRECTED.contains(r.get("question_id").asText())) {
        out.put(r.get("question_id").asText(), r.get("correct").booleanValue());
      }
    }
    return out;
  }

  @Test
  void aRunThroughTheMockServerRecordsItsKeyAndGradesTheFiveCorrectedQuestionsByIt() throws IOException {
    Map<String, Boolean> allRight = new TreeMap<>();
    Map<String, Boolean> allWrong = new TreeMap<>();
    CORRECTED.forEach(id -> {
      allRight.put(id, true);
      allWrong.put(id, false);
    });
    for (String key : List.of("author", "official")) {
      JsonNode same = runAgainstMock(key, key);
      assertThat(same.at("/metadata/answer_key").asText()).isEqualTo(key);
      assertThat(correctOfCorrected(same)).as("the mock answers %s's gold, graded with it", key).isEqualTo(allRight);
      String other = key.equals("author") ? "official" : "author";
      JsonNode crossed = runAgainstMock(other, key);
      assertThat(crossed.at("/metadata/answer_key").asText()).isEqualTo(key);
      assertThat(correctOfCorrected(crossed)).as("%s's gold graded with the %s key", other, key).isEqualTo(allWrong);
      for (JsonNode r : crossed.get("results")) {
        if (r.get("question_id").asText().equals("120F-58")) {
          assertThat(r.get("gold").toString()).isEqualTo(key.equals("official") ? "[\"b\",\"d\"]" : "[\"b\",\"e\"]");
        }
      }
    }
  }

  @Test
  void compareGradesTwoFilesOfDifferentKeysBothUnderTheAskedKey() throws IOException {
    // The same answers, once as published (author key) and once rescored with the official key.
    Path author = Files.copy(Path.of(FILE), tmp.resolve("a.json"));
    Path official = Files.copy(Path.of(FILE), tmp.resolve("o.json"));
    assertThat(Cli.run("rescore", "--dataset", DATASET, "--key", "official", official.toString()).exitCode()).isZero();
    byte[] before = Files.readAllBytes(official);

    for (String key : List.of("official", "author")) {
      Cli.Outcome r = Cli.run("compare", "--dataset", DATASET, "--key", key, "--json", author.toString(),
          official.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode c = JSON.readTree(r.out());
      int expected = key.equals("official") ? 486 : 488;
      assertThat(c.get("a_score").intValue()).as(key).isEqualTo(expected);
      assertThat(c.get("b_score").intValue()).as(key).isEqualTo(expected);
      assertThat(c.get("a_right_b_wrong").intValue() + c.get("a_wrong_b_right").intValue()).isZero();
    }
    assertThat(Files.readAllBytes(official)).as("compare rewrites nothing").isEqualTo(before);
  }

  @Test
  void anUnknownKeyIsOneLineNamingTheChoicesAndExitCodeTwoOnEveryCommand() throws IOException {
    Files.copy(Path.of(FILE), tmp.resolve("copy.json"));
    Files.writeString(tmp.resolve("README.md"), "# r\n");
    byte[] before = Files.readAllBytes(tmp.resolve("copy.json"));
    for (String[] args : commands()) {
      String[] withKey = args.clone();
      withKey[4] = "oficial";
      Cli.Outcome r = Cli.run(withKey);
      assertThat(r.exitCode()).as(args[0] + ": " + r.err()).isEqualTo(Main.USAGE);
      assertThat(r.err().strip()).as(args[0]).doesNotContain("\n")
          .contains("--key oficial: unknown answer key of the 120th exam; choose one of author, official");
    }
    assertThat(Files.readAllBytes(tmp.resolve("copy.json"))).as("nothing written").isEqualTo(before);
    assertThat(tmp.resolve("run.json")).doesNotExist();
  }

  @Test
  void aBadPerExamKeyIsOneLineNamingTheFlagAndExitCodeTwoOnEveryCommand() throws IOException {
    Files.copy(Path.of(FILE), tmp.resolve("copy.json"));
    Files.writeString(tmp.resolve("README.md"), "# r\n");
    byte[] before = Files.readAllBytes(tmp.resolve("copy.json"));
    Map<String, String> bad = new TreeMap<>(Map.of(
        "999=author", "--key 999=author: no exam '999' is bundled; known: 120, 119, 116, 115, 114, 113, 112",
        "120=author,120=official", "--key 120=official: exam 120 is named twice (120=author and 120=official)",
        "120=author,119=author", "--key 119=author: the 119th exam has no answer key 'author'; its answer keys: "
            + "official (or an edition file, *.json)",
        "113=official,igakuqa", "--key 113=official,igakuqa: 'igakuqa' is not EXAM=EDITION (e.g. 120=author); "
            + "an edition for every exam is given alone",
        "120=", "--key 120=: no edition after '='; the 120th exam's answer keys: author, official"));
    for (Map.Entry<String, String> b : bad.entrySet()) {
      for (String[] args : commands()) {
        String[] withKey = args.clone();
        withKey[4] = b.getKey();
        Cli.Outcome r = Cli.run(withKey);
        assertThat(r.exitCode()).as(args[0] + " " + b.getKey() + ": " + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err().strip()).as(args[0]).isEqualTo("jmle-bench: " + b.getValue());
      }
    }
    // Repeated options are read as one list: the same faults, and a bare edition beside per-exam entries.
    Cli.Outcome twice = Cli.run("summary", "--dataset", DATASET, "--key", "120=author", "--key", "120=official", FILE);
    assertThat(twice.exitCode()).isEqualTo(Main.USAGE);
    assertThat(twice.err().strip()).isEqualTo("jmle-bench: --key 120=official: exam 120 is named twice (120=author "
        + "and 120=official)");
    Cli.Outcome mixed = Cli.run("summary", "--dataset", DATASET, "--key", "author", "--key", "119=official", FILE);
    assertThat(mixed.exitCode()).isEqualTo(Main.USAGE);
    assertThat(mixed.err().strip()).isEqualTo("jmle-bench: --key author: an edition for every exam is given alone; "
        + "to choose per exam write EXAM=EDITION for each (e.g. --key 120=author --key 113=igakuqa)");
    assertThat(Files.readAllBytes(tmp.resolve("copy.json"))).as("nothing written").isEqualTo(before);
    assertThat(tmp.resolve("run.json")).doesNotExist();
  }

  @Test
  void aSingleExamCommandTakesItsOwnExamsEntryAndRecordsIt() throws IOException {
    // A run of the 120th with entries for two exams is graded with the 120th's, which its file records.
    Path out = tmp.resolve("run.json");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT,
        AnswerKey.of("120", "author")::gold)) {
      Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", server.baseUrl().toString(), "--dataset", DATASET,
          "--blocks", "C,E,F", "--out", out.toString(), "--key", "119=official,120=author");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.err().strip()).isEqualTo("jmle-bench: warning: --key 119=official: nothing here is of the 119th "
          + "exam; the entry is not used");
    }
    JsonNode run = JSON.readTree(out.toFile());
    assertThat(run.at("/metadata/answer_key").asText()).isEqualTo("author");
    assertThat(correctOfCorrected(run)).doesNotContainValue(false).hasSize(CORRECTED.size());

    // summary: the published GPT-5.2 (author key) under the 120th's entry; the other exam's entry is unused.
    Cli.Outcome s = Cli.run("summary", "--dataset", DATASET, "--key", "120=official", "--key", "113=igakuqa", FILE);
    assertThat(s.exitCode()).as(s.err()).isZero();
    assertThat(s.out()).contains("under the official key: 486/500 (97.2%)");
    assertThat(s.err().strip()).isEqualTo("jmle-bench: warning: --key 113=igakuqa: nothing here is of the 113th "
        + "exam; the entry is not used");
    Cli.Outcome own = Cli.run("summary", "--dataset", DATASET, "--key", "120=author", FILE);
    assertThat(own.out()).doesNotContain("under the");

    // rescore writes the entry's edition into the file: GradedWith reads it back.
    Path copy = Files.copy(Path.of(FILE), tmp.resolve("copy.json"));
    Cli.Outcome r = Cli.run("rescore", "--dataset", DATASET, "--key", "120=official", copy.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(copy.toFile()).at("/metadata/answer_key").asText()).isEqualTo("official");
    assertThat(JSON.readTree(copy.toFile()).at("/summary/score").asInt()).isEqualTo(486);
  }

  @Test
  void anEditionFileNamingAnUnknownQuestionIsOneLineAndExitCodeTwo() throws IOException {
    Path edition = tmp.resolve("fixed.json");
    Files.writeString(edition, Files.readString(
        Path.of("src/main/resources/dev/jmlebench/exam/120/editions/official.json")).replace("120C-68", "120C-99"));
    Path copy = Files.copy(Path.of(FILE), tmp.resolve("copy.json"));
    byte[] before = Files.readAllBytes(copy);
    Cli.Outcome r = Cli.run("rescore", "--dataset", DATASET, "--key", edition.toString(), copy.toString());
    assertThat(r.exitCode()).isEqualTo(Main.USAGE);
    assertThat(r.err().strip()).isEqualTo("jmle-bench: " + edition
        + ": answers.120C-99: '120C-99' is not a question of the 120th exam");
    assertThat(Files.readAllBytes(copy)).isEqualTo(before);
  }

  @Test
  void aValidEditionFileGradesLikeTheBundledEditionItCopies() throws IOException {
    Path edition = tmp.resolve("mine.json");
    Files.copy(Path.of("src/main/resources/dev/jmlebench/exam/120/editions/official.json"), edition);
    Cli.Outcome r = Cli.run("summary", "--dataset", DATASET, "--key", edition.toString(), FILE);
    assertThat(r.exitCode()).as(r.err()).isZero();
    // The copy still calls itself official, a bundled edition's name: it is named by its content instead.
    String name = "sha256:" + Hashing.sha256Hex(Files.readAllBytes(edition)).substring(0, 12);
    assertThat(r.out()).contains("under the " + name + " key: 486/500 (97.2%)").doesNotContain("official")
        .contains("`jmle-bench rescore --key " + edition + " " + FILE + "` rewrites it");
  }
}
