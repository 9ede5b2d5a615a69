package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result files are written by whoever ran the model: a {@code display_name}, {@code model} or
 * {@code question_id} carrying escape sequences (clear screen, window title, C1 controls) must reach the
 * terminal as inert text through every command that prints it.
 */
class TerminalSafetyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLEAR_AND_RETITLE = "\u001b]0;pwned\u0007\u001b[2J\u009b31m";

  @TempDir Path tmp;

  private Path hostile(String name, String questionIdSuffix) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(SharedData.results().resolve("openai_gpt-5.2.json").toFile());
    ObjectNode metadata = (ObjectNode) root.get("metadata");
    metadata.put("display_name", "evil" + CLEAR_AND_RETITLE);
    metadata.put("model", "m" + CLEAR_AND_RETITLE);
    ObjectNode first = (ObjectNode) root.get("results").get(0);
    first.put("question_id", first.get("question_id").textValue() + questionIdSuffix);
    Path file = tmp.resolve(name);
    Files.write(file, JSON.writeValueAsBytes(root));
    return file;
  }

  private static void assertInert(Cli.Outcome r) {
    String printed = r.out() + r.err();
    assertThat(printed.chars().filter(c -> c != '\n' && Character.getType(c) == Character.CONTROL))
        .as(printed).isEmpty();
    assertThat(printed).contains("\\u001B");
  }

  @Test
  void summaryShowsAHostileNameAndModelAsText() throws IOException {
    Cli.Outcome r = Cli.run("summary", "--key", "author", "--dataset", SharedData.root().toString(), hostile("a.json", "").toString());

    assertThat(r.exitCode()).isZero();
    assertInert(r);
    assertThat(r.out()).startsWith("evil\\u001B]0;pwned\\u0007\\u001B[2J\\u009B31m  (m\\u001B]0;pwned");
  }

  @Test
  void compareShowsHostileNamesAsText() throws IOException {
    Cli.Outcome r = Cli.run("compare", "--key", "author", "--dataset", SharedData.root().toString(), hostile("a.json", "").toString(),
        SharedData.results().resolve("Qwen_Qwen3-32B.json").toString());

    assertThat(r.exitCode()).isZero();
    assertInert(r);
  }

  @Test
  void compareAllNamesASkippedFileWithAHostileNameAsText() throws IOException {
    hostile("a.json", "");
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), tmp.resolve("b.json"));
    Files.writeString(tmp.resolve("x" + CLEAR_AND_RETITLE + ".json"), "{\"not\": \"results\"}");

    Cli.Outcome r = Cli.run("compare", "--key", "author", "--dataset", SharedData.root().toString(), "--all", tmp.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("skipped ");
    assertInert(r);
  }

  @Test
  void anErrorLineQuotingAHostileQuestionIdIsOneInertLine() throws IOException {
    Cli.Outcome r = Cli.run("compare", "--key", "author", "--dataset", SharedData.root().toString(), hostile("a.json", "\n\u001b[5m").toString(),
        SharedData.results().resolve("Qwen_Qwen3-32B.json").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).endsWith("\n").doesNotContain("internal error");
    assertThat(r.err().lines()).hasSize(1);
    assertInert(r);
  }
}
