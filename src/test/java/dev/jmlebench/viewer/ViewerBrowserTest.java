package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Percent;
import dev.jmlebench.stats.AllPairs;
import dev.jmlebench.stats.Interval;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.ScoredRun;
import dev.jmlebench.testing.SharedData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every view of the served viewer in headless Chromium, against the published result files. */
class ViewerBrowserTest {
  private static final String CLAUDE = "anthropic_claude-opus-4.6";
  @AutoClose private static ServedViewer viewer;
  private static List<Published> published;
  private static Dataset dataset;
  private static final Map<String, RunStatistics> STATISTICS = new ConcurrentHashMap<>();
  private static AllPairs allPairs;

  @BeforeAll
  static void startServerAndBrowser() {
    dataset = SharedData.dataset();
    published = Published.all();
    viewer = ServedViewer.start(new ViewerApi(ViewerData.load(SharedData.results(), dataset, AnswerKey.of("120", "author"))));
  }

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  private static Page open(String hash) {
    return viewer.open(hash);
  }

  @Test
  void leaderboardShowsEveryModelTheTopScoreAndHowManyPass() {
    Page page = open("#/");
    Locator rows = page.locator("[data-testid=leaderboard] tbody tr");
    expect(rows).hasCount(published.size());
    expect(page.locator("tr[data-model='" + CLAUDE + "']")).containsText("493/500");
    expect(page.locator("tr[data-model='" + CLAUDE + "']")).containsText("98.6%");
    Published top = Published.top();
    expect(rows.first()).containsText(top.name());
    expect(page.locator(".card").first()).containsText(top.file().summary().score() + "/500");
    long passing = published.stream().filter(p -> p.file().summary().passed()).count();
    expect(page.locator(".card").nth(1)).containsText(passing + " of " + published.size());
    expect(page.locator("[data-testid=score-chart] rect.bar-all")).hasCount(published.size());
    expect(page.locator("[data-testid=heat-map] rect")).hasCount(published.size() * 6);
    expect(page.locator("#attribution")).containsText("JMLE2026-Bench by naoto-iwase, CC BY 4.0");
    // No published file records a cost: every cost cell says so, and there is no cost chart.
    expect(page.locator("[data-testid=leaderboard] td[data-testid=cost]")).hasCount(published.size());
    assertThat(page.locator("[data-testid=leaderboard] td[data-testid=cost]").allTextContents()).containsOnly("—");
    expect(page.locator("[data-testid=cost-chart]")).hasCount(0);
    Chromium.screenshot(page, "leaderboard-light");
  }

  @Test
  void sortingByAColumnReordersTheTableAndKeepsTheOrderInTheUrl() {
    Page page = open("#/");
    page.locator("th[data-sort=general]").click();
    expect(page.locator("th[data-sort=general] .arrow")).hasText(" ▼");
    assertThat(page.url()).contains("sort=general").contains("dir=desc");
    List<String> expected = published.stream()
        .sorted(Comparator.comparingInt((Published p) -> -p.file().summary().generalScore())
            .thenComparing(p -> -p.file().summary().scorePct()))
        .map(Published::id).toList();
    assertThat(page.locator("[data-testid=leaderboard] tbody tr").evaluateAll(
        "rows => rows.map(r => r.dataset.model)")).isEqualTo(expected);

    page.locator("th[data-sort=general]").click();
    expect(page.locator("th[data-sort=general] .arrow")).hasText(" ▲");
    assertThat(page.url()).contains("dir=asc");
    expect(page.locator("[data-testid=leaderboard] tbody tr").first())
        .hasAttribute("data-model", expected.get(expected.size() - 1));
  }

