package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} follows its folder: result files added, rewritten and removed are shown at the next look
 * without a restart, only what changed is read again, and a run under way shows its progress from its journal.
 */
class LiveFolderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private LiveFolder load() {
    return LiveFolder.load(dir, exam -> SharedData.dataset(), exam -> AnswerKey.of(exam, "official"));
  }

  private void copy(String published, String as) throws IOException {
    // Written beside and moved into place, as the runner writes a result file.
    Path tmp = dir.resolve("." + as + ".tmp");
    Files.copy(SharedData.results().resolve(published), tmp);
    Files.move(tmp, dir.resolve(as), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<String> models(LiveFolder folder) throws IOException {
    JsonNode index = JSON.readTree(folder.site().json("index").orElseThrow());
    return index.get("models").findValuesAsText("id");
  }

  private static JsonNode live(LiveFolder folder) throws IOException {
    return JSON.readTree(folder.liveJson());
  }

  @Test
  void aResultFileAddedRewrittenOrRemovedIsShownAtTheNextLook() throws IOException {
    copy("openai_gpt-5.2.json", "gpt.json");
    copy("Qwen_Qwen3-32B.json", "qwen.json");
    try (LiveFolder folder = load()) {
      assertThat(models(folder)).containsExactlyInAnyOrder("gpt", "qwen");
      long generation = live(folder).get("generation").asLong();
      assertThat(folder.look()).as("nothing changed").isFalse();

      copy("anthropic_claude-opus-4.6.json", "opus.json");
      assertThat(folder.look()).isTrue();
      assertThat(models(folder)).containsExactly("opus", "gpt", "qwen");
      assertThat(live(folder).get("generation").asLong()).isGreaterThan(generation);

      copy("anthropic_claude-opus-4.6.json", "qwen.json"); // rewritten with other answers
      folder.look();
      JsonNode index = JSON.readTree(folder.site().json("index").orElseThrow());
      assertThat(index.at("/models/1/model").asText()).isEqualTo("anthropic/claude-opus-4.6");

      Files.delete(dir.resolve("gpt.json"));
      folder.look();
      assertThat(models(folder)).containsExactlyInAnyOrder("opus", "qwen");
    }
  }

  @Test
  void aFaultyFileThatAppearsIsSkippedAndNamedAndTheRestStillShown() throws IOException {
    copy("openai_gpt-5.2.json", "gpt.json");
    try (LiveFolder folder = load()) {
      Files.writeString(dir.resolve("broken.json"), "{\"metadata\": {}, \"results\": [{\"question_id\": 3}]}");
      assertThat(folder.look()).isTrue();
      assertThat(models(folder)).containsExactly("gpt");
      assertThat(live(folder).get("skipped").findValuesAsText("file")).containsExactly("broken.json");
    }
  }

  @Test
  void onlyWhatChangedIsReadAgainAndAPairOfUnchangedFilesIsBootstrappedOnce() throws IOException {
    copy("openai_gpt-5.2.json", "gpt.json");
    copy("Qwen_Qwen3-32B.json", "qwen.json");
    try (LiveFolder folder = load()) {
      ViewerApi before = folder.site().exams().get(0);
      String pair = before.keys().stream().filter(k -> k.startsWith("pair/")).findFirst().orElseThrow();
      assertThat(before.json(pair)).isPresent();
      int built = before.documentsBuilt();
      ViewerData.Run gpt = before.data().runs().stream().filter(r -> r.id().equals("gpt")).findFirst().orElseThrow();

      copy("anthropic_claude-opus-4.6.json", "opus.json");
      folder.look();
      ViewerApi after = folder.site().exams().get(0);
      assertThat(after).isNotSameAs(before);
      ViewerData.Run gptAgain = after.data().runs().stream().filter(r -> r.id().equals("gpt")).findFirst().orElseThrow();
      assertThat(gptAgain.result()).as("the unchanged file, not read again").isSameAs(gpt.result());
      assertThat(after.ready(pair)).as("the pair of two unchanged files is kept").isTrue();
      assertThat(after.json(pair)).isPresent();
      assertThat(after.documentsBuilt()).isEqualTo(built);
    }
  }

  @Test
  void aRunUnderWayShowsItsProgressFromItsJournalAndWhetherItsProcessLives() throws IOException {
    copy("openai_gpt-5.2.json", "gpt.json");
    List<QuestionResult> answers = ResultFiles.read(SharedData.results().resolve("openai_gpt-5.2.json")).results();
    Path journal = dir.resolve("next-model.journal.jsonl");
    ObjectNode header = JSON.createObjectNode().put(ResultSchema.Journal.HEADER, 1)
        .put(ResultSchema.Journal.MODEL, "vendor/next-model").put(ResultSchema.Journal.TOTAL, 400);
    Files.writeString(journal, header + "\n");
    Files.writeString(dir.resolve("next-model.lock"), ProcessHandle.current().pid() + "\n");
    try (LiveFolder folder = load()) {
      JsonNode run = live(folder).get("running").get(0);
      assertThat(run.get("file").asText()).isEqualTo("next-model.json");
      assertThat(run.get("model").asText()).isEqualTo("vendor/next-model");
      assertThat(run.get("answered").asInt()).isZero();
      assertThat(run.get("running").asBoolean()).isTrue();

      int correct = 0;
      for (int i = 0; i < 30; i++) {
        ObjectNode line = ResultFiles.toJson(answers.get(i)).put(ResultSchema.Journal.WALL_MS, 1000L * (i + 1));
        correct += answers.get(i).correct() ? 1 : 0;
        Files.writeString(journal, line + "\n", StandardOpenOption.APPEND);
      }
      Files.writeString(journal, "{\"question_id\": \"120A-3", StandardOpenOption.APPEND); // a line being written
      assertThat(folder.look()).isTrue();
      run = live(folder).get("running").get(0);
      assertThat(run.get("answered").asInt()).isEqualTo(30);
      assertThat(run.get("correct").asInt()).isEqualTo(correct);
      assertThat(run.get("total_questions").asInt()).isEqualTo(400);
      assertThat(run.get("exam").asText()).isEqualTo("120");
      assertThat(run.get("wall_ms").asLong()).isEqualTo(30_000);

      // The process that held the lock is gone: the run stopped, its answers wait to be continued.
      Files.writeString(dir.resolve("next-model.lock"), "999999999\n");
      folder.look();
      assertThat(live(folder).at("/running/0/running").asBoolean()).isFalse();

      // It finished: its result file appears, its journal is gone.
      Files.delete(journal);
      copy("openai_gpt-5.2.json", "next-model.json");
      folder.look();
      assertThat(live(folder).get("running")).isEmpty();
      assertThat(models(folder)).contains("next-model");
    }
  }
}
