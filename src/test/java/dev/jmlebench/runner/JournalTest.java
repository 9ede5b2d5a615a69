package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.results.QuestionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static QuestionResult answered(String id) {
    return new QuestionResult(id, List.of("a"), List.of("a"), true, "【回答】a", true, null, "考え中", Map.of());
  }

  /** What a journal holds: its model and every answer in order, by sample. */
  private record Read(String model, List<Integer> samples, List<QuestionResult> results) {}

  private static Read read(Path path) {
    List<Integer> samples = new ArrayList<>();
    List<QuestionResult> results = new ArrayList<>();
    Journal.Contents c = Journal.read(path, (sample, r, line) -> {
      samples.add(sample);
      results.add(r);
      // Each answer can be read again alone from where its line is.
      assertThat(Journal.readLine(path, line)).isEqualTo(r);
    });
    assertThat(c.entries()).isEqualTo(results.size());
    return new Read(c.model(), samples, results);
  }

  @Test
  void theJournalLivesBesideTheResultFile() {
    assertThat(Journal.pathFor(Path.of("results/m_1.json"))).isEqualTo(Path.of("results/m_1.journal.jsonl"));
  }

  @Test
  void appendedResultsReadBackInOrderWithTheirModel() {
    Path path = dir.resolve("x.journal.jsonl");
    try (Journal j = Journal.open(path, "org/model")) {
      j.append(answered("120A-1"), 0, 0);
      j.append(QuestionResult.failed("120A-2", List.of("b"), "HTTP 500: boom", Map.of()), 0, 0);
    }
    Read c = read(path);
    assertThat(c.model()).isEqualTo("org/model");
    assertThat(Journal.model(path)).isEqualTo("org/model");
    assertThat(c.results()).extracting(QuestionResult::questionId).containsExactly("120A-1", "120A-2");
    assertThat(c.results().get(0)).isEqualTo(answered("120A-1"));
    assertThat(c.results().get(1).error()).isEqualTo("HTTP 500: boom");
  }

  @Test
  void aTornLastLineAfterACrashIsIgnoredNotFatal() throws Exception {
    Path path = dir.resolve("x.journal.jsonl");
    try (Journal j = Journal.open(path, "m")) {
      j.append(answered("120A-1"), 0, 0);
    }
    Files.write(path, "{\"question_id\": \"120A-2\", \"predic".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    assertThat(read(path).results()).extracting(QuestionResult::questionId).containsExactly("120A-1");
  }

  @Test
  void reopeningCutsTheTornLineOffBeforeAppending() throws Exception {
    Path path = dir.resolve("x.journal.jsonl");
    try (Journal j = Journal.open(path, "m")) {
      j.append(answered("120A-1"), 0, 0);
    }
    Files.write(path, "{\"question_id\": \"120A-2\", \"pr".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (Journal j = Journal.open(path, "m")) {
      j.append(answered("120A-3"), 0, 0);
    }
    assertThat(read(path).results()).extracting(QuestionResult::questionId)
        .containsExactly("120A-1", "120A-3");
    assertThat(Files.readAllLines(path)).hasSize(3);
  }

  @Test
  void aJournalTornInsideItsHeaderIsEmpty() throws Exception {
    Path path = dir.resolve("x.journal.jsonl");
    Files.writeString(path, "{\"jmle_bench_jour");
    assertThat(read(path).results()).isEmpty();
    assertThat(read(path).model()).isNull();
    assertThat(Journal.model(path)).isNull();
    assertThat(read(dir.resolve("absent.jsonl")).results()).isEmpty();
  }

  @Test
  void aDamagedLineInTheMiddleNamesTheFileAndLine() throws Exception {
    Path path = dir.resolve("x.journal.jsonl");
    try (Journal j = Journal.open(path, "m")) {
      j.append(answered("120A-1"), 0, 0);
    }
    Files.writeString(path, "garbage\n{\"question_id\": \"120A-3\"}\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> read(path)).isInstanceOf(UserError.class)
        .hasMessageStartingWith(path + ":3: not a JSON line");
  }

  @Test
  void aSampleLineSaysWhichSampleItIsAndSampleZeroLinesAreUnchanged() throws Exception {
    Path path = dir.resolve("x.journal.jsonl");
    try (Journal j = Journal.open(path, "m")) {
      j.append(answered("120A-1"), 0, 0);
      j.append(answered("120A-1"), 2, 0);
    }
    List<String> lines = Files.readAllLines(path);
    assertThat(lines.get(1)).doesNotContain("\"sample\"");
    assertThat(lines.get(2)).endsWith(",\"sample\":2}");
    Read c = read(path);
    assertThat(c.samples()).containsExactly(0, 2);
    assertThat(c.results()).containsExactly(answered("120A-1"), answered("120A-1"));
  }
}