  @Test
  void modelPageFiltersTheQuestionListAndShowsTheFilteredScore() {
    Published claude = Published.byId(CLAUDE);
    Page page = open("#/model/" + CLAUDE);
    expect(page.locator(".card").first()).containsText("493/500");
    expect(page.locator("[data-testid=question-list] .qrow")).hasCount(dataset.questions().size());

    page.locator("select[name=result]").selectOption("wrong");
    int wrong = claude.file().summary().attempted() - claude.file().summary().correct();
    expect(page.locator("[data-testid=question-list] .qrow")).hasCount(wrong);
    expect(page.locator("[data-testid=filter-stats]")).containsText(wrong + " questions");
    expect(page.locator("[data-testid=filter-stats]")).containsText("accuracy 0/" + wrong);
    assertThat(page.url()).contains("result=wrong");

    page.locator("select[name=result]").selectOption("");
    page.locator("select[name=image]").selectOption("with");
    page.locator("select[name=block]").selectOption("B");
    List<Question> expected = dataset.questions().stream()
        .filter(q -> q.requiresImage() && q.block().equals("B")).toList();
    long right = expected.stream().filter(q -> claude.result(q.questionId()).orElseThrow().correct()).count();
    int points = expected.stream().mapToInt(dev.jmlebench.score.Points::of).sum();
    int rightPoints = expected.stream().filter(q -> claude.result(q.questionId()).orElseThrow().correct())
        .mapToInt(dev.jmlebench.score.Points::of).sum();
    expect(page.locator("[data-testid=question-list] .qrow")).hasCount(expected.size());
    expect(page.locator("[data-testid=filter-stats]"))
        .containsText("score " + rightPoints + "/" + points + " · accuracy " + right + "/" + expected.size());
    assertThat(page.url()).contains("image=with").contains("block=B");
  }

  @Test
  void aSelectedQuestionShowsCaseImagesAnswersAndReasoning() {
    Published claude = Published.byId(CLAUDE);
    QuestionResult r = claude.result("120B-41").orElseThrow();
    Page page = open("#/model/" + CLAUDE);
    page.locator(".qrow[data-q='120B-41']").click();
    Locator detail = page.locator("[data-testid=detail]");
    expect(detail.locator("[data-testid=question-id]")).hasText("120B-41");
    expect(detail.locator(".context")).containsText("84歳の男性");
    expect(detail.locator(".qtext")).containsText("頸部に認める所見はどれか");
    expect(detail.locator("[data-testid=predicted]")).hasText(String.join(",", r.predicted()));
    expect(detail.locator("[data-testid=gold]")).hasText("a");
    expect(detail.locator(".resp.reasoning .plain")).hasText(r.reasoning());
    expect(detail.locator(".resp.raw .md")).containsText("【回答】");
    Locator image = detail.locator(".images img");
    expect(image).hasCount(1);
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
    assertThat(page.url()).contains("q=120B-41");

    image.click();
    expect(page.locator("#lightbox")).isVisible();
    expect(page.locator("#lightbox p")).hasText("120B-41-42_1.png");
    page.keyboard().press("Escape");
    expect(page.locator("#lightbox")).isHidden();
  }

