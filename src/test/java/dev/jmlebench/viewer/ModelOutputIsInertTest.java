package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result file whose model output carries script, event handlers, a javascript: link and a remote image:
 * served or opened from a static report, the page shows all of it as text and runs none of it.
 */
class ModelOutputIsInertTest {
  /** Blank lines between the parts, so that Markdown reads the link and the image as such. */
  private static final String RAW = String.join("\n\n",
      "<script>window.__pwned = 1</script>",
      "<img src=x onerror=\"window.__pwned = 2\">",
      "[click me](javascript:window.__pwned=3)",
      "![tracker](http://127.0.0.1:9/pixel.png)",
      "【回答】a");
  /** A display name that would end the page's data block and run a script, were it written into the page as it is. */
  private static final String NAME = "</script><script>window.__pwned = 6</script><!-- & -->";
  private static final String REASONING = "**bold** <b onmouseover=\"window.__pwned=5\">b</b> <iframe src=\"javascript:window.__pwned=4\"></iframe>";

  @TempDir static Path temp;
  private static Chromium chromium;
  private static ViewerServer server;
  private static Path report;

  @BeforeAll
  static void craftAResultFileAndOpenIt() {
    ResultFile gpt = ResultFiles.read(SharedData.results().resolve("openai_gpt-5.2.json"));
    List<QuestionResult> results = new ArrayList<>();
    for (QuestionResult r : gpt.results()) {
      results.add(r.questionId().equals("120A-1")
          ? new QuestionResult(r.questionId(), r.predicted(), r.gold(), r.correct(), RAW, true, null, REASONING, r.extra())
          : r);
    }
    Path dir = temp.resolve("results");
    RunMetadata m = gpt.metadata();
    RunMetadata named = new RunMetadata(m.model(), m.baseUrl(), m.timestamp(), m.imageMode(), m.extraBody(),
        m.totalQuestions(), m.attempted(), m.skippedImage(), NAME, m.extra());
    ResultFiles.write(dir.resolve("crafted.json"), gpt.withResults(results).withMetadata(named));
    ViewerApi api = new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "author")));
    server = ViewerServer.start(api, "127.0.0.1", 0);
    report = ReportWriter.write(api, temp.resolve("report")).folder();
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    chromium.close();
    server.close();
  }

  @Test
  void theServedPageShowsScriptInModelOutputAsText() {
    assertInert("http://127.0.0.1:" + server.port() + "/");
  }

  @Test
  void theStaticReportShowsScriptInModelOutputAsText() {
    assertInert(report.resolve("index.html").toUri().toString());
  }

  /**
   * The served page brings the leaderboard's data in its first response (issue 23.4: no second round trip before
   * the table), as JSON in a block the browser never runs, from which a hostile name cannot break out.
   */
  @Test
  void theServedPageCarriesTheIndexInADataBlockNoNameCanLeave() throws Exception {
    String base = "http://127.0.0.1:" + server.port() + "/";
    HttpClient http = HttpClient.newHttpClient();
    String page = http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString()).body();
    String api = http.send(HttpRequest.newBuilder(URI.create(base + "api/index")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String open = "<script type=\"application/json\" id=\"" + WebAssets.INDEX_DATA_ID + "\">";
    assertThat(page).contains(open);
    String block = page.substring(page.indexOf(open) + open.length(), page.indexOf("</script>", page.indexOf(open)));
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(block)).isEqualTo(json.readTree(api));
    assertThat(json.readTree(block).path("models").get(0).path("name").asText()).isEqualTo(NAME);
    assertThat(block).doesNotContain("<").doesNotContain(">");
    // The page's script and the data block, and no other script element.
    assertThat(page.split("<script", -1)).hasSize(3);
  }

  /** In a fresh browser the leaderboard is drawn without asking for the index, the hostile name shown as text. */
  @Test
  void theServedLeaderboardIsDrawnFromTheFirstResponseWithAHostileNameAsText() {
    Page page = chromium.page();
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    page.onRequest(r -> asked.add(r.url().replaceFirst("^http://[^/]+/", "/")));
    page.navigate("http://127.0.0.1:" + server.port() + "/#/");
    Locator link = page.locator("[data-testid=leaderboard] tbody tr[data-model=crafted] a").first();
    PlaywrightAssertions.assertThat(link).hasText(NAME);
    assertThat(page.locator("#main script").count()).isZero();
    assertThat(page.evaluate("typeof window.__pwned")).isEqualTo("undefined");
    assertThat(asked).contains("/", "/assets/app.js", "/assets/app.css").noneMatch(u -> u.startsWith("/api/"));
    page.context().close();
  }

  private static void assertInert(String base) {
    for (String hash : List.of("#/model/crafted?q=120A-1", "#/question/120A-1?models=crafted")) {
      Page page = chromium.page();
      page.navigate(base + hash);
      Locator raw = page.locator(".resp.raw .md").first();
      PlaywrightAssertions.assertThat(raw).containsText("<script>window.__pwned = 1</script>");
      PlaywrightAssertions.assertThat(raw).containsText("<img src=x onerror=\"window.__pwned = 2\">");
      PlaywrightAssertions.assertThat(raw).containsText("[image: tracker — http://127.0.0.1:9/pixel.png]");
      Locator reasoning = page.locator(".resp.reasoning .md").first();
      PlaywrightAssertions.assertThat(reasoning).containsText("<iframe src=\"javascript:window.__pwned=4\"></iframe>");
      PlaywrightAssertions.assertThat(reasoning.locator("strong")).hasText("bold");

      Locator output = page.locator(".md");
      assertThat(output.locator("script, img, iframe, [onerror], [onmouseover]").count()).as(hash).isZero();
      Locator link = raw.locator("a", new Locator.LocatorOptions().setHasText("click me"));
      assertThat(link.getAttribute("href")).as(hash).doesNotContainIgnoringCase("javascript");
      link.click();
      reasoning.locator("strong").hover();
      assertThat(page.evaluate("typeof window.__pwned")).as(hash).isEqualTo("undefined");
      page.context().close();
    }
    // A search shows the text around a match in the answers, as text too.
    Page page = chromium.page();
    page.navigate(base + "#/search?q=__pwned&in=answers");
    Locator hits = page.locator("[data-testid=search-answers]");
    PlaywrightAssertions.assertThat(hits.locator(".hit .snip").first()).containsText("<script>window.__pwned = 1</script>");
    PlaywrightAssertions.assertThat(hits.locator(".hit .snip mark").first()).hasText("__pwned");
    assertThat(hits.locator("script, img, iframe, [onerror], [onmouseover]").count()).isZero();
    assertThat(page.evaluate("typeof window.__pwned")).isEqualTo("undefined");
    page.context().close();
  }
}
