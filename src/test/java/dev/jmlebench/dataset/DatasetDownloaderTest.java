package dev.jmlebench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.testing.LoopbackMirror;
import dev.jmlebench.testing.PinnedMaterial;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback HTTP server that serves the JMLE2026 material as the upstream would. */
class DatasetDownloaderTest {
  private static final String COMMIT = "76c4b29475d3008072a77a091a0d27df049dadcd";
  @TempDir Path target;

  private LoopbackMirror mirror;

  @BeforeEach
  void startServer() {
    mirror = LoopbackMirror.of(SharedData.root()).withRanges().start();
  }

  @AfterEach
  void stopServer() {
    mirror.close();
  }

  private String source() {
    return mirror.url();
  }

  @Test
  void downloadsEveryFileAndTheResultVerifiesAgainstTheManifest() {
    Manifest manifest = Manifest.bundled();
    List<DatasetDownloader.Step> steps = new ArrayList<>();
    int fetched = new DatasetDownloader(manifest, source()).download(target, steps::add);

    assertThat(fetched).isEqualTo(111);
    assertThat(steps).hasSize(111).last().extracting(DatasetDownloader.Step::index).isEqualTo(111);
    assertThat(DatasetVerifier.verify(target, manifest)).isEmpty();
    assertThat(DatasetLoader.load(target).questions()).hasSize(400);
    assertThat(DatasetLoader.load(target).sha256()).isEqualTo(SharedData.dataset().sha256());
  }

  @Test
  void aSecondRunKeepsIntactFilesAndFetchesOnlyWhatIsMissing() throws IOException {
    Manifest manifest = Manifest.bundled();
    new DatasetDownloader(manifest, source()).download(target, s -> {});
    Files.delete(target.resolve("images/120A-16_1.png"));
    mirror.requests().clear();

    int fetched = new DatasetDownloader(manifest, source()).download(target, s -> {});

    assertThat(fetched).isEqualTo(1);
    assertThat(mirror.requests()).containsExactly("images/120A-16_1.png");
  }

  @Test
  void aPartlyFetchedFileIsContinuedWithARangeRequest() throws IOException {
    Manifest manifest = Manifest.bundled();
    byte[] whole = Files.readAllBytes(SharedData.root().resolve("jmle2026_dataset.json"));
    Files.write(target.resolve("jmle2026_dataset.json.part"), java.util.Arrays.copyOf(whole, 1000));

    new DatasetDownloader(manifest, source()).download(target, s -> {});

    assertThat(mirror.rangeHeaders()).containsExactly("bytes=1000-");
    assertThat(target.resolve("jmle2026_dataset.json")).hasBinaryContent(whole);
    assertThat(target.resolve("jmle2026_dataset.json.part")).doesNotExist();
  }

  @Test
  void aCorruptedFileIsRejectedAndLeavesNoFileBehind() throws IOException {
    byte[] good = Files.readAllBytes(SharedData.root().resolve("images/120A-18_1.png"));
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x01;
    mirror.serve("images/120A-18_1.png", bad);

    assertThatThrownBy(() -> new DatasetDownloader(Manifest.bundled(), source()).download(target, s -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("images/120A-18_1.png: SHA-256 mismatch")
        .hasMessageEndingWith("nothing was kept");

    assertThat(target.resolve("images/120A-18_1.png")).doesNotExist();
    try (Stream<Path> left = Files.list(target.resolve("images"))) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("120A-18_1"));
    }
    // Files verified before the corrupt one stay, so the next run resumes after them.
    assertThat(target.resolve("images/120A-16_1.png")).exists();
  }