  @Test
  void clinicalImagesShowAtTheirOwnSizeShrunkOnlyToFitTheColumn() {
    // 120A-16's image is 353×776: it showed as a 72×158 thumbnail.
    Page page = open("#/question/120A-16");
    Locator image = page.locator(".images img");
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
    assertThat(image.evaluate("img => [img.naturalWidth, img.naturalHeight, img.width, img.height]"))
        .isEqualTo(List.of(353, 776, 353, 776));
    Chromium.screenshot(page, "question-image");
    // On a model's page the detail column is narrower: a wide image (1084×521) fills it without spilling over.
    page.navigate(viewer.base() + "#/model/" + CLAUDE + "?q=120D-21");
    Locator wide = page.locator("[data-testid=detail] .images img").first();
    expect(page.locator("[data-testid=detail] [data-testid=question-id]")).hasText("120D-21");
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", wide.elementHandle());
    @SuppressWarnings("unchecked")
    List<Number> fit = (List<Number>) wide.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width,"
        + " img.closest('.detail').clientWidth, img.naturalHeight / img.naturalWidth, img.height / img.width]");
    assertThat(fit.get(1).doubleValue()).as("shown width").isLessThanOrEqualTo(fit.get(2).doubleValue())
        .isGreaterThan(0.8 * Math.min(fit.get(0).doubleValue(), fit.get(2).doubleValue()));
    assertThat(fit.get(4).doubleValue()).as("aspect ratio kept").isCloseTo(fit.get(3).doubleValue(), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void anEmojiInAModelsAnswerIsDrawnInColour() throws java.io.IOException {
    // Claude's answer to 120A-16 ticks its findings with ✅ (a green square): without a colour emoji font
    // (fonts-noto-color-emoji) it is drawn as an outline or a box, in the text's own grey.
    Page page = open("#/model/" + CLAUDE + "?q=120A-16");
    Locator raw = page.locator("[data-testid=detail] .resp.raw .md");
    expect(raw).containsText("✅");
    @SuppressWarnings("unchecked")
    Map<String, Number> box = (Map<String, Number>) raw.evaluate("md => {"
        + " const walk = document.createTreeWalker(md, NodeFilter.SHOW_TEXT);"
        + " for (let n = walk.nextNode(); n; n = walk.nextNode()) {"
        + "   const at = n.data.indexOf('✅'); if (at < 0) continue;"
        + "   n.parentElement.scrollIntoView({ block: 'center' });"
        + "   const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + 1);"
        + "   const b = r.getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; } }");
    byte[] png = page.screenshot(new Page.ScreenshotOptions().setClip(box.get("x").doubleValue(), box.get("y").doubleValue(),
        box.get("width").doubleValue(), box.get("height").doubleValue()));
    Chromium.screenshot(page, "answer-emoji"); // before the check, to see what was drawn either way
    java.awt.image.BufferedImage glyph = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    int green = 0;
    for (int y = 0; y < glyph.getHeight(); y++) {
      for (int x = 0; x < glyph.getWidth(); x++) {
        int rgb = glyph.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (g >= r && g >= b && g - Math.min(r, b) > 60) { // the emoji's green; the text is grey on white
          green++;
        }
      }
    }
    assertThat(green).as("green pixels of the ✅ (%dx%d px); none means no colour emoji font: apt-get install "
        + "fonts-noto-color-emoji (.ci/run installs it)", glyph.getWidth(), glyph.getHeight())
        .isGreaterThan(glyph.getWidth() * glyph.getHeight() / 4);
  }

  @Test
  void aWordTypedInTheHeaderBoxFindsEveryQuestionAndAnswerThatHoldsIt() {
    Page page = open("#/");
    expect(page.locator("[data-testid=leaderboard] tbody tr")).hasCount(published.size());
    page.locator("#question-jump").fill("胃癌");
    page.locator("#question-jump").press("Enter");
    Locator questions = page.locator("[data-testid=search-questions] .hit");
    expect(questions).hasCount(SearchExpectations.questions(dataset, "胃癌").size());
    assertThat(questions.evaluateAll("hits => hits.map(x => x.dataset.q)")).isEqualTo(SearchExpectations.questions(dataset, "胃癌"));
    expect(questions.first().locator("mark").first()).hasText("胃癌");
    int answers = 0;
    int runs = 0;
    for (Published p : published) {
      long n = SearchExpectations.answers(p.file(), "胃癌").size();
      Locator group = page.locator(".run-hits[data-model='" + p.id() + "']");
      if (n == 0) {
        expect(group).hasCount(0);
        continue;
      }
      expect(group.locator("h3")).containsText(" — " + n + (n == 1 ? " answer" : " answers"));
      expect(group.locator(".hit")).hasCount((int) Math.min(n, 20));
      answers += (int) n;
      runs++;
    }
    expect(page.locator("[data-testid=search-summary]")).hasText(questions.count() + " questions · " + answers + " answers in " + runs
        + " of " + published.size() + " runs");
    Chromium.screenshot(page, "search");

    questions.first().locator("a").first().click();
    expect(page.locator("h1")).hasText(SearchExpectations.questions(dataset, "胃癌").get(0));
    page.locator("#question-jump").fill("120c57");
    page.locator("#question-jump").press("Enter");
    expect(page.locator("h1")).hasText("120C-57"); // an id still opens its question
  }

  @Test
  void eachTableDownloadsTheRowsItShowsAsCsvAndJsonNamedAfterItsFilters() throws java.io.IOException {
    // A model's answers: the wrong ones of block C, as the page lists them.
    Published claude = Published.byId(CLAUDE);
    Page page = open("#/model/" + CLAUDE + "?result=wrong&block=C");
    List<QuestionResult> wrongInC = claude.file().results().stream()
        .filter(r -> r.questionId().startsWith("120C-") && !r.correct()).toList();
    expect(page.locator("[data-testid=question-list] .qrow")).hasCount(wrongInC.size());
    com.microsoft.playwright.Download csv = page.waitForDownload(() -> page.locator("[data-testid=export-answers] [data-export=csv]").click());
    assertThat(csv.suggestedFilename()).isEqualTo("jmle-bench-120-answers-" + CLAUDE + "-block_C-result_wrong.csv");
    List<Map<String, String>> rows = Exports.csv(csv.path());
    assertThat(rows).extracting(r -> r.get("question_id")).containsExactlyElementsOf(wrongInC.stream().map(QuestionResult::questionId).toList());
    assertThat(rows).extracting(r -> r.get("predicted")).containsExactlyElementsOf(wrongInC.stream().map(r -> String.join(",", r.predicted())).toList());
    assertThat(rows).extracting(r -> r.get("outcome")).isSubsetOf("incorrect", "parse failure", "error");
    com.microsoft.playwright.Download json = page.waitForDownload(() -> page.locator("[data-testid=export-answers] [data-export=json]").click());
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.path().toFile());
    assertThat(doc.at("/filters/result").asText()).isEqualTo("wrong");
    assertThat(doc.at("/filters/block").asText()).isEqualTo("C");
    assertThat(doc.get("link").asText()).as("the address that shows these rows").startsWith(viewer.base())
        .contains("#/model/" + CLAUDE).contains("result=wrong").contains("block=C");
    assertThat(doc.get("rows")).hasSize(wrongInC.size());

    // The leaderboard, sorted by the general part: the rows in that order, with the files' figures.
    page.navigate(viewer.base() + "#/?sort=general&dir=desc");
    expect(page.locator("th[data-sort=general] .arrow")).hasText(" ▼");
    @SuppressWarnings("unchecked")
    List<String> shown = (List<String>) page.locator("[data-testid=leaderboard] tbody tr").evaluateAll("rows => rows.map(r => r.dataset.model)");
    List<Map<String, String>> board = Exports.csv(page.waitForDownload(() -> page.locator("[data-testid=export-leaderboard] [data-export=csv]").click()).path());
    assertThat(board).extracting(r -> r.get("source_file").replaceFirst("\\.json$", "")).containsExactlyElementsOf(shown);
    for (Map<String, String> row : board) {
      var summary = Published.byId(row.get("source_file").replaceFirst("\\.json$", "")).file().summary();
      assertThat(row.get("score")).isEqualTo(String.valueOf(summary.score()));
      assertThat(Double.parseDouble(row.get("score_pct"))).isEqualTo(summary.scorePct());
      assertThat(row.get("general_score")).isEqualTo(String.valueOf(summary.generalScore()));
    }

    // Every pair of the matrix, with the statistics package's Holm-adjusted p.
    page.navigate(viewer.base() + "#/matrix");
    expect(page.locator("[data-testid=matrix] td.cell")).hasCount(published.size() * (published.size() - 1));
    List<Map<String, String>> pairs = Exports.csv(page.waitForDownload(() -> page.locator("[data-testid=export-pairwise] [data-export=csv]").click()).path());
    AllPairs all = allPairs();
    assertThat(pairs).hasSize(all.pairs().size());
    for (Map<String, String> row : pairs) {
      AllPairs.Pair p = pairOf(all, row.get("a_id"), row.get("b_id"));
      assertThat(all.ranking().get(p.a()).source()).as("A is the higher-ranked").isEqualTo(row.get("a_id"));
      assertThat(Double.parseDouble(row.get("holm_p"))).isCloseTo(p.holmP(), org.assertj.core.data.Offset.offset(1e-4));
      assertThat(Boolean.parseBoolean(row.get("distinguishable"))).isEqualTo(p.distinguishable());
    }
  }

