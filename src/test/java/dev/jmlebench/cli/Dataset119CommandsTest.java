package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.LoopbackMirror;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset download|verify|info --exam 119} against a loopback mirror serving ../shared/igakuqa119. */
class Dataset119CommandsTest {
  private static final Path SHARED = SharedData.root119();
  private static final int FILES = 157;

  @TempDir Path target;

  private LoopbackMirror mirror;

  @BeforeEach
  void startMirror() {
    mirror = LoopbackMirror.of(SHARED).withRanges().start();
  }

  @AfterEach
  void stopMirror() {
    mirror.close();
  }

  private Cli.Outcome download() {
    return Cli.run("dataset", "download", "--exam", "119", "--dataset", target.toString(), "--source",
        mirror.url());
  }

  @Test
  void downloadFetchesEveryPinnedFileAndTheCopyVerifiesAndLoads() {
    Cli.Outcome o = download();
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("Done: " + FILES + " fetched, 0 already present, all " + FILES + " verified (upstream "
        + "2d942397cbaa1031ca139184bc4af16e1ffa202d)");
    assertThat(mirror.requests()).hasSize(FILES).contains("questions/119A_json.json", "results/correct_answers.csv",
        "images/119A15-2.png").noneMatch(p -> p.startsWith("answers/"));
    Cli.Outcome v = Cli.run("dataset", "verify", "--exam", "119", "--dataset", target.toString());
    assertThat(v.out()).contains("all " + FILES + " files match the manifest (upstream 2d942397");
    Cli.Outcome info = Cli.run("dataset", "info", "--exam", "119", "--dataset", target.toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("exam 119, 400 questions, sha256 " + SharedData.dataset119().sha256());
  }

  @Test
  void anInterruptedDownloadResumesFetchingOnlyWhatIsMissingAndContinuesAPartFile() throws IOException {
    assertThat(download().exitCode()).isZero();
    Files.delete(target.resolve("images/119A15-1.png"));
    byte[] whole = Files.readAllBytes(SHARED.resolve("questions/119C_json.json"));
    Files.delete(target.resolve("questions/119C_json.json"));
    Files.write(target.resolve("questions/119C_json.json.part"), Arrays.copyOf(whole, 5000));
    mirror.requests().clear();

    Cli.Outcome o = download();
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("Done: 2 fetched, " + (FILES - 2) + " already present");
    assertThat(mirror.requests()).containsExactlyInAnyOrder("images/119A15-1.png", "questions/119C_json.json");
    assertThat(mirror.rangeHeaders()).containsExactly("bytes=5000-");
    assertThat(target.resolve("questions/119C_json.json")).hasBinaryContent(whole);
  }

  @Test
  void aCorruptFileIsRejectedWithOneLineAndNothingOfItIsKept() throws IOException {
    byte[] bad = Files.readAllBytes(SHARED.resolve("images/119B30.png"));
    bad[bad.length / 3] ^= 0x10;
    mirror.serve("images/119B30.png", bad);
    Cli.Outcome o = download();
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).startsWith("jmle-bench: images/119B30.png: SHA-256 mismatch").contains("nothing was kept");
    assertThat(target.resolve("images/119B30.png")).doesNotExist();
    assertThat(target.resolve("images/119B30.png.part")).doesNotExist();
    Cli.Outcome v = Cli.run("dataset", "verify", "--exam", "119", "--dataset", target.toString());
    assertThat(v.exitCode()).isEqualTo(2);
    assertThat(v.err()).contains("images/119B30.png: missing");
  }

  @Test
  void infoCountsThe119thsBlocksTypesAndImages() {
    Cli.Outcome o = Cli.run("dataset", "info", "--exam", "119", "--dataset", SHARED.toString());
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("exam 119, 400 questions")
        .contains("by block:  A 75  B(必修) 50  C 75  D 75  E(必修) 50  F 75")
        .contains("by type:   calculation 4  multiple_choice 396")
        .contains("by image:  text_only 297  with_image 103  (149 image references, 149 distinct files)")
        .contains("image questions without an image file (asked as text): 119C-15, 119C-22")
        .contains("points:    500 (required 200, general 300; text-only 383)");
  }

  @Test
  void aDatasetOfAnotherExamIsRefusedWithOneLine() {
    Cli.Outcome o = Cli.run("dataset", "info", "--exam", "119", "--dataset", SharedData.root().toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().strip()).startsWith("jmle-bench: " + SharedData.root() + ": ")
        .contains("not the 119th exam's upstream layout");
  }

  @Test
  void anUnknownExamIsOneLineNamingTheKnownOnes() {
    Cli.Outcome o = Cli.run("dataset", "info", "--exam", "118");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("jmle-bench: --exam 118: no such exam is bundled; known: 112, 113, 114, 115, 116, 119, 120");
  }
}
