package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite whose runs sit different exams (the 120th, the 119th and the 112th, each against its own mock
 * server): each run asks its own exam's questions and is graded by that exam's key, {@code suite status}
 * counts each against its own exam's questions, the plan's command lines carry {@code --exam}, and the
 * leaderboard rebuilt at the end ranks every exam.
 */
class SuiteOfSeveralExamsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Dataset D120 = SharedData.dataset();
  private static final Dataset D119 = SharedData.dataset119();
  private static final Dataset D112 = SharedData.datasetIgakuqa("112");
  /** --dataset once per exam, as for `leaderboard`. */
  private static final List<String> DATASETS = List.of("--dataset", SharedData.root().toString(), "--dataset",
      SharedData.root119().toString(), "--dataset", SharedData.rootIgakuqa().toString());

  @TempDir Path dir;

  private Path suite(MockServer s120, MockServer s119, MockServer s112) throws IOException {
    Path file = dir.resolve("years.yaml");
    // The 119th run leaves out image questions (skip): its total, 297 text-only questions, is the 119th's own.
    Files.writeString(file, "results_dir: " + dir.resolve("results") + "\nruns:\n"
        + "- name: qwen-120\n  model: Qwen/Qwen3-32B\n  display_name: Qwen3-32B\n  base_url: " + s120.baseUrl()
        + "\n  key: author\n  parallel: 8\n"
        + "- name: mock-119\n  model: mock\n  display_name: Mock\n  base_url: " + s119.baseUrl()
        + "\n  exam: 119\n  image_mode: skip\n  parallel: 8\n"
        + "- name: mock-112\n  model: mock\n  display_name: Mock\n  base_url: " + s112.baseUrl()
        + "\n  exam: 112\n  parallel: 8\n");
    return file;
  }

  private static Cli.Outcome cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(DATASETS);
    return Cli.run(all.toArray(String[]::new));
  }

  private static void assertAskedOnceEach(MockServer server, Dataset exam, boolean textOnly) {
    for (Question q : exam.questions()) {
      assertThat(server.answered(q.questionId())).as(q.questionId()).isEqualTo(textOnly && q.requiresImage() ? 0 : 1);
    }
  }

  @Test
  void eachRunSitsItsOwnExamAndTheLeaderboardRanksEveryExam() throws IOException {
    ResultFile qwen = ResultFiles.read(SharedData.results().resolve("Qwen_Qwen3-32B.json"));
    try (MockServer s120 = MockServer.start(0, D120, qwen, MockOptions.INSTANT);
        MockServer s119 = MockServer.start(0, D119, null, MockOptions.INSTANT);
        MockServer s112 = MockServer.start(0, D112, null, MockOptions.INSTANT)) {
      Path file = suite(s120, s119, s112);

      Cli.Outcome plan = Cli.run("suite", "plan", file.toString());
      assertThat(plan.exitCode()).as(plan.err()).isZero();
      List<String> commands = plan.out().lines().filter(l -> l.startsWith("  ./jmle-bench run ")).toList();
      assertThat(commands).hasSize(3);
      assertThat(commands.get(0)).doesNotContain("--exam");
      assertThat(commands.get(1)).contains(" --exam 119 ");
      assertThat(commands.get(2)).contains(" --exam 112 ");

      Cli.Outcome before = cli("suite", "status", file.toString());
      assertThat(before.out()).containsPattern("missing +qwen-120 +0/400 ").containsPattern("missing +mock-119 +0/297 ")
          .containsPattern("missing +mock-112 +0/" + D112.questions().size() + " ");

      Cli.Outcome r = cli("suite", "run", file.toString(), "--jobs", "2");
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains(file + ": 3 of 3 runs complete");

      ResultFile f120 = ResultFiles.read(dir.resolve("results/qwen-120.json"));
      ResultFile f119 = ResultFiles.read(dir.resolve("results/mock-119.json"));
      ResultFile f112 = ResultFiles.read(dir.resolve("results/mock-112.json"));
      assertThat(List.of(ResultFiles.examOf(f120), ResultFiles.examOf(f119), ResultFiles.examOf(f112)))
          .containsExactly("120", "119", "112");
      assertThat(f120.summary()).as("the replayed 120th run, graded as published").isEqualTo(qwen.summary());
      assertThat(f119.results()).hasSize(297);
      assertThat(f119.summary().scoreMax()).isEqualTo(383); // the 119th's text-only points
      assertThat(f112.results()).hasSize(D112.questions().size());
      assertThat(f112.summary().scoreMax()).isEqualTo(499); // the 112th's, one question excluded
      assertAskedOnceEach(s120, D120, false);
      assertAskedOnceEach(s119, D119, true);
      assertAskedOnceEach(s112, D112, false);

      // Each equals a single `run --exam` of its settings.
      for (var single : List.of(List.of("119", "skip", s119.baseUrl().toString(), "mock-119"),
          List.of("112", "blind", s112.baseUrl().toString(), "mock-112"))) {
        Path out = dir.resolve("single-" + single.get(0) + ".json");
        Cli.Outcome run = cli("run", "--exam", single.get(0), "--model", "mock", "--display-name", "Mock",
            "--base-url", single.get(2), "--image-mode", single.get(1), "--parallel", "8", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        ResultFile ofSuite = ResultFiles.read(dir.resolve("results/" + single.get(3) + ".json"));
        ResultFile alone = ResultFiles.read(out);
        assertThat(ofSuite.summary()).isEqualTo(alone.summary());
        assertThat(ofSuite.results().stream().map(QuestionResult::predicted).toList())
            .isEqualTo(alone.results().stream().map(QuestionResult::predicted).toList());
      }

      Cli.Outcome status = cli("suite", "status", file.toString());
      assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
      assertThat(status.out()).containsPattern("done +qwen-120 +400/400 ").containsPattern("done +mock-119 +297/297 ")
          .containsPattern("done +mock-112 +" + D112.questions().size() + "/" + D112.questions().size() + " ")
          .contains(file + ": 3 done");

      // The leaderboard rebuilt at the end: one export per exam, each ranking its own run.
      assertThat(r.out()).contains("wrote " + dir.resolve("results/leaderboard.json"))
          .contains("wrote " + dir.resolve("results/leaderboard-119.json"))
          .contains("wrote " + dir.resolve("results/leaderboard-112.json"));
      Map<String, List<String>> ranked = new TreeMap<>();
      for (String exam : List.of("", "-119", "-112")) {
        JsonNode export = JSON.readTree(dir.resolve("results/leaderboard" + exam + ".json").toFile());
        List<String> sources = new ArrayList<>();
        export.get("runs").forEach(run -> sources.add(run.get("source_file").asText()));
        ranked.put(exam, sources);
      }
      assertThat(ranked).containsEntry("", List.of("qwen-120.json")).containsEntry("-119", List.of("mock-119.json"))
          .containsEntry("-112", List.of("mock-112.json"));

      // Only the 120th's run selected: the folder's other exams are still ranked, their datasets loaded for it.
      Files.delete(dir.resolve("results/leaderboard-119.json"));
      Cli.Outcome only = cli("suite", "run", file.toString(), "--only", "qwen-120");
      assertThat(only.exitCode()).as(only.out() + only.err()).isZero();
      assertThat(only.out()).contains("✓ qwen-120: done already (400/400), kept")
          .contains("wrote " + dir.resolve("results/leaderboard-119.json"));
    }
  }

  @Test
  void aSuiteMadeFromResultFilesOfSeveralExamsGivesBackEachFilesExamAndLeavesOutAnImportedFile() throws IOException {
    Path results = Files.createDirectories(dir.resolve("mixed"));
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), results.resolve("qwen.json"));
    List<String> importing = new ArrayList<>(List.of("import", "igakuqa119", "--dataset",
        SharedData.root119().toString(), "--out", results.resolve("pfn-119.json").toString()));
    for (String block : List.of("A", "B", "C", "D", "E", "F")) {
      importing.add(SharedData.root119().resolve("answers/demo/119" + block + "_pfn-medllm-qwen-72b.json").toString());
    }
    Cli.Outcome imported = Cli.run(importing.toArray(String[]::new));
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (MockServer s119 = MockServer.start(0, D119, null, MockOptions.INSTANT);
        MockServer s112 = MockServer.start(0, D112, null, MockOptions.INSTANT)) {
      for (var run : List.of(List.of("119", s119.baseUrl().toString()), List.of("112", s112.baseUrl().toString()))) {
        Cli.Outcome o = cli("run", "--exam", run.get(0), "--model", "mock", "--base-url", run.get(1), "--out",
            results.resolve("mock-" + run.get(0) + ".json").toString(), "--parallel", "8");
        assertThat(o.exitCode()).as(o.err()).isZero();
      }
    }
    Path suite = dir.resolve("mixed.yaml");
    Cli.Outcome made = Cli.run("suite", "from-results", results.toString(), "--out", suite.toString());
    assertThat(made.exitCode()).as(made.err()).isZero();
    String yaml = Files.readString(suite);
    assertThat(yaml.lines().filter(l -> l.strip().startsWith("exam:")))
        .as("the 119th's and the 112th's; the 120th is the default").hasSize(2);
    // An imported file records no server to ask: it is named, not made a run that would go elsewhere.
    assertThat(yaml).contains("# Left out: pfn-119.json (imported from another harness's outputs; no server to ask "
        + "again).\n");

    Cli.Outcome plan = Cli.run("suite", "plan", suite.toString(), "--json");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    Map<String, String> exams = new TreeMap<>();
    JSON.readTree(plan.out()).forEach(e -> exams.put(e.get("name").asText(), e.get("exam").asText()));
    assertThat(exams).isEqualTo(Map.of("qwen", "120", "mock-119", "119", "mock-112", "112"));
  }
}