  @Test
  void keysJAndKMoveThroughTheFilteredList() {
    Page page = open("#/model/" + CLAUDE + "?result=wrong");
    Locator rows = page.locator("[data-testid=question-list] .qrow");
    expect(rows.first()).hasClass(java.util.regex.Pattern.compile("selected"));
    String first = rows.nth(0).getAttribute("data-q");
    String second = rows.nth(1).getAttribute("data-q");
    page.keyboard().press("j");
    expect(page.locator("[data-testid=detail] [data-testid=question-id]")).hasText(second);
    expect(rows.nth(1)).hasClass(java.util.regex.Pattern.compile("selected"));
    page.keyboard().press("ArrowUp");
    expect(page.locator("[data-testid=detail] [data-testid=question-id]")).hasText(first);
    page.keyboard().press("ArrowDown");
    // The address follows the selection after the detail has loaded: wait for it, as a loaded machine is slow.
    page.waitForURL(java.util.regex.Pattern.compile(".*[?&]q=" + java.util.regex.Pattern.quote(second) + "(&.*)?$"));
  }

  @Test
  void aSharedUrlOpensTheSameModelFiltersAndQuestion() {
    Page page = open("#/model/" + CLAUDE + "?result=wrong&type=multiple_choice&q=120C-57");
    expect(page.locator("select[name=result]")).hasValue("wrong");
    expect(page.locator("select[name=type]")).hasValue("multiple_choice");
    expect(page.locator(".qrow.selected")).hasAttribute("data-q", "120C-57");
    expect(page.locator("[data-testid=detail] [data-testid=question-id]")).hasText("120C-57");
    expect(page.locator("[data-testid=compare-link]")).containsText("models right");
  }

