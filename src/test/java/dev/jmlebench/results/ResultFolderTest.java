package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void aBrokenResultFileOrAFileThatIsNoJsonIsAnError() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\"metadata\": {\"model\": 1}, \"results\": []}");
    assertThatThrownBy(() -> ResultFolder.readIfResultFile(dir.resolve("broken.json")))
        .isInstanceOf(UserError.class).hasMessageContaining("field 'model' should be a string");
    Files.writeString(dir.resolve("garbage.json"), "not json");
    assertThatThrownBy(() -> ResultFolder.readIfResultFile(dir.resolve("garbage.json")))
        .isInstanceOf(UserError.class).hasMessageContaining("not valid JSON");
  }
}
