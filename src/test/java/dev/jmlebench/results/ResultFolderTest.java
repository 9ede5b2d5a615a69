package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFolderTest {
  @TempDir Path dir;

  @Test
  void listsTheJsonFilesDirectlyInTheFolderByName() throws IOException {
    Files.writeString(dir.resolve("b.json"), "{}");
    Files.writeString(dir.resolve("a.json"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.json"), "{}");
    assertThat(ResultFolder.list(dir, "--results " + dir)).containsExactly(dir.resolve("a.json"), dir.resolve("b.json"));
  }

  @Test
  void aMissingFolderIsNamedAsTheCallerSaysIt() {
    assertThatThrownBy(() -> ResultFolder.list(dir.resolve("nope"), "--all nope"))
        .isInstanceOf(UserError.class).hasMessage("--all nope: no such folder");
  }

  @Test
  void anotherToolsJsonIsSkippedAndAResultFileIsRead() throws IOException {
    Files.writeString(dir.resolve("leaderboard.json"), "{\"format\": \"jmle-bench.leaderboard\", \"rows\": []}");
    assertThat(ResultFolder.readIfResultFile(dir.resolve("leaderboard.json"))).isEmpty();
    assertThat(ResultFolder.readIfResultFile(SharedData.results().resolve("openai_gpt-5.2.json")))
        .hasValueSatisfying(f -> assertThat(f.metadata().model()).isEqualTo("openai/gpt-5.2"));
  }

  @Test
  void jmleBenchsOwnFilesArePassedOverQuietlyAndAnotherToolsJsonIsNamed() throws IOException {
    // What the leaderboard writes (format jmle-bench-leaderboard, whatever its name) and a waiting batch's journal.
    Files.writeString(dir.resolve("board.json"), "{\"format\": \"jmle-bench-leaderboard\", \"version\": 1, \"runs\": []}");
    Files.writeString(dir.resolve("run.batch.json"), "{\"format\": \"jmle-bench-batch\", \"batch_id\": \"b\"}");
    Files.writeString(dir.resolve("old.batch.json"), "{\"batch_id\": \"b\"}");
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}");

    assertThat(ResultFolder.read(dir.resolve("board.json"))).isInstanceOfSatisfying(ResultFolder.Skipped.class,
        s -> assertThat(s.ours()).isTrue());
    assertThat(ResultFolder.read(dir.resolve("run.batch.json"))).isInstanceOfSatisfying(ResultFolder.Skipped.class,
        s -> assertThat(s.ours()).isTrue());
    assertThat(ResultFolder.read(dir.resolve("old.batch.json"))).as("named as a run's batch journal")
        .isInstanceOfSatisfying(ResultFolder.Skipped.class, s -> assertThat(s.ours()).isTrue());
    assertThat(ResultFolder.read(dir.resolve("package.json"))).isInstanceOfSatisfying(ResultFolder.Skipped.class,
        s -> assertThat(s).extracting(ResultFolder.Skipped::ours, ResultFolder.Skipped::reason)
            .containsExactly(false, "not a result file (no results array)"));
  }

  @Test
  void aRunsFilesAreNamedAfterItsResultFile() {
    RunFiles run = RunFiles.of(dir.resolve("gpt.json"));
    assertThat(List.of(run.journal(), run.lock(), run.batchJournal())).containsExactly(dir.resolve("gpt.journal.jsonl"),
        dir.resolve("gpt.lock"), dir.resolve("gpt.batch.json"));
    assertThat(List.of(run.journal(), run.lock(), run.batchJournal())).allMatch(RunFiles::isSibling);
    assertThat(RunFiles.isSibling(dir.resolve("gpt.json"))).isFalse();
  }

  @Test
  void aBrokenResultFileOrAFileThatIsNoJsonIsAnError() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\"metadata\": {\"model\": 1}, \"results\": []}");
    assertThatThrownBy(() -> ResultFolder.readIfResultFile(dir.resolve("broken.json")))
        .isInstanceOf(UserError.class).hasMessageContaining("field 'model' should be a string");
    Files.writeString(dir.resolve("garbage.json"), "not json");
    assertThatThrownBy(() -> ResultFolder.readIfResultFile(dir.resolve("garbage.json")))
        .isInstanceOf(UserError.class).hasMessageContaining("not valid JSON");
  }
}