  @Test
  void questionPageCountsModelsRightAndComparesChosenModelsSideBySide() {
    long right = published.stream().filter(p -> p.result("120B-14").map(QuestionResult::correct).orElse(false)).count();
    Page page = open("#/question/120B-14?models=" + CLAUDE + ",openai_gpt-5.2");
    expect(page.locator("[data-testid=models-right]")).hasText(right + " of " + published.size());
    expect(page.locator("[data-testid=question-gold]")).hasText("e");
    expect(page.locator("[data-testid=answers-table] tbody tr")).hasCount(published.size());
    Locator columns = page.locator("[data-testid=side-by-side] .col");
    expect(columns).hasCount(2);
    expect(columns.nth(0).locator("[data-testid=predicted]"))
        .hasText(String.join(",", Published.byId(CLAUDE).result("120B-14").orElseThrow().predicted()));

    page.locator("[data-testid=answers-table] input[data-model='google_gemini-3.1-pro-preview']").check();
    expect(columns).hasCount(3);
    assertThat(page.url()).contains("google_gemini-3.1-pro-preview");
    page.keyboard().press("j");
    expect(page.locator("h1")).hasText("120B-15");
    expect(columns).hasCount(3);
  }

  @Test
  void hardestQuestionsListFirstTheOnesEveryModelMissed() {
    Set<String> missedByAll = dataset.questions().stream().map(Question::questionId)
        .filter(id -> published.stream().noneMatch(p -> p.result(id).map(QuestionResult::correct).orElse(false)))
        .collect(Collectors.toSet());
    Page page = open("#/hardest");
    Locator rows = page.locator("[data-testid=hardest] tbody tr");
    expect(rows).hasCount(dataset.questions().size());
    expect(page.locator(".card").first()).containsText(String.valueOf(missedByAll.size()));
    @SuppressWarnings("unchecked")
    List<String> firstIds = (List<String>) rows.evaluateAll("rows => rows.map(r => r.dataset.q)");
    assertThat(Set.copyOf(firstIds.subList(0, missedByAll.size()))).isEqualTo(missedByAll);

    page.locator("select[name=block]").selectOption("E");
    expect(rows).hasCount((int) dataset.questions().stream().filter(q -> q.block().equals("E")).count());
    rows.first().locator("a").first().click();
    assertThat(page.url()).contains("#/question/120E-");
  }

