package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A result file is input anyone can hand over: whatever it holds, every command that reads it prints one
 * line naming the file and the place of the fault, exits 2, and never says "internal error".
 */
class HostileFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PUBLISHED = SharedData.results().resolve("openai_gpt-5.2.json");
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path tmp;

  /** The published file as text with {@code inserted} placed first in its metadata. */
  private static String withMetadataField(String inserted) throws IOException {
    return Files.readString(PUBLISHED).replaceFirst("\"metadata\": \\{", "\"metadata\": {" + inserted + ",");
  }

  private static String edited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(PUBLISHED.toFile());
    edit.accept(root);
    return JSON.writeValueAsString(root);
  }

  private static ObjectNode summary(ObjectNode root) {
    return (ObjectNode) root.get("summary");
  }

  /** Hostile file, and the text its error line names as the fault. */
  static List<Arguments> files() throws IOException {
    List<Arguments> files = new ArrayList<>();
    files.add(Arguments.of("nested 5,000 deep",
        withMetadataField("\"deep\": " + "[".repeat(5000) + "]".repeat(5000)), "(line "));
    files.add(Arguments.of("a 5,000-digit number", withMetadataField("\"big\": " + "9".repeat(5000)), "(line "));
    files.add(Arguments.of("a negative count",
        edited(r -> summary(r).put("correct", -5)), "summary: field 'correct'"));
    files.add(Arguments.of("counts whose sum overflows", edited(r -> summary(r)
        .put("correct", Integer.MAX_VALUE).put("incorrect", Integer.MAX_VALUE)), "summary: field 'incorrect'"));
    files.add(Arguments.of("a score above its maximum",
        edited(r -> summary(r).put("score", 501)), "summary: field 'score'"));
    files.add(Arguments.of("a block with more right than asked",
        edited(r -> ((ObjectNode) summary(r).get("by_block").get("A")).put("correct", 99)),
        "summary.by_block.A: field 'correct'"));
    files.add(Arguments.of("a negative total_questions",
        edited(r -> ((ObjectNode) r.get("metadata")).put("total_questions", -1)), "metadata: field 'total_questions'"));
    files.add(Arguments.of("a count that is a huge object", edited(r -> summary(r)
        .putPOJO("errors", JSON.createObjectNode().put("x", "y".repeat(100_000)))), "summary: field 'errors'"));
    return files;
  }

  /** Each command that reads result files, given the hostile file in {@code dir}. */
  private List<String[]> commands(Path file) {
    Path dir = file.getParent();
    return List.of(
        new String[] {"summary", file.toString()},
        new String[] {"rescore", "--dataset", DATASET, file.toString()},
        new String[] {"compare", file.toString(), SharedData.results().resolve("Qwen_Qwen3-32B.json").toString()},
        new String[] {"compare", "--all", dir.toString()},
        new String[] {"leaderboard", "--results", dir.toString(), "--readme", tmp.resolve("README.md").toString(),
            "--chart", tmp.resolve("charts/leaderboard.png").toString(), "--dataset", DATASET},
        new String[] {"report", "--dataset", DATASET, "--results", dir.toString(),
            "--out", tmp.resolve("site").toString()},
        new String[] {"run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset", DATASET,
            "--resume", file.toString(), "--max-retries", "0", "--timeout", "1"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyCommandRejectsTheFileInOneLineWithExitCode2(String attack, String content, String place)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    Path file = dir.resolve("hostile.json");
    Files.writeString(file, content);
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), dir.resolve("other.json"));
    Files.writeString(tmp.resolve("README.md"), "# r\n<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n");

    for (String[] command : commands(file)) {
      Cli.Outcome r = Cli.run(command);

      String as = attack + ": " + String.join(" ", command[0], command[1]);
      assertThat(r.exitCode()).as(as + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err()).as(as).startsWith("jmle-bench: " + file + ": ").contains(place)
          .doesNotContain("internal error");
      assertThat(r.err().lines()).as(as).hasSize(1);
      assertThat(r.err().length()).as(as).isLessThan(1000);
    }
    assertThat(Files.readString(file)).isEqualTo(content);
  }
}
