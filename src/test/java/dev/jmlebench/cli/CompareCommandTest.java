package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String qwen32 = SharedData.results().resolve("Qwen_Qwen3-32B.json").toString();
  private final String medrect = SharedData.results().resolve("pfnet_Preferred-MedRECT-32B.json").toString();
  private final String results = SharedData.results().toString();

  /** {@code compare --all} over the published files takes a second or two: run it once for the class. */
  private static String allJson;

  @TempDir Path tmp;

  private static synchronized String allJson() {
    if (allJson == null) {
      allJson = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--all", SharedData.results().toString(), "--json").out();
    }
    return allJson;
  }

  @Test
  void comparingTwoPublishedFilesPrintsTheHandCountedDiscordantPairs() throws IOException {
    int[] counts = handCount(qwen32, medrect);
    Cli.Outcome r = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", qwen32, medrect);

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("A  Qwen3-32B (Qwen/Qwen3-32B)  " + qwen32 + "\nB  Preferred-MedRECT-32B")
        .contains("Questions both answered  400")
        .contains("Score        A 451/500 (90.2%)   B 449/500 (89.8%)   A-B +2 points, 95% CI [")
        .contains("A right/B wrong " + counts[0] + "   A wrong/B right " + counts[1] + "   exact McNemar p = ")
        .contains("Questions where they differ (" + (counts[0] + counts[1]) + ")");
  }

  @Test
  void pairJsonHasTheDocumentedKeysInTheDocumentedOrder() throws IOException {
    JsonNode j = JSON.readTree(Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--json", qwen32, medrect).out());

    assertThat(fieldNames(j)).containsExactly("schema", "bootstrap", "a", "b", "questions", "score_max", "a_score",
        "b_score", "score_difference", "score_difference_ci", "a_correct", "b_correct", "a_right_b_wrong",
        "a_wrong_b_right", "mcnemar_p", "by_block", "differing");
    assertThat(j.get("schema").textValue()).isEqualTo("jmle-bench.compare/1");
    assertThat(fieldNames(j.get("bootstrap"))).containsExactly("resamples", "seed", "level");
    assertThat(fieldNames(j.get("a"))).containsExactly("name", "model", "file");
    assertThat(fieldNames(j.get("by_block"))).containsExactly("A", "B", "C", "D", "E", "F");
    assertThat(fieldNames(j.get("by_block").get("B"))).containsExactly("questions", "score_max", "a_score",
        "b_score", "score_difference", "a_correct", "b_correct");
    assertThat(fieldNames(j.get("differing").get(0))).containsExactly("question_id", "points", "right",
        "a_predicted", "b_predicted", "gold");
    assertThat(j.get("score_difference_ci").size()).isEqualTo(2);
    assertThat(j.get("mcnemar_p").isDouble()).isTrue();

    int[] counts = handCount(qwen32, medrect);
    assertThat(j.get("a_right_b_wrong").intValue()).isEqualTo(counts[0]);
    assertThat(j.get("a_wrong_b_right").intValue()).isEqualTo(counts[1]);
    assertThat(j.get("differing").size()).isEqualTo(counts[0] + counts[1]);
    assertThat(j.get("a_score").intValue() - j.get("b_score").intValue())
        .isEqualTo(j.get("score_difference").intValue()).isEqualTo(2);
  }

  @Test
  void aRunOfPartOfTheExamIsMarkedInTheRankingNotReadAsAFullOne() throws IOException {
    // A quick try (--limit 10) beside a full run: its 90% is of ten questions.
    Path dir = Files.createDirectories(tmp.resolve("tries"));
    com.fasterxml.jackson.databind.node.ObjectNode file =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Path.of(qwen32).toFile());
    var results = (com.fasterxml.jackson.databind.node.ArrayNode) file.get("results");
    while (results.size() > 10) {
      results.remove(results.size() - 1);
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) file.get("metadata")).put("total_questions", 10)
        .put("attempted", 10);
    file.remove("summary");
    Files.writeString(dir.resolve("quick.json"), JSON.writeValueAsString(file));
    Files.copy(Path.of(medrect), dir.resolve("full.json"));

    Cli.Outcome r = Cli.run("compare", "--dataset", SharedData.root().toString(), "--all", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Qwen3-32B (part of the exam: 10 questions)")
        .doesNotContain("Preferred-MedRECT-32B (part");
  }

  @Test
  void allJsonHasTheDocumentedKeysInTheDocumentedOrder() throws IOException {
    JsonNode j = JSON.readTree(allJson());
    int n = SharedData.publishedResults().size();

    assertThat(fieldNames(j)).containsExactly("schema", "bootstrap", "alpha", "runs", "pairs", "neighbours", "exam");
    assertThat(j.get("schema").textValue()).isEqualTo("jmle-bench.compare-all/1");
    assertThat(fieldNames(j.get("runs").get(0))).containsExactly("rank", "name", "model", "file", "questions",
        "correct", "score", "score_max", "score_pct");
    assertThat(fieldNames(j.get("pairs").get(0))).containsExactly("a_rank", "b_rank", "a", "b", "questions",
        "score_max", "score_difference", "score_difference_ci", "a_right_b_wrong", "a_wrong_b_right", "mcnemar_p",
        "holm_p", "distinguishable");
    assertThat(fieldNames(j.get("neighbours").get(0))).containsExactly("a_rank", "b_rank", "a", "b", "holm_p",
        "distinguishable");
    assertThat(j.get("runs").size()).isEqualTo(n);
    assertThat(j.get("pairs").size()).isEqualTo(n * (n - 1) / 2);
    assertThat(j.get("neighbours").size()).isEqualTo(n - 1);
  }

  @Test
  void theSameFilesGiveByteIdenticalOutputRunToRun() {
    assertThat(Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--json", qwen32, medrect).out())
        .isEqualTo(Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--json", qwen32, medrect).out());
    assertThat(Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--all", results, "--json").out()).isEqualTo(allJson());
  }

  @Test
  void aPairInTheMatrixHasTheFiguresOfItsOwnComparison() throws IOException {
    JsonNode all = JSON.readTree(allJson());
    for (JsonNode p : all.get("pairs")) {
      if (p.get("a").textValue().equals("Qwen3-32B") && p.get("b").textValue().equals("Preferred-MedRECT-32B")) {
        JsonNode single = JSON.readTree(Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--json", qwen32, medrect).out());
        assertThat(p.get("score_difference_ci")).isEqualTo(single.get("score_difference_ci"));
        assertThat(p.get("mcnemar_p")).isEqualTo(single.get("mcnemar_p"));
        return;
      }
    }
    throw new AssertionError("pair Qwen3-32B / Preferred-MedRECT-32B not found");
  }

  @Test
  void helpPrintsWithoutFormatWarnings() {
    // A bare % in a description makes picocli's tracer warn on System.err and print the text unformatted.
    PrintStream original = System.err;
    ByteArrayOutputStream traced = new ByteArrayOutputStream();
    System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
    try {
      for (String command : List.of("compare", "summary")) {
        Cli.Outcome r = Cli.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).as(command).isEmpty();
        assertThat(r.out()).as(command).contains("95% ");
      }
    } finally {
      System.setErr(original);
    }
    assertThat(traced.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aMissingFileIsOneLineAndExitCodeTwo() {
    Cli.Outcome r = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", qwen32, tmp.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(Main.USAGE);
    assertThat(r.err().strip()).doesNotContain("\n").contains("nope.json").contains("no such result file");
  }

  @Test
  void oneFileOrBothFormsAtOnceAreUsageErrors() {
    Cli.Outcome one = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", qwen32);
    assertThat(one.exitCode()).isEqualTo(Main.USAGE);
    assertThat(one.err()).contains("give two result files A and B, or --all DIR");

    Cli.Outcome both = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", qwen32, medrect, "--all", results);
    assertThat(both.exitCode()).isEqualTo(Main.USAGE);
    assertThat(both.err()).contains("not both");
  }

  @Test
  void allOnADirectoryWithoutTwoResultFilesIsAUsageError() throws IOException {
    Cli.Outcome empty = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--all", tmp.toString());
    assertThat(empty.exitCode()).isEqualTo(Main.USAGE);
    assertThat(empty.err()).contains(tmp.toString()).contains("found 0");

    Files.writeString(tmp.resolve("broken.json"), "{\"results\": [");
    Cli.Outcome broken = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--all", tmp.toString());
    assertThat(broken.exitCode()).isEqualTo(Main.USAGE);
    assertThat(broken.err().strip()).doesNotContain("\n").contains("broken.json").contains("not valid JSON");
  }

  /** Imports one of IgakuQA's published prediction sets of an exam of the 112th-116th into {@code dir}. */
  private static void importIgakuqa(Path dir, String exam, String experiment, String name) throws IOException {
    String year = String.valueOf(Integer.parseInt(exam) + 1906);
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset", SharedData.rootIgakuqa().toString(),
        "--display-name", name, "--out", dir.resolve(exam + "_" + experiment + ".json").toString()));
    try (var s = Files.list(SharedData.rootIgakuqa().resolve("baseline_results/" + year))) {
      s.filter(p -> p.getFileName().toString().matches(exam + "-[A-F]_" + experiment + "\\.jsonl")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
  }

  @Test
  void allOverAFolderOfSeveralExamsComparesEachExamsRunsAmongThemselvesAndExamPicksOne() throws IOException {
    // What a suite of several exams writes: two runs of the 120th, two of the 112th, one of the 116th.
    Path dir = Files.createDirectory(tmp.resolve("results"));
    Files.copy(Path.of(qwen32), dir.resolve("Qwen_Qwen3-32B.json"));
    Files.copy(Path.of(medrect), dir.resolve("pfnet_Preferred-MedRECT-32B.json"));
    importIgakuqa(dir, "112", "chatgpt", "ChatGPT");
    importIgakuqa(dir, "112", "student-majority", "Majority");
    importIgakuqa(dir, "116", "chatgpt", "ChatGPT");
    String[] datasets = {"--dataset", SharedData.root().toString(), "--dataset", SharedData.rootIgakuqa().toString()};

    Cli.Outcome all = Cli.run(concat(new String[] {"compare", "--key", "120=author", "--all", dir.toString()}, datasets));

    assertThat(all.exitCode()).as(all.err()).isZero();
    String out = all.out();
    assertThat(out).contains("== The 120th exam: 2 runs compared among themselves ==")
        .contains("== The 112th exam: 2 runs compared among themselves ==")
        .contains("== The 116th exam: one run, nothing to compare it with: ChatGPT (chatgpt)");
    String exam120 = out.substring(out.indexOf("== The 120th"), out.indexOf("== The 112th"));
    String exam112 = out.substring(out.indexOf("== The 112th"), out.indexOf("== The 116th"));
    assertThat(exam120).as("newest first").startsWith("== The 120th").contains("Qwen3-32B")
        .doesNotContain("ChatGPT").doesNotContain("Majority");
    assertThat(exam112).contains("   1  Majority ").contains("   2  ChatGPT ").doesNotContain("Qwen3-32B");

    Cli.Outcome one = Cli.run(concat(new String[] {"compare", "--exam", "112", "--all", dir.toString()}, datasets));
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.out()).as("one exam reads as a folder of one exam").startsWith("Ranking by score\n")
        .contains("Majority").doesNotContain("Qwen3-32B").doesNotContain("==");

    Cli.Outcome json = Cli.run(concat(new String[] {"compare", "--key", "120=author", "--json", "--all",
        dir.toString()}, datasets));
    JsonNode doc = JSON.readTree(json.out());
    assertThat(doc.get("schema").asText()).isEqualTo("jmle-bench.compare-all-exams/1");
    assertThat(doc.get("exams").findValuesAsText("exam")).containsExactly("120", "112");
    assertThat(doc.at("/exams/1/runs").findValuesAsText("name")).containsExactly("Majority", "ChatGPT");
    assertThat(doc.at("/alone/0/exam").asText()).isEqualTo("116");

    Cli.Outcome lonely = Cli.run(concat(new String[] {"compare", "--exam", "116", "--all", dir.toString()}, datasets));
    assertThat(lonely.exitCode()).isEqualTo(2);
    assertThat(lonely.err().strip()).isEqualTo("jmle-bench: " + dir + ": --all needs two result files of one exam to "
        + "compare, found one of exam 116 (--exam 116)");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void allPassesOverTheFilesJmleBenchWritesBesideTheResultsWithoutAWord() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("results"));
    for (String name : List.of("Qwen_Qwen3-32B.json", "pfnet_Preferred-MedRECT-32B.json")) {
      Files.copy(SharedData.results().resolve(name), dir.resolve(name));
    }
    // A leaderboard's exports, as it writes them beside the results, and a waiting batch's journal.
    assertThat(Cli.run("leaderboard", "--results", dir.toString(), "--dataset", SharedData.root().toString(),
        "--key", "author").exitCode()).isZero();
    Files.writeString(dir.resolve("running.batch.json"), "{\"format\": \"jmle-bench-batch\", \"version\": 1, "
        + "\"api\": \"openai\", \"batch_id\": \"batch_1\", \"custom_ids\": [\"120A-1\"]}");

    Cli.Outcome r = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--all",
        dir.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("   1  Qwen3-32B ").contains("   2  Preferred-MedRECT-32B ");
  }

  @Test
  void allSkipsOtherJsonLyingBesideTheResultsAndSaysSo() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("results"));
    // The leaderboard writes leaderboard.json beside the result files by default.
    Files.writeString(dir.resolve("leaderboard.json"), "{\"rows\": []}");
    List<Path> links = new ArrayList<>();
    for (String name : List.of("Qwen_Qwen3-32B.json", "pfnet_Preferred-MedRECT-32B.json")) {
      links.add(Files.createSymbolicLink(dir.resolve(name), SharedData.results().resolve(name).toAbsolutePath()));
    }
    Cli.Outcome r;
    try {
      r = Cli.run("compare", "--dataset", SharedData.root().toString(), "--key", "author", "--all", dir.toString());
    } finally {
      for (Path link : links) {
        Files.delete(link); // links, not copies, of the shared files; removed so JUnit need not warn
      }
    }

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEqualTo("skipped " + dir.resolve("leaderboard.json")
        + ": not a result file (no results array)\n");
    assertThat(r.out()).contains("   1  Qwen3-32B ").contains("   2  Preferred-MedRECT-32B ");
  }

  @Test
  void summaryFollowsTheReportWithIntervalsAndThePassProbability() {
    Cli.Outcome r = Cli.run("summary", "--key", "author", "--dataset", SharedData.root().toString(),
        SharedData.results().resolve("openai_gpt-oss-120b_low.json").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("  95% CI     score \\d+–\\d+ \\(\\d+\\.\\d%–\\d+\\.\\d%\\)   accuracy "
        + "\\d+\\.\\d%–\\d+\\.\\d% \\(bootstrap\\), \\d+\\.\\d%–\\d+\\.\\d% \\(Wilson\\)\n")
        .containsPattern("  P\\(pass\\)    0\\.9\\d{3}   ")
        .contains("  Bootstrap  stratified by part and points, serial groups resampled whole, 10,000 resamples, seed 1246579781");
  }

  /** {A right and B wrong, A wrong and B right}, counted from the files' correct flags. */
  private static int[] handCount(String a, String b) throws IOException {
    Map<String, Boolean> other = new HashMap<>();
    JSON.readTree(Path.of(b).toFile()).get("results")
        .forEach(r -> other.put(r.get("question_id").textValue(), r.get("correct").booleanValue()));
    int[] counts = new int[2];
    for (JsonNode r : JSON.readTree(Path.of(a).toFile()).get("results")) {
      boolean right = r.get("correct").booleanValue();
      boolean otherRight = other.get(r.get("question_id").textValue());
      if (right && !otherRight) {
        counts[0]++;
      } else if (!right && otherRight) {
        counts[1]++;
      }
    }
    return counts;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