  @Test
  void theThemeFollowsTheSystemAndTheToggle() {
    Page dark = viewer.open("#/", ColorScheme.DARK);
    expect(dark.locator("[data-testid=leaderboard] tbody tr")).hasCount(published.size());
    String darkBg = (String) dark.evaluate("getComputedStyle(document.body).backgroundColor");
    Page light = open("#/");
    expect(light.locator("[data-testid=leaderboard] tbody tr")).hasCount(published.size());
    String lightBg = (String) light.evaluate("getComputedStyle(document.body).backgroundColor");
    assertThat(darkBg).isNotEqualTo(lightBg);

    light.locator("#theme-toggle").click();
    expect(light.locator("#theme-toggle")).hasText("Theme: light");
    light.locator("#theme-toggle").click();
    expect(light.locator("#theme-toggle")).hasText("Theme: dark");
    assertThat(light.evaluate("getComputedStyle(document.body).backgroundColor")).isEqualTo(darkBg);
  }

  /** What the statistics package says of a published run (computed once: each is 10,000 resamples). */
  private static RunStatistics statistics(Published p) {
    return STATISTICS.computeIfAbsent(p.id(), id -> RunStatistics.of(p.file(), AnswerKey.of("120", "author").criteria(), SharedData.dataset(), id));
  }

  private static String range(Interval i) {
    return Percent.format(i.lower()).replace("%", "") + "–" + Percent.format(i.upper()).replace("%", "");
  }

  private static String passText(double p) {
    return p > 0.995 && p < 1 ? "> 0.99" : String.format(Locale.ROOT, "%.2f", p);
  }

  @Test
  void leaderboardShowsEachRunsConfidenceIntervalsAndPassProbability() {
    Page page = open("#/");
    for (Published p : published) {
      RunStatistics s = statistics(p);
      Locator row = page.locator("tr[data-model='" + p.id() + "']");
      expect(row.locator("[data-testid=score-ci]")).hasText("[" + range(s.scorePctCi()) + "]");
      expect(row.locator("[data-testid=accuracy-ci]")).hasText("[" + range(s.accuracyBootstrap()) + "]");
      expect(row.locator("[data-testid=pass-probability]")).hasText(passText(s.passProbability()));
    }
    expect(page.locator("[data-testid=score-chart] .ci-bar")).hasCount(published.size());
    Published last = published.stream().min(Comparator.comparingDouble(p -> statistics(p).passProbability())).orElseThrow();
    page.locator("th[data-sort=ppass]").click();
    expect(page.locator("[data-testid=leaderboard] tbody tr").first()).not().hasAttribute("data-model", last.id());
    page.locator("th[data-sort=ppass]").click();
    expect(page.locator("[data-testid=leaderboard] tbody tr").first().locator("[data-testid=pass-probability]"))
        .hasText(passText(statistics(last).passProbability()));
  }

  @Test
  void modelCardsShowTheScoreIntervalAndThePassProbability() {
    Published gptOss = Published.byId("openai_gpt-oss-120b_low");
    RunStatistics s = statistics(gptOss);
    Page page = open("#/model/" + gptOss.id());
    expect(page.locator(".card [data-testid=score-ci]"))
        .hasText(Percent.format(gptOss.file().summary().scorePct()) + " [" + range(s.scorePctCi()) + "]");
    expect(page.locator(".card [data-testid=accuracy-ci]")).hasText("95% CI " + range(s.accuracyBootstrap()) + "%");
    expect(page.locator(".card [data-testid=pass-probability]")).hasText(passText(s.passProbability()));
    expect(page.locator(".card [data-testid=accuracy-ci]")).isVisible();
    expect(page.locator("[data-testid=cost]")).hasCount(0); // a published file records no cost: none is shown
    expect(page.locator(".cards")).not().containsText("truncated");
  }

