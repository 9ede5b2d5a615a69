package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.Percent;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoreCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String dataset = SharedData.root().toString();

  @TempDir Path tmp;

  static List<Path> published() {
    return SharedData.publishedResults();
  }

  @ParameterizedTest
  @MethodSource("published")
  void summaryPrintsThePublishedFigures(Path file) throws IOException {
    JsonNode s = JSON.readTree(file.toFile()).get("summary");
    Cli.Outcome r = Cli.run("summary", "--key", "author", "--dataset", dataset, file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(figure("Score", s, "score", "score_max", "score_pct"));
    assertThat(r.out()).contains(figure("Required", s, "required_score", "required_score_max", "required_score_pct"));
    assertThat(r.out()).contains(figure("General", s, "general_score", "general_score_max", "general_score_pct"));
    assertThat(r.out()).contains(figure("Text-only", s, "text_only_score", "text_only_score_max",
        "text_only_score_pct"));
    int attempted = s.get("correct").intValue() + s.get("incorrect").intValue();
    assertThat(r.out()).contains(String.format("%3d/%-3d (%s)", s.get("correct").intValue(), attempted,
        Percent.format(s.get("accuracy").doubleValue())));
    assertThat(r.out()).contains("parse failures " + s.get("parse_failures").intValue());
    String verdict = s.get("required_pass").booleanValue() && s.get("general_pass").booleanValue() ? "PASS" : "FAIL";
    assertThat(r.out()).contains(verdict);
    s.get("by_block").fields().forEachRemaining(b -> assertThat(r.out()).contains(
        b.getKey() + " " + b.getValue().get("correct").intValue() + "/" + b.getValue().get("total").intValue() + " "
            + Percent.format(b.getValue().get("accuracy").doubleValue())));
  }

  @Test
  void summarySaysWhenAFileWasGradedWithAnotherKeyAndWhatTheAskedKeyGivesWithoutRewritingIt() throws IOException {
    Path file = SharedData.results().resolve("openai_gpt-5.2.json");
    byte[] before = Files.readAllBytes(file);

    Cli.Outcome official = Cli.run("summary", "--dataset", dataset, file.toString());
    Cli.Outcome author = Cli.run("summary", "--dataset", dataset, "--key", "author", file.toString());

    assertThat(official.exitCode()).as(official.err()).isZero();
    assertThat(official.out()).contains("Score      488/500 (97.6%)   PASS")
        .contains("General    290/300 (96.7%)   pass (≥221/300)")
        .contains("  Key        graded with the author key; under the official key: 486/500 (97.2%), PASS — "
            + "`jmle-bench rescore --key official " + file + "` rewrites it\n");
    assertThat(author.out()).doesNotContain("Key  ").contains("Score      488/500 (97.6%)   PASS");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  static List<Path> publishedBefore20260316() {
    return SharedData.publishedResultsGradedWith("author");
  }

  @ParameterizedTest
  @MethodSource("publishedBefore20260316")
  void rescoreWithTheAuthorKeyLeavesAFilePublishedBeforeTheOfficialKeyByteIdentical(Path file) throws IOException {
    Path copy = Files.copy(file, tmp.resolve(file.getFileName()));

    Cli.Outcome r = Cli.run("rescore", "--key", "author", "--dataset", dataset, copy.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(", 0 changed");
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void rescoreWithTheOfficialKeyRegradesTheFiveCorrectedQuestionsAndRecordsTheKey() throws IOException {
    Path copy = Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), tmp.resolve("gpt.json"));

    Cli.Outcome r = Cli.run("rescore", "--key", "official", "--dataset", dataset, copy.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(copy + ": score 486/500 (97.2%), accuracy 386/400 (96.5%)");
    JsonNode after = JSON.readTree(copy.toFile());
    assertThat(after.at("/metadata/answer_key").asText()).isEqualTo("official");
    assertThat(after.at("/summary/general_pass").booleanValue()).isTrue();
    for (JsonNode q : after.get("results")) {
      String id = q.get("question_id").asText();
      if (id.equals("120F-58")) {
        assertThat(q.get("gold").toString()).isEqualTo("[\"b\",\"d\"]");
      } else if (List.of("120C-57", "120C-68", "120E-6", "120F-44").contains(id)) {
        assertThat(q.get("gold").toString()).isEqualTo("[\"b\"]");
      }
    }
    // And back: the author key gives the published file again, except that the key is now on record.
    Cli.run("rescore", "--key", "author", "--dataset", dataset, copy.toString());
    ObjectNode back = (ObjectNode) JSON.readTree(copy.toFile());
    assertThat(back.at("/metadata/answer_key").asText()).isEqualTo("author");
    ((ObjectNode) back.get("metadata")).remove("answer_key");
    assertThat(back).isEqualTo(JSON.readTree(SharedData.results().resolve("openai_gpt-5.2.json").toFile()));
  }

  private static String figure(String label, JsonNode s, String score, String max, String pct) {
    return String.format("%-10s %3d/%-3d (%s)", label, s.get(score).intValue(), s.get(max).intValue(),
        Percent.format(s.get(pct).doubleValue()));
  }

  @Test
  void summaryOfTheTopModelReadsAsOnTheLeaderboard() {
    Cli.Outcome r = Cli.run("summary", "--key", "author", "--dataset", dataset,
        SharedData.results().resolve("anthropic_claude-opus-4.6.json").toString());
    assertThat(r.out()).startsWith("Claude Opus 4.6  (anthropic/claude-opus-4.6, vision)")
        .contains("Score      493/500 (98.6%)   PASS")
        .contains("Accuracy   393/400 (98.2%)   parse failures 0   errors 0");
  }

  @Test
  void rescoreRestoresErasedFieldsAndReportsTheFile() throws IOException {
    Path published = SharedData.results().resolve("openai_gpt-oss-120b_low.json");
    Path copy = tmp.resolve("gpt-oss.json");
    ObjectNode root = (ObjectNode) JSON.readTree(published.toFile());
    root.remove("summary");
    root.get("results").forEach(r -> ((ObjectNode) r).remove(List.of("predicted", "parse_success", "correct")));
    Files.write(copy, JSON.writeValueAsBytes(root));

    Cli.Outcome r = Cli.run("rescore", "--key", "author", "--dataset", dataset, copy.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith(copy + ": score 433/500 (86.6%), accuracy 343/400 (85.8%)");
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(published));
  }

  @Test
  void rescoreAgainstChangedGoldAnswersMarksGainedAndLostQuestions() throws IOException {
    Path results = tmp.resolve("r.json");
    Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), results);
    // A dataset whose gold for 120A-1 (GPT-5.2 answered a, correctly) becomes b, and for a question it
    // missed becomes what it answered.
    JsonNode published = JSON.readTree(results.toFile());
    JsonNode missed = null;
    for (JsonNode r : published.get("results")) {
      if (!r.get("correct").booleanValue() && r.get("predicted").size() == 1
          && r.get("question_id").textValue().startsWith("120A")) {
        missed = r;
        break;
      }
    }
    String missedId = missed.get("question_id").textValue();
    String missedAnswer = missed.get("predicted").get(0).textValue();
    Path dataset = datasetWith(q -> {
      if (q.get("question_id").textValue().equals("120A-1")) {
        q.putArray("answer").add("b");
      } else if (q.get("question_id").textValue().equals(missedId)) {
        q.putArray("answer").add(missedAnswer);
      }
    });

    Cli.Outcome r = Cli.run("rescore", "--key", "author", "--dataset", dataset.toString(), results.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("2 changed")
        .contains("  - 120A-1    [a] -> [a]")
        .contains("  + " + String.format("%-9s", missedId));
    JsonNode after = JSON.readTree(results.toFile());
    assertThat(after.at("/summary/correct").intValue()).isEqualTo(published.at("/summary/correct").intValue());
    assertThat(after.at("/results/0/gold/0").textValue()).isEqualTo("b");
  }

  private Path datasetWith(Consumer<ObjectNode> edit) throws IOException {
    Path dir = tmp.resolve("dataset");
    Files.createDirectories(dir);
    ArrayNode all = (ArrayNode) JSON.readTree(SharedData.root().resolve("jmle2026_dataset.json").toFile());
    all.forEach(q -> edit.accept((ObjectNode) q));
    Files.write(dir.resolve("jmle2026_dataset.json"), JSON.writeValueAsBytes(all));
    return dir;
  }

  // ---- malformed input: one line naming the file, exit 2, file untouched ------------------------------

  @Test
  void badJsonIsOneLineNamingTheFileAndLeavesItUntouched() throws IOException {
    assertRejected("{\"metadata\": {\"model\": \"m\"}, \"results\": [", "not valid JSON");
  }

  @Test
  void aMissingFieldIsNamed() throws IOException {
    assertRejected(edited(r -> ((ObjectNode) r.get("results").get(3)).remove("question_id")),
        "results[3]: field 'question_id' is missing");
    assertRejected(edited(r -> r.remove("results")), "the file: field 'results' is missing");
  }

  @Test
  void aWrongTypeIsNamed() throws IOException {
    assertRejected(edited(r -> ((ObjectNode) r.get("results").get(0)).put("correct", "yes")),
        "results[0] (120A-1): field 'correct' should be true or false, not \"yes\"");
    assertRejected(edited(r -> ((ObjectNode) r.get("metadata")).put("model", 5)),
        "metadata: field 'model' should be a string, not number");
  }

  @Test
  void anUnknownQuestionIdIsNamed() throws IOException {
    assertRejected(edited(r -> ((ObjectNode) r.get("results").get(0)).put("question_id", "120Z-99")),
        "results: unknown question id '120Z-99' (not in the dataset)");
  }

  private String edited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(SharedData.results().resolve("openai_gpt-5.2.json").toFile());
    edit.accept(root);
    return JSON.writeValueAsString(root);
  }

  private void assertRejected(String content, String problem) throws IOException {
    Path file = tmp.resolve("bad.json");
    Files.writeString(file, content);
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, before);
    for (String command : List.of("rescore", "summary")) {
      Cli.Outcome r = Cli.run(command, "--dataset", dataset, file.toString());
      if (command.equals("summary") && r.exitCode() == 0) {
        continue; // summary reads a file's own summary and does not need every question id to be known
      }
      assertThat(r.exitCode()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).startsWith("jmle-bench: " + file + ": ").contains(problem)
          .doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(r.err().strip().lines()).as(command).hasSize(1);
      assertThat(r.out()).as(command).isEmpty();
    }
    assertThat(Files.readString(file)).isEqualTo(content);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
  }

  @Test
  void oneBadFileAmongSeveralStopsRescoreBeforeAnyIsWritten() throws IOException {
    Path good = tmp.resolve("good.json");
    ObjectNode root = (ObjectNode) JSON.readTree(SharedData.results().resolve("openai_gpt-5.2.json").toFile());
    root.remove("summary");
    Files.write(good, JSON.writeValueAsBytes(root));
    byte[] goodBefore = Files.readAllBytes(good);
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "[]");

    Cli.Outcome r = Cli.run("rescore", "--key", "author", "--dataset", dataset, good.toString(), bad.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(bad.toString());
    assertThat(good).hasBinaryContent(goodBefore);
  }

  @Test
  void aMissingDatasetTellsHowToGetIt() {
    Cli.Outcome r = Cli.run("dataset", "info", "--dataset", tmp.resolve("nowhere").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no dataset at").contains("jmle-bench dataset download");
  }

  @Test
  void datasetInfoCountsBlocksTypesImagesAndGroups() {
    Cli.Outcome r = Cli.run("dataset", "info", "--dataset", dataset);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("400 questions")
        .contains("A 75  B(必修) 50  C 75  D 75  E(必修) 50  F 75")
        .contains("calculation 3  multiple_choice 397")
        .contains("text_only 302  with_image 98  (123 image references, 110 distinct files)")
        .contains("serial groups: 20, covering 50 questions");
  }

  @Test
  void datasetVerifyPassesOnTheSharedCopyAndFailsOnATamperedOne() throws IOException {
    assertThat(Cli.run("dataset", "verify", "--dataset", dataset).out()).contains("all 111 files match");

    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy.resolve("images"));
    Files.copy(SharedData.root().resolve("jmle2026_dataset.json"), copy.resolve("jmle2026_dataset.json"));
    Cli.Outcome r = Cli.run("dataset", "verify", "--dataset", copy.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("images/120A-16_1.png: missing").contains("110 of 111 files missing or corrupt");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAHint() {
    Cli.Outcome r = Cli.run("summary", "--frobnicate", "x.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("jmle-bench summary --help");
  }
}
