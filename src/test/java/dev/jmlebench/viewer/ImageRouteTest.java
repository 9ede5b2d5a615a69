package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetLoader;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over HTTP, the server gives out only its page, its data and the dataset's clinical images by plain
 * name. The dataset here is a copy in a temporary folder, so that one of its images can be a symbolic link
 * to a secret file beside it.
 */
class ImageRouteTest {
  private static final String SECRET = "secret-that-must-not-leak";
  private static final String REAL_IMAGE = "120B-41-42_1.png";
  private static final String LINKED_IMAGE = "120C-57_1.png";

  @TempDir static Path temp;
  private static ViewerServer server;
  private static HttpClient http;
  private static Path datasetDir;

  @BeforeAll
  static void startOnADatasetWithALinkedImage() throws IOException {
    datasetDir = Files.createDirectories(temp.resolve("dataset"));
    Files.createSymbolicLink(datasetDir.resolve(Dataset.JSON_NAME), SharedData.root().resolve(Dataset.JSON_NAME).toAbsolutePath());
    Path images = Files.createDirectories(datasetDir.resolve(Dataset.IMAGES_DIR));
    Files.copy(SharedData.root().resolve("images").resolve(REAL_IMAGE), images.resolve(REAL_IMAGE));
    Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
    Files.writeString(datasetDir.resolve("beside-the-images.txt"), SECRET);
    Files.createSymbolicLink(images.resolve(LINKED_IMAGE), secret);
    Dataset dataset = DatasetLoader.load(datasetDir);
    server = ViewerServer.start(new ViewerApi(ViewerData.load(SharedData.results(), dataset, AnswerKey.of("120", "author"))), "127.0.0.1", 0);
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> get(String rawPath) throws Exception {
    // Sent as written: java.net.URI keeps "..", "%2e%2e" and "//" as they are.
    URI uri = new URI("http://127.0.0.1:" + server.port() + rawPath);
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aDatasetImageIsServedByItsPlainName() throws Exception {
    HttpResponse<byte[]> r = get("/images/" + REAL_IMAGE);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("image/png");
    assertThat(r.body()).isEqualTo(Files.readAllBytes(SharedData.root().resolve("images").resolve(REAL_IMAGE)));
  }

  @Test
  void aSymbolicLinkInTheImagesFolderIsRefused() throws Exception {
    assertThat(Files.isSymbolicLink(datasetDir.resolve("images").resolve(LINKED_IMAGE))).isTrue();
    HttpResponse<byte[]> r = get("/images/" + LINKED_IMAGE);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body())).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/images/../beside-the-images.txt",
      "/images/../jmle2026_dataset.json",
      "/images/..%2fbeside-the-images.txt",
      "/images/..%2Fjmle2026_dataset.json",
      "/images/%2e%2e/beside-the-images.txt",
      "/images/%2e%2e%2fbeside-the-images.txt",
      "/images/%2E%2E/jmle2026_dataset.json",
      "/images/..%5cbeside-the-images.txt",
      "/images/%2fetc%2fpasswd",
      "/images//etc/passwd",
      "/images/%2F" + "tmp%2Fsecret.txt",
      "/images/beside-the-images.txt",
      "/images/.." ,
      "/images/",
      "/jmle2026_dataset.json",
      "/beside-the-images.txt",
      "/assets/../beside-the-images.txt",
      "/assets/%2e%2e/jmle2026_dataset.json",
      "/api/../../../../etc/passwd",
      "/api/%2e%2e/%2e%2e/etc/passwd",
      "/etc/passwd",
  })
  void anyOtherPathIsRefused(String path) throws Exception {
    HttpResponse<byte[]> r = get(path);
    String body = new String(r.body());
    assertThat(r.statusCode()).as(path).isBetween(400, 404);
    assertThat(body).as(path).doesNotContain(SECRET).doesNotContain("question_id").doesNotContain("root:");
  }

  @Test
  void anAbsolutePathToAnImageIsRefused() throws Exception {
    Path absolute = datasetDir.resolve("images").resolve(REAL_IMAGE).toAbsolutePath();
    HttpResponse<byte[]> r = get("/images/" + absolute.toString().replace("/", "%2F"));
    assertThat(r.statusCode()).isBetween(400, 404);
    assertThat(get("/images/" + absolute).statusCode()).isBetween(400, 404);
  }

  @Test
  void thePageDataAndAssetsAreServedWithAStrictContentSecurityPolicy() throws Exception {
    for (String path : new String[] {"/", "/assets/app.js", "/assets/app.css", "/api/index", "/api/question/120A-1"}) {
      HttpResponse<byte[]> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("content-security-policy")).as(path).hasValue(WebAssets.HEADER_POLICY);
    }
    assertThat(get("/api/question/120Z-1").statusCode()).isEqualTo(404);
    assertThat(get("/assets/index.html").statusCode()).isEqualTo(404);
  }
}
