package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile folder or a hostile web page can get out of {@code serve}: a results folder with links to
 * files outside it, and requests (sent as raw bytes, as a browser under DNS rebinding or a port scanner
 * would) with a foreign Host header or a path Jetty itself refuses.
 */
class HostileRequestsTest {
  private static final String OUTSIDE_MODEL = "outside/model-that-must-not-show";

  @TempDir static Path temp;
  private static ViewerData data;
  private static ViewerServer server;

  @BeforeAll
  static void serveAFolderWithLinksOut() throws IOException {
    Path results = Files.createDirectories(temp.resolve("results"));
    Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), results.resolve("gpt.json"));
    Path outside = temp.resolve("outside.json");
    Files.writeString(outside, Files.readString(SharedData.results().resolve("Qwen_Qwen3-32B.json"))
        .replace("\"Qwen/Qwen3-32B\"", "\"" + OUTSIDE_MODEL + "\""));
    Files.createSymbolicLink(results.resolve("linked-out.json"), outside);
    Files.createSymbolicLink(results.resolve("passwd.json"), Path.of("/etc/passwd"));
    data = ViewerData.load(results, SharedData.dataset(), AnswerKey.of("120", "official"));
    server = ViewerServer.start(new ViewerApi(data), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The raw response to a request with these request line and Host header. */
  private static String send(String requestLine, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + "\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertSecurityHeaders(String response) {
    String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
    ViewerServer.SECURITY_HEADERS.forEach((name, value) ->
        assertThat(head).as(response).contains(name.toLowerCase() + ": " + value.toLowerCase()));
  }

  @Test
  void linksInTheResultsFolderAreSkippedUnreadWhereverTheyPoint() throws IOException {
    assertThat(data.runs()).extracting(ViewerData.Run::id).containsExactly("gpt");
    assertThat(data.skipped()).extracting(ViewerData.Skipped::file).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("linked-out.json", "passwd.json");
    assertThat(data.skipped()).allMatch(s -> s.reason().contains("symbolic link"));
    assertThat(send("GET /api/index HTTP/1.1", "127.0.0.1:" + server.port()))
        .startsWith("HTTP/1.1 200").doesNotContain(OUTSIDE_MODEL).doesNotContain("root:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "LOCALHOST"})
  void loopbackNamesAreAnswered(String name) throws IOException {
    String response = send("GET /api/index HTTP/1.1", name + ":" + server.port());
    assertThat(response).startsWith("HTTP/1.1 200").contains("gpt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rebound.attacker.example", "rebound.attacker.example:8501", "127.0.0.1.attacker.example",
      "localhost.attacker.example", "10.0.0.5"})
  void aForeignHostNameGetsNoDataEvenOnTheLoopbackAddress(String name) throws IOException {
    String response = send("GET /api/index HTTP/1.1", name);
    assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("gpt-5.2").doesNotContain("questions");
    assertSecurityHeaders(response);
  }

  @Test
  void aRequestWithoutAHostGetsNoData() throws IOException {
    assertThat(send("GET /api/index HTTP/1.0", null)).startsWith("HTTP/1.1 403").doesNotContain("questions");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1", "GET /%zz HTTP/1.1",
      "GET /images/..%2F..%2Fetc%2Fpasswd HTTP/1.1", "BREW / HTTP/1.1"})
  void jettysOwnErrorPagesCarryTheSameSecurityHeaders(String requestLine) throws IOException {
    String response = send(requestLine, "127.0.0.1:" + server.port());
    assertThat(response).matches("(?s)HTTP/1\\.1 4\\d\\d .*").doesNotContain("root:");
    assertSecurityHeaders(response);
  }
}