  @Test
  void anHttpErrorNamesTheUrlAndStatus() {
    String missing = mirror.origin() + "/nowhere/";
    assertThatThrownBy(() -> new DatasetDownloader(Manifest.bundled(), missing).download(target, s -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void offlineTheDownloadSaysWhichCauseStoppedIt() throws IOException {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(() -> new DatasetDownloader(Manifest.bundled(), "http://no-such-host.invalid/m/")
        .download(target, s -> {}))
        .hasMessage("cannot download http://no-such-host.invalid/m/jmle2026_dataset.json: unknown host "
            + "no-such-host.invalid (no DNS answer: check the name and the network); run the command again to resume");
    assertThatThrownBy(() -> new DatasetDownloader(Manifest.bundled(), "http://127.0.0.1:" + closed + "/m/")
        .download(target, s -> {}))
        .hasMessageContaining("/m/jmle2026_dataset.json: connection refused; run the command again");
  }

  @Test
  void theBundledManifestPinsTheUpstreamCommitAndEveryFile() {
    Manifest m = Manifest.bundled();
    assertThat(m.commit()).isEqualTo(COMMIT);
    assertThat(m.entries()).hasSize(111);
    assertThat(m.upstream().source(null))
        .isEqualTo("https://raw.githubusercontent.com/naoto-iwase/JMLE2026-Bench/76c4b29475d3008072a77a091a0d27df049dadcd/");
  }

  @Test
  void aMirrorNamedOnceServesEveryPinnedUpstreamUnderOwnerRepoCommit() {
    Upstream upstream = Manifest.bundled().upstream();
    assertThat(upstream.source("https://mirror.example/pinned/"))
        .isEqualTo("https://mirror.example/pinned/naoto-iwase/JMLE2026-Bench/" + COMMIT + "/");
    assertThat(upstream.source(" ")).isEqualTo(upstream.source(null)).startsWith("https://raw.githubusercontent.com/");
  }

  @Test
  void withoutSharedTheTestMaterialIsFetchedFromTheMirrorIntoTheCacheAndVerified() throws IOException {
    // A mirror of every pinned upstream, laid out as raw GitHub is: {owner}/{repo}/{commit}/{path}
    try (LoopbackMirror layout = LoopbackMirror.of(SharedData.root())
        .under("naoto-iwase/JMLE2026-Bench/" + COMMIT + "/").withRanges().start()) {
      String mirror = layout.url();
      Manifest results = Manifest.bundled(Manifest.PUBLISHED_RESULTS);

      Path folder = PinnedMaterial.locate(target.resolve("no-shared"), List.of(Manifest.bundled(), results),
          target.resolve("cache"), mirror);

      assertThat(folder).isEqualTo(target.resolve("cache/upstream/naoto-iwase/JMLE2026-Bench/" + COMMIT));
      assertThat(DatasetVerifier.verify(folder, Manifest.bundled())).isEmpty();
      assertThat(DatasetVerifier.verify(folder, results)).isEmpty();
      assertThat(results.entries()).hasSize(8);
      try (Stream<Path> files = Files.list(folder.resolve("results"))) {
        assertThat(files).hasSize(8);
      }
      layout.requests().clear();
      PinnedMaterial.locate(target.resolve("no-shared"), List.of(Manifest.bundled(), results),
          target.resolve("cache"), mirror);
      assertThat(layout.requests()).as("a second test run reads the verified cache").isEmpty();
    }
  }

  @Test
  void withNeitherSharedNorANetworkTheTestMaterialFailsWithOneLineSayingHowToProvideIt() throws IOException {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Path shared = target.resolve("shared/jmle2026");

    assertThatThrownBy(() -> PinnedMaterial.locate(shared, List.of(Manifest.bundled()), target.resolve("cache"),
        "http://127.0.0.1:" + closed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(shared + " is not there and its pinned files could not be fetched")
        .hasMessageContaining("JMLE_BENCH_MIRROR=URL")
        .hasMessageEndingWith("URL/{owner}/{repo}/{commit}/{path}")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void thePresentSharedFolderIsReadInPlaceWithoutFetching() throws IOException {
    Path shared = Files.createDirectories(target.resolve("shared/jmle2026"));

    assertThat(PinnedMaterial.locate(shared, List.of(Manifest.bundled()), target.resolve("cache"), "http://127.0.0.1:1"))
        .isEqualTo(shared);
    assertThat(mirror.requests()).isEmpty();
  }
}
