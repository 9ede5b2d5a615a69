package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.DatasetLocation;
import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.dataset.Upstream;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.LoopbackMirror;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that needs an exam fetches it into an empty cache as {@code run} does (verified, saying so),
 * says so in one line when it cannot, and uses a {@code --dataset} the user names or refuses it in one line
 * naming it — never sets it aside for the cache.
 */
class DatasetFetchedAndNamedTest {
  @TempDir Path tmp;

  /** A result file of the 119th exam: IgakuQA119's published demo answers, imported. */
  private Path result119() throws IOException {
    Path out = tmp.resolve("results/pfn-119.json");
    Files.createDirectories(out.getParent());
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
        "--out", out.toString()));
    try (Stream<Path> s = Files.list(SharedData.root119().resolve("answers/demo"))) {
      s.sorted().forEach(p -> args.add(p.toString()));
    }
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
    return out;
  }

  private static String run(Path log, Map<String, String> env, String... args) throws Exception {
    Process p = CliProcess.start(Path.of("").toAbsolutePath(), List.of(args), log, env);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
    return p.exitValue() + "\n" + Files.readString(log);
  }

  @Test
  void summaryAndCompareFetchAMissingExamIntoTheCacheAsRunDoesAndOfflineSaySoOnce() throws Exception {
    Path file = result119();
    ExamSpec exam = Exams.get("119");
    Upstream upstream = Manifest.bundled(exam.sourceManifest()).upstream();
    try (LoopbackMirror mirror = LoopbackMirror.of(SharedData.root119())
        .under(upstream.owner() + "/" + upstream.repo() + "/" + upstream.commit() + "/").start()) {
      Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString(),
          Upstream.MIRROR_ENV, mirror.origin() + "/mirror");
      Path cached = tmp.resolve("cache/jmle-bench/119");
      int files = Manifest.bundled(exam.sourceManifest()).entries().size();

      String summary = run(tmp.resolve("summary.log"), env, "summary", file.toString());

      assertThat(summary).startsWith("0\n")
          .contains("The 119th exam is not in " + cached + "; downloading it (" + files + " files, SHA-256 verified) ...")
          .contains("Dataset ready: " + files + " files fetched, all " + files + " verified (upstream "
              + exam.sourceCommit() + ").")
          .contains("332/500");
      assertThat(mirror.requests()).hasSize(files);

      // Fetched once: the next command reads the cache.
      mirror.requests().clear();
      Files.copy(file, tmp.resolve("results/again.json"));
      String compare = run(tmp.resolve("compare.log"), env, "compare", file.toString(),
          tmp.resolve("results/again.json").toString());
      assertThat(compare).startsWith("0\n").doesNotContain("downloading");
      assertThat(mirror.requests()).isEmpty();
    }

    // Offline (nothing listens at the mirror): one line saying what failed and the ways forward.
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Map<String, String> offline = Map.of("XDG_CACHE_HOME", tmp.resolve("empty").toString(),
        Upstream.MIRROR_ENV, "http://127.0.0.1:" + closed + "/mirror");
    String out = run(tmp.resolve("offline.log"), offline, "leaderboard", "--results", tmp.resolve("results").toString());
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).isEqualTo("2");
    assertThat(lines.subList(1, lines.size())).filteredOn(l -> l.startsWith("jmle-bench:")).singleElement()
        .satisfies(l -> assertThat(l).startsWith("jmle-bench: the 119th exam is not in " + tmp.resolve("empty")
            .resolve("jmle-bench/119") + " and fetching it failed: ").contains("--dataset DIR"));
    assertThat(tmp.resolve("results/leaderboard.json")).doesNotExist();
  }

  @Test
  void aNamedDatasetThatIsNoExamsDatasetIsRefusedInOneLineNamingItAndNothingIsWritten() throws IOException {
    Path file = tmp.resolve("r.json");
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), file);
    byte[] before = Files.readAllBytes(file);
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "[{\"question_id\": 3}]");

    Cli.Outcome o = Cli.run("rescore", "--dataset", bad.toString(), file.toString());

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("jmle-bench: --dataset " + bad + ": not an exam's dataset file; give the "
        + "exam's folder (or its jmle2026_dataset.json, the 120th's)");
    assertThat(file).hasBinaryContent(before);
  }

  @Test
  void aNamedDatasetFileWithAFaultIsRefusedNamingTheFileAndTheFault() throws IOException {
    Path file = tmp.resolve("r.json");
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), file);
    byte[] before = Files.readAllBytes(file);
    Path bad = Files.createDirectories(tmp.resolve("copy")).resolve("jmle2026_dataset.json");
    Files.writeString(bad, "[{\"question_id\": 3}]");

    Cli.Outcome o = Cli.run("rescore", "--dataset", bad.toString(), file.toString());

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).startsWith("jmle-bench: " + bad).contains("question_id");
    assertThat(file).hasBinaryContent(before);
  }

  @Test
  void aNamedFolderHoldingNoExamOrNotThereIsRefusedNamingIt() throws IOException {
    Path file = SharedData.results().resolve("Qwen_Qwen3-32B.json");
    Path empty = Files.createDirectories(tmp.resolve("nothing-here"));

    Cli.Outcome none = Cli.run("summary", "--dataset", empty.toString(), file.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err().strip()).isEqualTo("jmle-bench: --dataset " + empty + ": holds no exam's dataset (none of "
        + "the layouts jmle2026-bench, igakuqa119, igakuqa); give an exam's folder, or leave --dataset out to use the cache");

    Path missing = tmp.resolve("typo");
    Cli.Outcome gone = Cli.run("compare", "--dataset", missing.toString(), file.toString(), file.toString());
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err().strip()).startsWith("jmle-bench: --dataset " + missing + ": no dataset at " + missing);
    assertThat(DatasetLocation.cacheRoot()).isNotNull();
  }
}
