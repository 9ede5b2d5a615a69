package dev.jmlebench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmlebench.common.UserError;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback HTTP server that serves ../shared/jmle2026 as the upstream would. */
class DatasetDownloaderTest {
  @TempDir Path target;

  private HttpServer server;
  private final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> rangeHeaders = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/mirror/", this::serve);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/mirror/".length());
    requests.add(path);
    byte[] body = overrides.containsKey(path) ? overrides.get(path) : readShared(path);
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    String range = ex.getRequestHeaders().getFirst("Range");
    int status = 200;
    if (range != null) {
      rangeHeaders.add(range);
      int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
      body = java.util.Arrays.copyOfRange(body, from, body.length);
      status = 206;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] readShared(String path) throws IOException {
    Path p = SharedData.ROOT.resolve(path).normalize();
    return p.startsWith(SharedData.ROOT.normalize()) && Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
  }

  private String source() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/";
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
    requests.clear();

    int fetched = new DatasetDownloader(manifest, source()).download(target, s -> {});

    assertThat(fetched).isEqualTo(1);
    assertThat(requests).containsExactly("images/120A-16_1.png");
  }

  @Test
  void aPartlyFetchedFileIsContinuedWithARangeRequest() throws IOException {
    Manifest manifest = Manifest.bundled();
    byte[] whole = Files.readAllBytes(SharedData.ROOT.resolve("jmle2026_dataset.json"));
    Files.write(target.resolve("jmle2026_dataset.json.part"), java.util.Arrays.copyOf(whole, 1000));

    new DatasetDownloader(manifest, source()).download(target, s -> {});

    assertThat(rangeHeaders).containsExactly("bytes=1000-");
    assertThat(target.resolve("jmle2026_dataset.json")).hasBinaryContent(whole);
    assertThat(target.resolve("jmle2026_dataset.json.part")).doesNotExist();
  }

  @Test
  void aCorruptedFileIsRejectedAndLeavesNoFileBehind() throws IOException {
    byte[] good = Files.readAllBytes(SharedData.ROOT.resolve("images/120A-18_1.png"));
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x01;
    overrides.put("images/120A-18_1.png", bad);

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
    overrides.clear();
    String missing = "http://127.0.0.1:" + server.getAddress().getPort() + "/nowhere/";
    assertThatThrownBy(() -> new DatasetDownloader(Manifest.bundled(), missing).download(target, s -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void theBundledManifestPinsTheUpstreamCommitAndEveryFile() {
    Manifest m = Manifest.bundled();
    assertThat(m.commit()).isEqualTo("76c4b29475d3008072a77a091a0d27df049dadcd");
    assertThat(m.entries()).hasSize(111);
    assertThat(m.defaultSource())
        .isEqualTo("https://raw.githubusercontent.com/naoto-iwase/JMLE2026-Bench/76c4b29475d3008072a77a091a0d27df049dadcd/");
  }
}
