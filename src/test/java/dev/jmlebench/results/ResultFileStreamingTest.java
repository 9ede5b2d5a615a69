package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A result file read and written one result at a time ({@link ResultFiles#scan}, {@link ResultFiles#readAt},
 * {@link ResultFiles#write(Path, ResultFile, java.util.function.UnaryOperator)}) is the file read and written whole:
 * the same results, the same faults, the same bytes.
 */
class ResultFileStreamingTest {
  @TempDir Path dir;

  static List<Path> published() {
    return SharedData.publishedResults();
  }

  @ParameterizedTest
  @MethodSource("published")
  void scanningGivesEveryResultAsReadingDoesAndEachCanBeReadAgainAloneFromItsSpan(Path file) {
    ResultFile whole = ResultFiles.read(file);
    List<QuestionResult> scanned = new ArrayList<>();
    ResultFile rest = ResultFiles.scan(file, (r, span) -> {
      scanned.add(r);
      assertThat(ResultFiles.readAt(file, span)).isEqualTo(r);
    });

    assertThat(scanned).containsExactlyElementsOf(whole.results());
    assertThat(rest.results()).isEmpty();
    assertThat(rest.metadata()).isEqualTo(whole.metadata());
    assertThat(rest.summary()).isEqualTo(whole.summary());
    assertThat(rest.summaryExtra()).isEqualTo(whole.summaryExtra());
    assertThat(rest.extra()).isEqualTo(whole.extra());
  }

  @ParameterizedTest
  @MethodSource("published")
  void resultsHeldWithoutTheirTextsAreWrittenWithThemTheFilesOwnBytes(Path file) throws IOException {
    Map<String, QuestionResult> byId = new HashMap<>();
    List<QuestionResult> slim = new ArrayList<>();
    ResultFile rest = ResultFiles.scan(file, (r, span) -> {
      byId.put(r.questionId(), r);
      slim.add(r.withoutTexts());
    });
    assertThat(slim).allSatisfy(r -> assertThat(r.rawResponse()).isIn("", QuestionResult.TEXT_ELSEWHERE));
    Path out = dir.resolve("out.json");

    ResultFiles.write(out, rest.withResults(slim), r -> r.withTexts(byId.get(r.questionId())));

    assertThat(Files.readString(out)).isEqualTo(Files.readString(file));
  }

  @Test
  void scanningNamesTheFaultsReadingNames() throws IOException {
    Path twice = dir.resolve("twice.json");
    String one = "{\"question_id\": \"120A-1\", \"gold\": [\"a\"]}";
    Files.writeString(twice, "{\"metadata\": {\"model\": \"m\"}, \"results\": [" + one + ", " + one + "]}");
    Path trailing = dir.resolve("trailing.json");
    Files.writeString(trailing, "{\"metadata\": {\"model\": \"m\"}, \"results\": []} {}");
    Path notObject = dir.resolve("array.json");
    Files.writeString(notObject, "[]");
    Path mixed = dir.resolve("mixed.json");
    Files.writeString(mixed, "{\"metadata\": {\"model\": \"m\", \"exam\": \"119\"}, \"results\": [" + one + "]}");

    for (Path p : List.of(twice, notObject, mixed)) {
      String read = message(() -> ResultFiles.read(p));
      assertThat(message(() -> ResultFiles.scan(p, (r, span) -> { }))).as(p.toString()).isEqualTo(read);
    }
    assertThat(message(() -> ResultFiles.scan(trailing, (r, span) -> { })))
        .startsWith(trailing + ": not valid JSON (line 1, column ");
    assertThat(message(() -> ResultFiles.scan(dir.resolve("absent.json"), (r, span) -> { })))
        .isEqualTo(dir.resolve("absent.json") + ": no such result file");
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (UserError e) {
      return e.getMessage();
    }
    throw new AssertionError("no UserError");
  }

  @Test
  void aResultThatIsNotAnObjectIsNamedByItsPlace() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"metadata\": {\"model\": \"m\"}, \"results\": [42]}");
    assertThatThrownBy(() -> ResultFiles.scan(bad, (r, span) -> { })).isInstanceOf(UserError.class)
        .hasMessage(bad + ": results[0] is not an object");
  }
}
