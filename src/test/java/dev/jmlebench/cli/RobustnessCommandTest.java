package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.CardFolder;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code robustness} over {@link CardFolder}, made from GPT-5.2's published run. Every figure the card prints
 * for a row is counted here from the files.
 */
class RobustnessCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static AnswerKey key;
  private static Map<String, Question> questions;

  @BeforeAll
  static void folder() throws IOException {
    key = AnswerKey.of("120", "official");
    questions = new HashMap<>();
    SharedData.dataset().questions().forEach(q -> questions.put(q.questionId(), q));
    CardFolder.write(dir);
  }

  private static String id(JsonNode r) {
    return r.get("question_id").textValue();
  }

  /** Per question, whether the file's answer is right under the official key, counted here. */
  private static Map<String, Boolean> rightIn(String name) throws IOException {
    Map<String, Boolean> out = new HashMap<>();
    for (JsonNode r : JSON.readTree(dir.resolve(name).toFile()).get("results")) {
      List<String> predicted = new ArrayList<>();
      r.get("predicted").forEach(p -> predicted.add(p.textValue()));
      Question q = questions.get(id(r));
      out.put(id(r), key.isCorrect(q, predicted, r.get("parse_success").booleanValue()));
    }
    return out;
  }

  private static int points(String id) {
    return key.criteria().isExcluded(id) ? 0 : Points.of(QuestionId.parse(id).orElseThrow());
  }

  private static Cli.Outcome card(String... more) {
    List<String> args = new ArrayList<>(List.of("robustness", "--dataset", SharedData.root().toString(), "--key",
        "official", "--model", "openai/gpt-5.2", dir.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void eachRowIsCountedFromTheFilesOnTheQuestionsBothAnswered() throws IOException {
    Map<String, Boolean> def = rightIn("gpt-5.2.json");
    JsonNode j = JSON.readTree(card("--json").out());

    assertThat(j.get("schema").textValue()).isEqualTo("jmle-bench.robustness/1");
    assertThat(j.get("default").get("file").textValue()).endsWith("gpt-5.2.json");
    JsonNode rows = j.get("variants");
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      String file = Path.of(row.get("file").textValue()).getFileName().toString();
      Map<String, Boolean> variant = rightIn(file);
      int delta = 0;
      int rightToWrong = 0;
      int wrongToRight = 0;
      for (Map.Entry<String, Boolean> e : variant.entrySet()) {
        boolean before = def.get(e.getKey());
        delta += points(e.getKey()) * ((e.getValue() ? 1 : 0) - (before ? 1 : 0));
        rightToWrong += before && !e.getValue() ? 1 : 0;
        wrongToRight += !before && e.getValue() ? 1 : 0;
      }
      assertThat(row.get("paired_questions").intValue()).isEqualTo(variant.size());
      assertThat(row.get("score_difference").intValue()).isEqualTo(delta);
      assertThat(row.get("right_to_wrong").intValue()).isEqualTo(rightToWrong);
      assertThat(row.get("wrong_to_right").intValue()).isEqualTo(wrongToRight);
      JsonNode ci = row.get("score_difference_ci");
      assertThat(ci.get(0).intValue()).isLessThanOrEqualTo(delta);
      assertThat(ci.get(1).intValue()).isGreaterThanOrEqualTo(delta);
      assertThat(row.get("holm_p").doubleValue()).isGreaterThanOrEqualTo(row.get("mcnemar_p").doubleValue());
    }
    JsonNode blind = rows.get(0);
    assertThat(blind.get("field").textValue()).isEqualTo("image mode");
    assertThat(blind.get("value").textValue()).isEqualTo("blind");
    assertThat(blind.get("subset").booleanValue()).isTrue();
    assertThat(blind.get("paired_questions").intValue()).isEqualTo(98);
    assertThat(rows.get(1).get("field").textValue()).isEqualTo("extra body");
    assertThat(rows.get(1).get("subset").booleanValue()).isFalse();
  }

  @Test
  void theImageAuditCountsTheImageQuestionsThatStayRightWithoutTheImages() throws IOException {
    Map<String, Boolean> def = rightIn("gpt-5.2.json");
    Map<String, Boolean> blind = rightIn("gpt-5.2-blind.json");
    int withImages = 0;
    int stay = 0;
    int without = 0;
    for (Map.Entry<String, Boolean> e : blind.entrySet()) {
      withImages += def.get(e.getKey()) ? 1 : 0;
      stay += def.get(e.getKey()) && e.getValue() ? 1 : 0;
      without += e.getValue() ? 1 : 0;
    }
    Cli.Outcome text = card();
    JsonNode audit = JSON.readTree(card("--json").out()).get("variants").get(0).get("image_audit");

    assertThat(audit.get("image_questions").intValue()).isEqualTo(98);
    assertThat(audit.get("right_with_images").intValue()).isEqualTo(withImages);
    assertThat(audit.get("stay_right_without").intValue()).isEqualTo(stay);
    assertThat(audit.get("right_without_images").intValue()).isEqualTo(without);
    assertThat(text.out()).contains("Image audit (image mode blind)")
        .contains(stay + " of the " + withImages + " image questions right with the images stay right");
  }

  @Test
  void theTextFitsEightyColumnsAndSaysWhichRunsAreNotOnTheCardAndWhy() {
    Cli.Outcome r = card();

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Robustness card: GPT-5.2 (openai/gpt-5.2), the 120th exam, official key\n")
        .contains("image mode blind").contains("(on the 98 questions it asked: default ")
        .contains("Smallest difference the exam can tell apart");
    assertThat(r.out().replaceAll("\\s+", " ")).contains("Not on the card " + dir.resolve("gpt-5.2-blind-elsewhere.json")
        + ": differs from the default in 2 fields: base URL http://127.0.0.1:8000/v1 (default: "
        + "https://openrouter.ai/api/v1); image mode blind (default: vision)");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(80));
  }

  @Test
  void aFolderOfSeveralModelsAsksWhichOneInOneLine() {
    Cli.Outcome r = Cli.run("robustness", "--dataset", SharedData.root().toString(), dir.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("jmle-bench: " + dir + " holds runs of 2 models (Qwen/Qwen3-32B, "
        + "openai/gpt-5.2): choose one with --model");
  }

  @Test
  void theChartsAreDrawnBesideTheOutputFile() throws IOException {
    Path out = dir.resolve("cards").resolve("gpt-5.2.txt");
    Files.createDirectories(out.getParent());

    Cli.Outcome r = card("--out", out.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(out)).startsWith("Robustness card: GPT-5.2");
    assertThat(Files.list(out.getParent()).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("gpt-5.2.differences.png", "gpt-5.2.differences.svg", "gpt-5.2.txt");
  }
}