  @Test
  void aRunThatRecordsItsCostAndTruncatedAnswersShowsThemOnItsPage(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var file = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
        SharedData.results().resolve(CLAUDE + ".json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) file.get("metadata")).putObject("totals")
        .put("requests", 400).put("cost_usd", 4.93).put("truncated", 7);
    json.writeValue(dir.resolve("priced.json").toFile(), file);
    try (ViewerServer priced = ViewerServer.start(new ViewerApi(ViewerData.load(dir, dataset, AnswerKey.of("120", "author"))), "127.0.0.1", 0)) {
      Page page = viewer.chromium().page();
      page.navigate("http://127.0.0.1:" + priced.port() + "/#/model/priced");
      // 493 points and 393 correct answers (the published summary) share the $4.93.
      expect(page.locator(".card [data-testid=cost]")).hasText("$4.93");
      expect(page.locator(".cards")).containsText("$0.01000 per point · $0.01254 per correct answer");
      expect(page.locator(".cards")).containsText("· 7 truncated");
    }
  }

  @Test
  void aPricedRunShowsItsCostInTheLeaderboardAndTheCostChartBesidePublishedFilesWithout(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    dev.jmlebench.testing.PricedRun.write(dir.resolve("priced.json"));
    List<String> others = List.of(CLAUDE, "Qwen_Qwen3-32B");
    for (String id : others) {
      java.nio.file.Files.copy(SharedData.results().resolve(id + ".json"), dir.resolve(id + ".json"));
    }
    ViewerApi api = new ViewerApi(ViewerData.load(dir, dataset, AnswerKey.of("120", "official")));
    var cost = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.json("index").orElseThrow())
        .get("models").findValues("run_cost").get(0);
    try (ViewerServer priced = ViewerServer.start(api, "127.0.0.1", 0)) {
      Page page = viewer.chromium().page();
      page.navigate("http://127.0.0.1:" + priced.port() + "/#/");
      Locator row = page.locator("tr[data-model=priced] td[data-testid=cost]");
      expect(row).containsText(cost.get("usd_text").asText());
      expect(row).containsText(cost.get("per_point_text").asText() + "/point");
      expect(row).containsText(cost.get("per_correct_text").asText() + "/correct");
      for (String id : others) {
        expect(page.locator("tr[data-model='" + id + "'] td[data-testid=cost]")).hasText("—");
      }
      // Sorted by cost, either way, the runs without one come last.
      page.locator("th[data-sort=cost]").click();
      expect(page.locator("[data-testid=leaderboard] tbody tr").first()).hasAttribute("data-model", "priced");
      page.locator("th[data-sort=cost]").click();
      expect(page.locator("th[data-sort=cost] .arrow")).hasText(" ▼");
      expect(page.locator("[data-testid=leaderboard] tbody tr").first()).hasAttribute("data-model", "priced");

      Locator dots = page.locator("[data-testid=cost-chart] circle.cost-dot");
      expect(dots).hasCount(1);
      expect(dots.first()).hasAttribute("data-model", "priced");
      expect(dots.first().locator("title")).containsText(" for " + cost.get("usd_text").asText());
      page.locator("[data-testid=cost-chart]").scrollIntoViewIfNeeded();
      Chromium.screenshot(page, "leaderboard-cost");
      dots.first().click();
      expect(page.locator(".card [data-testid=cost]")).hasText(cost.get("usd_text").asText());
    }
  }

  /** The comparisons the matrix must show, computed by the statistics package from the files themselves. */
  private static synchronized AllPairs allPairs() {
    if (allPairs == null) {
      allPairs = AllPairs.of(published.stream()
          .map(p -> ScoredRun.of(p.file(), AnswerKey.of("120", "author").criteria(), SharedData.dataset(), p.id())).toList());
    }
    return allPairs;
  }

  private static AllPairs.Pair pairOf(AllPairs all, String x, String y) {
    return all.pairs().stream().filter(p -> Set.of(x, y).equals(Set.of(
        all.ranking().get(p.a()).source(), all.ranking().get(p.b()).source()))).findFirst().orElseThrow();
  }

