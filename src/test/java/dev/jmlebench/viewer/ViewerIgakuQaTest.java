package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's data for an IgakuQA exam: per question the examinees' accuracy and choice shares and the
 * prohibited choices with the annotator's reason, and each answer that includes one marked, as many as the
 * run's summary counts.
 */
class ViewerIgakuQaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void questionsCarryTheExamineesAndTheProhibitedChoicesAndTheRunsAnswersAreMarked(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("chatgpt.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset", SharedData.rootIgakuqa().toString(),
        "--out", out.toString()));
    try (Stream<Path> s = Files.list(SharedData.rootIgakuqa().resolve("baseline_results/2019"))) {
      s.filter(p -> p.getFileName().toString().matches("113-[A-F]_chatgpt\\.jsonl")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    assertThat(Cli.run(args.toArray(String[]::new)).exitCode()).isZero();
    ViewerApi api = new ViewerApi(ViewerData.load(dir, SharedData.datasetIgakuqa("113"), AnswerKey.of("113", "official")));

    JsonNode model = JSON.readTree(api.json("model/chatgpt").orElseThrow());
    List<String> marked = new ArrayList<>();
    model.get("results").forEach(r -> {
      if (r.path("prohibited").asBoolean()) {
        marked.add(r.get("q").asText());
      }
    });
    assertThat(marked).hasSize(ResultFiles.read(out).summary().prohibitedAnswers()).isNotEmpty();

    JsonNode question = JSON.readTree(api.json("question/" + marked.get(0)).orElseThrow());
    JsonNode q = question.get("question");
    assertThat(q.at("/prohibited/choices").size()).isPositive();
    assertThat(q.at("/prohibited/reason").asText()).isNotBlank();
    assertThat(q.at("/prohibited/annotated_by").asText()).contains("IgakuQA's authors").contains("not official");
    assertThat(q.at("/examinees/shares").size()).isEqualTo(5);
    assertThat(question.get("results").get(0).get("prohibited").asBoolean()).isTrue();

    JsonNode first = JSON.readTree(api.json("question/113A-1").orElseThrow()).get("question");
    var annotation = SharedData.datasetIgakuqa("113").annotation("113A-1").orElseThrow();
    assertThat(first.at("/examinees/share_right").asDouble()).isEqualTo(annotation.examineeAccuracy().getAsDouble());
    assertThat(first.at("/examinees/shares/a").asDouble()).isEqualTo(annotation.choiceShares().get(0));
    JsonNode index = JSON.readTree(api.json("index").orElseThrow());
    assertThat(index.get("questions").get(0).get("examinee_accuracy").asDouble())
        .isEqualTo(annotation.examineeAccuracy().getAsDouble());
  }
}
