package dev.jmlebench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.score.Part;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
  @TempDir Path tmp;

  @Test
  void theSharedDatasetHasTheCountsTheSpecStates() {
    Dataset d = SharedData.dataset();
    assertThat(d.questions()).hasSize(400);
    assertThat(d.questions().get(0).questionId()).isEqualTo("120A-1");
    assertThat(d.questions().get(399).questionId()).isEqualTo("120F-75");
    assertThat(d.questions().stream().filter(q -> q.type() == QuestionType.CALCULATION)).hasSize(3);
    assertThat(d.questions().stream().filter(Question::requiresImage)).hasSize(98);
    assertThat(d.questions().stream().mapToInt(q -> q.clinicalImages().size()).sum()).isEqualTo(123);
    assertThat(d.questions().stream().flatMap(q -> q.clinicalImages().stream()).distinct()).hasSize(110);
    assertThat(d.questions().stream().filter(Part::isRequired)).hasSize(100);
    assertThat(d.exam()).isEqualTo("120");
  }

  @Test
  void everyReferencedImageExistsInTheImagesFolder() {
    Dataset d = SharedData.dataset();
    d.questions().stream().flatMap(q -> q.clinicalImages().stream())
        .forEach(name -> assertThat(d.imagesDirectory().resolve(name)).isRegularFile());
  }

  @Test
  void serialQuestionsCarryTheirGroupsCaseText() {
    Question q = SharedData.dataset().question("120B-41").orElseThrow();
    assertThat(q.serialGroup()).isPresent();
    assertThat(q.serialGroup().get().questions()).containsExactly("120B-41", "120B-42");
    assertThat(q.serialGroup().get().contextText()).startsWith("次の文を読み、41、42の問いに答えよ。");
  }

  @Test
  void aMissingDatasetSaysHowToGetIt() {
    assertThatThrownBy(() -> DatasetLoader.load(tmp))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(tmp.resolve("jmle2026_dataset.json").toString())
        .hasMessageContaining("jmle-bench dataset download");
  }

  @Test
  void badJsonNamesTheFileAndTheLine() throws IOException {
    Files.writeString(tmp.resolve(Dataset.JSON_NAME), "[\n{\"question_id\": }\n]");
    assertThatThrownBy(() -> DatasetLoader.load(tmp))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(tmp.resolve(Dataset.JSON_NAME) + ": not valid JSON (line 2, column ");
  }

  @Test
  void aMissingFieldNamesTheQuestionAndTheField() throws IOException {
    assertThat(faultOf(q -> q.remove("answer"))).endsWith("question 120A-1: field 'answer' is missing");
  }

  @Test
  void aWrongTypeNamesTheQuestionTheFieldAndWhatWasFound() throws IOException {
    assertThat(faultOf(q -> q.put("number", "one")))
        .endsWith("question 120A-1: field 'number' should be an integer, not \"one\"");
    assertThat(faultOf(q -> q.put("requires_image", 1)))
        .endsWith("question 120A-1: field 'requires_image' should be true or false, not 1");
    assertThat(faultOf(q -> q.put("question_type", "essay")))
        .endsWith("field 'question_type' is 'essay', expected multiple_choice or calculation");
  }

  @Test
  void anImageNameThatLeavesTheImagesFolderIsRejected() throws IOException {
    assertThat(faultOf(q -> q.putArray("clinical_images").add("../secret.png")))
        .endsWith("field 'clinical_images' holds '../secret.png', which is not a plain file name");
  }

  @Test
  void aDuplicatedQuestionIdIsRejected() throws IOException {
    ArrayNode all = sharedJson();
    all.add(all.get(0).deepCopy());
    Files.write(tmp.resolve(Dataset.JSON_NAME), new ObjectMapper().writeValueAsBytes(all));
    assertThatThrownBy(() -> DatasetLoader.load(tmp)).hasMessageEndingWith("question_id 120A-1 appears twice");
  }

  private String faultOf(Consumer<ObjectNode> breakFirst) throws IOException {
    ArrayNode all = sharedJson();
    breakFirst.accept((ObjectNode) all.get(0));
    Path file = tmp.resolve(Dataset.JSON_NAME);
    Files.write(file, new ObjectMapper().writeValueAsBytes(all));
    try {
      DatasetLoader.load(tmp);
    } catch (UserError e) {
      assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("expected the dataset to be rejected");
  }

  private static ArrayNode sharedJson() throws IOException {
    return (ArrayNode) new ObjectMapper().readTree(SharedData.root().resolve(Dataset.JSON_NAME).toFile());
  }
}
