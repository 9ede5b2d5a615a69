package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.LoopbackMirror;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataset download|verify|info --exam 112…116} against a loopback mirror laid out as
 * {@code JMLE_BENCH_MIRROR} lays out every pinned upstream ({@code {owner}/{repo}/{commit}/{path}}), serving
 * IgakuQA's files (../shared/igakuqa, or the copy the tests fetched).
 */
class DatasetIgakuQaCommandsTest {
  private static final Path SHARED = SharedData.rootIgakuqa();
  private static final String PINNED = "jungokasai/IgakuQA/2bc4c3d159cf5505f6253d24a909fbd53237e239/";

  @TempDir Path target;

  private LoopbackMirror mirror;

  @BeforeEach
  void startMirror() {
    mirror = LoopbackMirror.of(SHARED).under(PINNED).start();
  }

  @AfterEach
  void stopMirror() {
    mirror.close();
  }

  /** The source the command uses under JMLE_BENCH_MIRROR=mirror, as the exam's upstream lays it out. */
  private Cli.Outcome download(String exam) {
    String source = Manifest.bundled(Exams.get(exam).sourceManifest()).upstream().source(mirror.url());
    return Cli.run("dataset", "download", "--exam", exam, "--dataset", target.toString(), "--source", source);
  }

  @Test
  void downloadFetchesOnlyTheExamsQuestionAndMetadataFilesAndTheCopyVerifiesAndLoads() {
    Cli.Outcome o = download("114");
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("Done: 12 fetched, 0 already present, all 12 verified (upstream "
        + "2bc4c3d159cf5505f6253d24a909fbd53237e239)");
    assertThat(mirror.requests()).hasSize(12).allMatch(p -> p.startsWith(PINNED + "data/2020/114-"))
        .contains(PINNED + "data/2020/114-F_metadata.jsonl").noneMatch(p -> p.contains("translate"));
    Cli.Outcome v = Cli.run("dataset", "verify", "--exam", "114", "--dataset", target.toString());
    assertThat(v.exitCode()).as(v.err()).isZero();
    assertThat(v.out()).contains("all 12 files match the manifest (upstream 2bc4c3d");
    Cli.Outcome info = Cli.run("dataset", "info", "--exam", "114", "--dataset", target.toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("exam 114, 400 questions, sha256 " + SharedData.datasetIgakuqa("114").sha256())
        .contains("images: the source released none; its 113 image questions are asked as text (blind)")
        .contains("prohibited choices (禁忌肢, annotated by the source's authors, not official)");
  }

  @Test
  void withLanguageEnTheDownloadFetchesTheEnglishTranslationsTooAndAnExamWithoutOneIsRefused() {
    String source = Manifest.bundled(Exams.get("113").sourceManifest()).upstream().source(mirror.url());
    Cli.Outcome o = Cli.run("dataset", "download", "--exam", "113", "--language", "en", "--dataset", target.toString(),
        "--source", source);
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("Done: 12 fetched").contains("Done: 6 fetched, 0 already present, all 6 verified");
    assertThat(mirror.requests()).hasSize(18).contains(PINNED + "data/2019/113-F_translate.jsonl");
    assertThat(target.resolve("data/2019/113-A_translate.jsonl")).exists();
    Cli.Outcome refused = Cli.run("dataset", "download", "--exam", "119", "--language", "en", "--dataset",
        target.toString(), "--source", source);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("jmle-bench: --language en: the 119th exam's source publishes no "
        + "translation into it (exams with one: 112, 113, 114, 115, 116)\n");
  }

  @Test
  void aCorruptFileIsRejectedWithOneLineAndNothingOfItIsKept() throws IOException {
    byte[] bad = Files.readAllBytes(SHARED.resolve("data/2018/112-C.jsonl"));
    bad[bad.length / 2] ^= 0x01;
    mirror.serve("data/2018/112-C.jsonl", bad);
    Cli.Outcome o = download("112");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).startsWith("jmle-bench: data/2018/112-C.jsonl: SHA-256 mismatch").contains("nothing was kept");
    assertThat(target.resolve("data/2018/112-C.jsonl")).doesNotExist();
  }

  @Test
  void anExamNotDownloadedIsOneLineSayingHowToGetIt() {
    Cli.Outcome o = Cli.run("dataset", "info", "--exam", "116", "--dataset", target.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).contains("not the 116th exam's upstream layout (igakuqa)");
  }
}