  @Test
  void theMatrixMarksEachPairDistinguishableOrNotAsTheStatisticsPackageDecides() {
    AllPairs all = allPairs();
    Page page = open("#/matrix");
    expect(page.locator("[data-testid=matrix] td.cell")).hasCount(published.size() * (published.size() - 1));
    String big = "Qwen_Qwen3.5-122B-A10B";
    String small = "Qwen_Qwen3.5-27B_nothink";
    AllPairs.Pair qwen = pairOf(all, big, small);
    List<String[]> checked = new ArrayList<>();
    checked.add(new String[] {big, small});
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        checked.add(new String[] {all.ranking().get(i).source(), all.ranking().get(j).source()});
      }
    }
    for (String[] xy : checked) {
      String verdict = pairOf(all, xy[0], xy[1]).distinguishable() ? "distinguishable" : "not-distinguishable";
      expect(page.locator("td.cell[data-a='" + xy[0] + "'][data-b='" + xy[1] + "']")).hasAttribute("data-verdict", verdict);
      expect(page.locator("td.cell[data-a='" + xy[1] + "'][data-b='" + xy[0] + "']")).hasAttribute("data-verdict", verdict);
    }
    if (published.size() == 8) {
      // The 8 published files: the Qwen pair is told apart (Holm p about 0.04), the top three are not.
      assertThat(qwen.distinguishable()).isTrue();
      assertThat(checked.subList(1, 4)).allSatisfy(xy -> assertThat(pairOf(all, xy[0], xy[1]).distinguishable()).isFalse());
    }

    page.locator("td.cell[data-a='" + big + "'][data-b='" + small + "']").click();
    assertThat(page.url()).contains("a=" + big).contains("b=" + small);
    Locator detail = page.locator("[data-testid=pair-detail]");
    expect(detail.locator("[data-testid=pair-title]")).hasText(Published.byId(big).name() + " vs " + Published.byId(small).name());
    expect(detail.locator("[data-testid=pair-differing] tbody tr")).hasCount(qwen.comparison().differing().size());
    expect(detail.locator("[data-testid=pair-blocks] tbody tr")).hasCount(qwen.comparison().byBlock().size());
    String firstDiffering = qwen.comparison().differing().get(0).questionId();
    detail.locator("[data-testid=pair-differing] tr[data-q='" + firstDiffering + "'] a").click();
    expect(page.locator("h1")).hasText(firstDiffering);
    expect(page.locator("[data-testid=side-by-side] .col")).hasCount(2);
  }

  @Test
  void aSharedUrlToAMatrixCellRestoresItFromEitherSide() {
    AllPairs all = allPairs();
    AllPairs.Pair top = all.pair(0, 1);
    String a = all.ranking().get(0).source();
    String b = all.ranking().get(1).source();
    int d = top.comparison().scoreDifference();

    Page page = open("#/matrix?a=" + a + "&b=" + b);
    expect(page.locator("td.cell.selected")).hasAttribute("data-a", a);
    expect(page.locator("[data-testid=pair-title]")).hasText(Published.byId(a).name() + " vs " + Published.byId(b).name());
    expect(page.locator("[data-testid=pair-difference]")).hasText((d > 0 ? "+" + d : d < 0 ? "−" + -d : "0") + " points");
    expect(page.locator("[data-testid=pair-verdict]"))
        .hasText(top.distinguishable() ? "distinguishable" : "not distinguishable");

    page.navigate(viewer.base() + "#/matrix?a=" + b + "&b=" + a);
    page.reload();
    expect(page.locator("td.cell.selected")).hasAttribute("data-a", b);
    expect(page.locator("[data-testid=pair-difference]")).hasText((d > 0 ? "−" + d : d < 0 ? "+" + -d : "0") + " points");
  }

  /** Each view in light and dark, for a person to look at (viewer-screenshots/ in the build folder). */
  @Test
  void everyViewRendersInLightAndDark() {
    String[][] views = {
        {"leaderboard", "#/"},
        {"model", "#/model/" + CLAUDE + "?result=wrong&q=120C-57"},
        {"question", "#/question/120B-14"},
        {"hardest", "#/hardest"},
        {"matrix", "#/matrix?a=Qwen_Qwen3.5-122B-A10B&b=Qwen_Qwen3.5-27B_nothink"},
    };
    for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
      for (String[] v : views) {
        Page page = viewer.open(v[1], scheme);
        expect(page.locator("main h1")).isVisible();
        page.waitForLoadState();
        page.waitForFunction("() => [...document.images].every(i => i.complete)");
        assertThat(page.locator(".error-box").count()).isZero();
        Chromium.screenshot(page, v[0] + "-" + scheme.name().toLowerCase());
        page.context().close();
      }
    }
  }
}
