package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static report, opened from disk (file://) with no server: every view works and images load. */
class ReportBrowserTest {
  private static final String CLAUDE = "anthropic_claude-opus-4.6";
  @TempDir static Path temp;
  private static Chromium chromium;
  private static String index;

  @BeforeAll
  static void writeTheReport() {
    ViewerApi api = new ViewerApi(ViewerData.load(SharedData.results(), SharedData.dataset(), AnswerKey.of("120", "author")));
    index = ReportWriter.write(api, temp.resolve("report")).folder().resolve("index.html").toUri().toString();
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    chromium.close();
  }

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  @Test
  void theLeaderboardOpensFromDisk() {
    Page page = chromium.page();
    page.navigate(index);
    assertThat(page.url()).startsWith("file:");
    expect(page.locator("[data-testid=leaderboard] tbody tr")).hasCount(Published.all().size());
    expect(page.locator("tr[data-model='" + CLAUDE + "']")).containsText("493/500");
    expect(page.locator("[data-testid=heat-map] rect")).hasCount(Published.all().size() * 6);
    expect(page.locator("#attribution")).containsText("JMLE2026-Bench by naoto-iwase, CC BY 4.0");
    expect(page.locator("#attribution")).containsText("Ministry of Health, Labour and Welfare");
    expect(page.locator("#attribution")).containsText("IgakuQA119 by docto-rin, Apache-2.0 (the 119th)");
    expect(page.locator("#attribution a").first()).hasAttribute("href", "https://github.com/naoto-iwase/JMLE2026-Bench");
  }

  @Test
  void aModelQuestionWithItsImageOpensFromASharedFileUrl() {
    Page page = chromium.page();
    List<String> answerScripts = new ArrayList<>();
    page.onRequest(request -> {
      if (request.url().contains("/data/answer")) {
        answerScripts.add(request.url().substring(request.url().indexOf("/data/answer")));
      }
    });
    page.navigate(index + "#/model/" + CLAUDE + "?image=with&q=120B-41");
    expect(page.locator("select[name=image]")).hasValue("with");
    expect(page.locator("[data-testid=detail] [data-testid=question-id]")).hasText("120B-41");
    expect(page.locator("[data-testid=detail] .context")).containsText("84歳の男性");
    expect(page.locator("[data-testid=detail] .resp.raw .md")).containsText("【回答】");
    Locator image = page.locator("[data-testid=detail] .images img");
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
    page.keyboard().press("j");
    expect(page.locator("[data-testid=detail] [data-testid=question-id]")).hasText("120B-42");
    expect(page.locator("[data-testid=detail] .resp.raw .md")).containsText("【回答】");
    // The run's answers are one script, loaded once for every answer of the run (ReportWriter.scriptOf).
    assertThat(answerScripts).containsExactly("/data/answer/" + CLAUDE + ".js");
    Chromium.screenshot(page, "report-model-light");
  }

  @Test
  void theQuestionAndHardestViewsOpenFromDisk() {
    Page page = chromium.page();
    page.navigate(index + "#/question/120C-57");
    expect(page.locator("[data-testid=models-right]")).hasText("0 of " + Published.all().size());
    expect(page.locator("[data-testid=side-by-side] .col")).hasCount(3);
    page.navigate(index + "#/hardest");
    expect(page.locator("[data-testid=hardest] tbody tr").first()).hasAttribute("data-q", "120C-57");
  }

  @Test
  void searchFindsTheQuestionsAndAModelsAnswersFromDisk() {
    Page page = chromium.page();
    page.navigate(index + "#/search?q=" + java.net.URLEncoder.encode("胃癌", java.nio.charset.StandardCharsets.UTF_8) + "&in=questions");
    List<String> expected = SearchExpectations.questions(SharedData.dataset(), "胃癌");
    Locator hits = page.locator("[data-testid=search-questions] .hit");
    expect(hits).hasCount(expected.size());
    assertThat(hits.evaluateAll("hits => hits.map(x => x.dataset.q)")).isEqualTo(expected);
    expect(page.locator("[data-testid=search-answers] .hit")).hasCount(0);

    Published medrect = Published.byId("pfnet_Preferred-MedRECT-32B");
    page.locator("select[name=in]").selectOption("answers");
    page.locator("select[name=model]").selectOption(medrect.id());
    List<String> answers = SearchExpectations.answers(medrect.file(), "胃癌");
    Locator found = page.locator(".run-hits[data-model='" + medrect.id() + "'] .hit");
    expect(found).hasCount(Math.min(answers.size(), 20));
    assertThat(found.evaluateAll("hits => hits.map(x => x.dataset.q)")).isEqualTo(answers.subList(0, Math.min(answers.size(), 20)));
    expect(page.locator("[data-testid=search-questions] .hit")).hasCount(0);
  }

  @Test
  void aTableDownloadsFromDiskAsFromTheServer() throws IOException {
    Page page = chromium.page();
    page.navigate(index + "#/hardest?block=E");
    expect(page.locator("[data-testid=hardest] tbody tr").first()).isVisible();
    int shown = page.locator("[data-testid=hardest] tbody tr").count();
    com.microsoft.playwright.Download csv = page.waitForDownload(() -> page.locator("[data-testid=export-hardest] [data-export=csv]").click());
    assertThat(csv.suggestedFilename()).isEqualTo("jmle-bench-120-hardest-block_E.csv");
    List<java.util.Map<String, String>> rows = Exports.csv(csv.path());
    assertThat(rows).hasSize(shown).allSatisfy(r -> assertThat(r.get("question_id")).startsWith("120E-"));
    assertThat(rows.get(0)).containsKeys(CLAUDE, "models_right", "gold");
  }

  @Test
  void anAddressCannotMakeTheReportRunAScriptFromOutsideItsFolder() throws IOException {
    // Where data/model/ + ../../../evil + .js lands from report/index.html, and the answer route's twin.
    Files.writeString(temp.resolve("evil.js"), "window.PWNED = (window.PWNED || 0) + 1;");
    String report = temp.resolve("report").toUri().toString();
    Page page = chromium.page();
    List<String> requested = new ArrayList<>();
    page.onRequest(request -> requested.add(request.url()));

    for (String attack : List.of("#/model/..%2F..%2F..%2Fevil", "#/model/../../../evil", "#/question/..%2F..%2F..%2Fevil",
        "#/model/" + CLAUDE + "?q=..%2F..%2F..%2F..%2Fevil", "#/matrix?a=..%2F..%2F..%2F..%2Fevil&b=" + CLAUDE)) {
      page.navigate(index + attack);
      page.waitForFunction("() => !document.querySelector('#main .loading')");
      page.waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(page.evaluate("() => window.PWNED === undefined")).as(attack).isEqualTo(true);
    }
    assertThat(requested).isNotEmpty().allMatch(url -> url.startsWith(report) || url.startsWith("data:"));
  }

  @Test
  void theReportCarriesTheServersContentSecurityPolicyAsAMetaTag() {
    Page page = chromium.page();
    page.navigate(index);
    expect(page.locator("[data-testid=leaderboard] tbody tr")).hasCount(Published.all().size());
    assertThat(page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content"))
        .isEqualTo(WebAssets.CONTENT_SECURITY_POLICY);
    // An inline script, as injected markup would carry, does not run.
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.INLINE = 1';"
        + " document.body.append(s); }");
    assertThat(page.evaluate("() => window.INLINE === undefined")).isEqualTo(true);
  }
}
