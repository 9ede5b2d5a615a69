package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published result files are the contract: read, written and rescored, they must come back unchanged. */
class PublishedResultsTest {
  static List<Path> published() {
    return SharedData.publishedResults();
  }

  @Test
  void theEightPublishedFilesAreThere() {
    assertThat(published()).hasSizeGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest
  @MethodSource("published")
  void aPublishedFileReadAndWrittenBackIsByteIdentical(Path file) throws IOException {
    byte[] original = Files.readAllBytes(file);
    byte[] written = PythonJson.toBytes(ResultFiles.toJson(ResultFiles.read(file)));
    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("published")
  void rescoringAFileWithItsComputedFieldsErasedGivesBackThePublishedFile(Path file) throws IOException {
    String original = Files.readString(file);
    ObjectNode erased = (ObjectNode) new ObjectMapper().readTree(original);
    erased.remove("summary");
    for (JsonNode r : erased.get("results")) {
      ((ObjectNode) r).remove(List.of("predicted", "parse_success", "correct"));
    }
    ResultFile read = ResultFiles.fromJson(erased, file.toString());
    assertThat(read.summary()).isNull();

    Rescorer.Rescored rescored = Rescorer.rescore(read, SharedData.dataset(), keyItCarries(read), file.toString());

    assertThat(PythonJson.toString(ResultFiles.toJson(rescored.file()))).isEqualTo(original);
  }

  @ParameterizedTest
  @MethodSource("published")
  void rescoringAnIntactPublishedFileChangesNothing(Path file) {
    ResultFile read = ResultFiles.read(file);
    Rescorer.Rescored rescored = Rescorer.rescore(read, SharedData.dataset(), keyItCarries(read), file.toString());
    assertThat(rescored.changes()).isEmpty();
    assertThat(PythonJson.toString(ResultFiles.toJson(rescored.file()))).isEqualTo(
        PythonJson.toString(ResultFiles.toJson(read)));
  }

  /** The key a published file was graded with: the author's before 2026-03-16, the official one after. */
  private static AnswerKey keyItCarries(ResultFile file) {
    return AnswerKey.of("120", GradedWith.edition(file, Exams.get("120")).orElseThrow());
  }
}
