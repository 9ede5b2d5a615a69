package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result file's exam: the one its metadata records, else the one of its question ids; never two. */
class ExamOfAFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private ObjectNode published() throws IOException {
    return (ObjectNode) JSON.readTree(SharedData.results().resolve("Qwen_Qwen3-32B.json").toFile());
  }

  @Test
  void aPublishedFileIsRecognisedAsThe120thByItsQuestionIds() {
    assertThat(ResultFiles.examOf(ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"))))
        .isEqualTo("120");
  }

  @Test
  void aFileMixingTwoExamsIsRefusedWithOneLineNamingThem() throws IOException {
    ObjectNode root = published();
    ((ObjectNode) root.get("results").get(5)).put("question_id", "119A-6");
    Path f = tmp.resolve("mixed.json");
    Files.write(f, JSON.writeValueAsBytes(root));
    assertThatThrownBy(() -> ResultFiles.read(f)).isInstanceOf(UserError.class)
        .hasMessage(f + ": mixes exams 120 and 119 (120A-1, 119A-6); a result file holds the answers of one exam");
  }

  @Test
  void metadataNamingAnotherExamThanTheQuestionsIsRefused() throws IOException {
    ObjectNode root = published();
    ((ObjectNode) root.get("metadata")).put("exam", "119");
    Path f = tmp.resolve("wrong.json");
    Files.write(f, JSON.writeValueAsBytes(root));
    assertThatThrownBy(() -> ResultFiles.read(f)).isInstanceOf(UserError.class)
        .hasMessageContaining("mixes exams 119 and 120 (metadata.exam, 120A-1)");
  }
}
