package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --repeats} through the CLI against {@code mock-server --vary}, whose k-th answer to a question
 * follows a fixed pattern by question number mod 5 (see the mock's MockAnswers). The expected figures are
 * worked out here from that pattern alone, not from the code under test.
 */
class RunRepeatsTest {
  private final String dataset = SharedData.root().toString();

  /** The mock's pattern: for number mod 5 = row, sample k gives gold (R), a wrong answer (W) or none (-). */
  private static final String[] PATTERN = {"RRR", "RWR", "WRR", "RWW", "WW-"};
  /** How many of the 3 samples give the most common parsed answer, and whether the vote is right. */
  private static final int[] MODAL = {3, 2, 2, 1, 2};
  private static final boolean[] VOTE_RIGHT = {true, true, true, true, false};

  @TempDir Path dir;

  private Cli.Outcome run(MockServer server, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--model", "m", "--base-url",
        server.baseUrl().toString(), "--dataset", dataset, "--out", out.toString(), "--blocks", "B"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void threeRepeatsKeepThreeSamplesPerQuestionAndReportMeanMajorityAndAgreement() throws IOException {
    List<Question> blockB = SharedData.dataset().questions().stream().filter(q -> q.block().equals("B")).toList();
    int[] scores = new int[3];
    int max = 0;
    int majority = 0;
    int majorityRight = 0;
    int[] agreement = new int[4];
    for (Question q : blockB) {
      String row = PATTERN[q.number() % 5];
      max += Points.of(q);
      for (int k = 0; k < 3; k++) {
        scores[k] += row.charAt(k) == 'R' ? Points.of(q) : 0;
      }
      agreement[MODAL[q.number() % 5]]++;
      if (VOTE_RIGHT[q.number() % 5]) {
        majority += Points.of(q);
        majorityRight++;
      }
    }
    double mean = (scores[0] + scores[1] + scores[2]) / 3.0;
    double sd = Math.sqrt((Math.pow(scores[0] - mean, 2) + Math.pow(scores[1] - mean, 2)
        + Math.pow(scores[2] - mean, 2)) / 2);

    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT.withVariedAnswers())) {
      Path out = dir.resolve("m.json");
      // One request at a time, so the k-th answer the mock sends to a question is sample k.
      Cli.Outcome o = run(server, out, "--repeats", "3", "--parallel", "1");
      assertThat(o.exitCode()).as(o.err()).isZero();
      for (Question q : blockB) {
        assertThat(server.requests(q.questionId())).as(q.questionId()).isEqualTo(3);
      }

      JsonNode file = new ObjectMapper().readTree(out.toFile());
      assertThat(file.path("metadata").path("repeats").asInt()).isEqualTo(3);
      assertThat(file.path("metadata").path("totals").path("requests").asInt()).isEqualTo(150);
      for (JsonNode r : file.path("results")) {
        String row = PATTERN[Integer.parseInt(r.path("question_id").asText().substring(5)) % 5];
        JsonNode samples = r.path("samples");
        assertThat(samples).hasSize(3);
        for (int k = 0; k < 3; k++) {
          assertThat(samples.get(k).path("correct").asBoolean()).as(r + " #" + k).isEqualTo(row.charAt(k) == 'R');
          assertThat(samples.get(k).path("parse_success").asBoolean()).isEqualTo(row.charAt(k) != '-');
          assertThat(samples.get(k).has("latency_ms")).isTrue();
        }
        assertThat(r.path("predicted")).as("published: the first sample").isEqualTo(samples.get(0).path("predicted"));
        assertThat(r.path("correct")).isEqualTo(samples.get(0).path("correct"));
      }

      String[] expected = {
          String.format(Locale.ROOT, "  Repeats    3 samples per question; the figures above are the first sample's"),
          String.format(Locale.ROOT, "  Mean       %.1f/%d (%.1f%%)   SD %.1f   min–max %d–%d", mean, max,
              100 * mean / max, sd, Math.min(scores[0], Math.min(scores[1], scores[2])),
              Math.max(scores[0], Math.max(scores[1], scores[2]))),
          String.format(Locale.ROOT, "  Majority   %d/%d (%.1f%%)   accuracy %.1f%% (%d/50)", majority, max,
              100.0 * majority / max, 100.0 * majorityRight / 50, majorityRight),
          String.format(Locale.ROOT, "  Agreement  %d/50 (%.1f%%) questions with all 3 answers alike · 3/3: %d · "
              + "2/3: %d · 1/3: %d · none parsed: 0", agreement[3], 2.0 * agreement[3], agreement[3], agreement[2],
              agreement[1])};
      assertThat(o.out()).containsPattern("Score +" + scores[0] + "/" + max).contains("o 120B-1#3 ");
      for (String line : expected) {
        assertThat(o.out()).contains(line);
      }
      Cli.Outcome summary = Cli.run("summary", "--dataset", SharedData.root().toString(), out.toString());
      assertThat(summary.exitCode()).as(summary.err()).isZero();
      for (String line : expected) {
        assertThat(summary.out()).contains(line);
      }
    }
  }

  @Test
  void aRepeatCountBelowOneGivesOneLine() {
    for (String n : List.of("0", "-2")) {
      Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dataset", dataset,
          "--repeats", n, "--out", dir.resolve("m.json").toString());
      assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
      assertThat(o.err().lines().toList()).hasSize(1);
      assertThat(o.err()).startsWith("jmle-bench: ").contains("--repeats: should be a positive number, not " + n);
    }
    assertThat(dir.resolve("m.json")).doesNotExist();
  }

  @Test
  void resumingAFileWithMoreSamplesThanAskedIsRefusedAndLeavesItUntouched() throws IOException {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT.withVariedAnswers())) {
      Path out = dir.resolve("m.json");
      assertThat(run(server, out, "--repeats", "2").exitCode()).isZero();
      byte[] before = Files.readAllBytes(out);
      Cli.Outcome o = run(server, out);
      assertThat(o.exitCode()).isEqualTo(2);
      assertThat(o.err().lines().toList()).hasSize(1);
      assertThat(o.err()).contains(out + " is another run (repeats 2 there, 1 here)");
      assertThat(Files.readAllBytes(out)).isEqualTo(before);
    }
  }
}
