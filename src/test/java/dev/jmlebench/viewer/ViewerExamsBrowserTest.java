package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Summary;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer over a folder of five exams (see {@link SeveralExams}) in headless Chromium: the exam switch
 * changes every view to the chosen exam and keeps it in the address, and the model × exam view shows the
 * figures of the {@code leaderboard} command's model × exam table; served and as a static report from disk.
 */
class ViewerExamsBrowserTest {
  private static final List<String> EXAMS = List.of("120", "119", "115", "114", "113");
  @TempDir static Path temp;
  private static Path results;
  @AutoClose private static ServedViewer viewer;
  private static ViewerSite site;
  private static String report;

  @BeforeAll
  static void serveAFolderOfFiveExams() {
    results = SeveralExams.build(temp.resolve("results"));
    site = SeveralExams.load(results);
    viewer = ServedViewer.start(site);
    report = ReportWriter.write(site, temp.resolve("report")).folder().resolve("index.html").toUri().toString();
  }

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  private static String runId(String exam, String file) {
    return site.exams().stream().filter(api -> api.data().dataset().exam().equals(exam)).findFirst().orElseThrow()
        .data().runs().stream().filter(r -> r.file().getFileName().toString().equals(file)).findFirst().orElseThrow()
        .id();
  }

  @Test
  void theExamSwitchShowsTheChosenExamInEveryViewAndKeepsItInTheAddress() {
    Page page = viewer.open("#/");
    Locator examSwitch = page.locator("#exam-switch");
    expect(examSwitch).isVisible();
    assertThat(examSwitch.locator("option").allTextContents())
        .containsExactly("Exam 120 (2026-02)", "Exam 119 (2025-02)", "Exam 115 (2021-02)", "Exam 114 (2020-02)",
            "Exam 113 (2019-02)");
    expect(page.locator("[data-testid=leaderboard] tbody tr")).hasCount(SharedData.publishedResults().size());
    assertThat(page.url()).doesNotContain("exam=");

    examSwitch.selectOption("119");
    assertThat(page.url()).contains("exam=119");
    Locator rows = page.locator("[data-testid=leaderboard] tbody tr");
    expect(rows).hasCount(1);
    expect(rows.first()).containsText(SeveralExams.PFN);
    expect(rows.first()).containsText("332/500");
    ExamCriteria c119 = site.exams().get(1).data().criteria();
    expect(page.locator("main .muted").first()).containsText("exam 119");
    expect(page.locator("main .muted").first()).containsText("required ≥ " + c119.requiredMin());

    // The top bar's links and the model menu follow the exam.
    page.locator("[data-nav=hardest]").click();
    expect(page.locator("[data-testid=hardest] tbody tr").first()).hasAttribute("data-q", java.util.regex.Pattern.compile("^119"));
    assertThat(page.url()).contains("#/hardest").contains("exam=119");
    assertThat(page.locator("#model-jump option").allTextContents()).containsExactly("Model…", SeveralExams.PFN);
    page.locator("[data-nav=leaderboard]").click();
    rows.first().locator("a").first().click();
    assertThat(page.url()).contains("#/model/" + runId("119", SeveralExams.PFN + "-119.json")).contains("exam=119");
    expect(page.locator(".card").first()).containsText("332/500");
    expect(page.locator("[data-testid=question-list] .qrow")).hasCount(400);

    // A shared link opens the same exam in a new page; switching from a model page goes to that exam's board.
    Page shared = viewer.open(page.url().substring(page.url().indexOf('#')) + "&q=119E-28");
    expect(shared.locator("[data-testid=detail] [data-testid=question-id]")).hasText("119E-28");
    expect(shared.locator("#exam-switch")).hasValue("119");
    expect(shared.locator("[data-testid=detail] .qtext")).isVisible();
    // 119E28 accepts a or c, one letter: its gold reads so in the answer panel and in the question list.
    expect(shared.locator("[data-testid=detail] [data-testid=gold]")).hasText("a or c");
    expect(shared.locator(".qrow[data-q='119E-28'] .ans .muted")).hasText(" / a or c");
    Chromium.screenshot(shared, "exam-switch-light");
    shared.locator("#exam-switch").selectOption("114");
    expect(shared.locator("[data-testid=leaderboard] tbody tr")).hasCount(1);
    expect(shared.locator("[data-testid=leaderboard] tbody tr").first()).containsText(SeveralExams.CHATGPT);
    assertThat(shared.url()).contains("exam=114").doesNotContain("#/model");
    // Back to the newest exam: the plain address again.
    shared.locator("#exam-switch").selectOption("120");
    expect(shared.locator("[data-testid=leaderboard] tbody tr")).hasCount(SharedData.publishedResults().size());
    assertThat(shared.url()).doesNotContain("exam=");
  }

  @Test
  void theModelByExamViewShowsTheLeaderboardCommandsModelByExamTable() throws IOException {
    List<List<String>> expected = leaderboardCommandsTable();
    Page page = viewer.open("#/");
    page.locator("[data-nav=exams]").click();
    Locator table = page.locator("[data-testid=exam-matrix]");
    expect(table.locator("tbody tr")).hasCount(expected.size());
    assertThat(table.locator("thead th[data-exam]").evaluateAll("ths => ths.map(t => t.dataset.exam)")).isEqualTo(EXAMS);
    assertThat(rowsOf(page)).isEqualTo(expected);
    page.mouse().move(0, 500); // off the top bar, whose menus moved left as the exam switch went
    Chromium.screenshot(page, "exam-matrix-light");
    Page dark = viewer.open("#/exams", com.microsoft.playwright.options.ColorScheme.DARK);
    assertThat(rowsOf(dark)).isEqualTo(expected);
    Chromium.screenshot(dark, "exam-matrix-dark");

    // A cell opens that run's page in its exam.
    Summary s114 = ResultFiles.read(results.resolve("chatgpt-114.json")).summary();
    table.locator("tr[data-name=" + SeveralExams.CHATGPT + "] td[data-exam='114'] a").click();
    assertThat(page.url()).contains("#/model/" + runId("114", "chatgpt-114.json")).contains("exam=114");
    expect(page.locator(".card").first()).containsText(s114.score() + "/" + s114.scoreMax());
    expect(page.locator("#exam-switch")).hasValue("114");
  }

  @Test
  void theHeaderWithTheExamSwitchIsOneLineFrom1280PxAndWrapsWithoutOverflowBelow() {
    // The 120th's leaderboard has the most models (the widest model menu); 119E-28's page the 119th's.
    for (String hash : List.of("#/", "#/question/119E-28?exam=119")) {
      Page page = viewer.open(hash);
      page.setViewportSize(1280, 900);
      expect(page.locator("#exam-switch")).isVisible();
      expect(page.locator("#model-jump option")).not().hasCount(1);
      assertThat(headerRows(page)).as(hash + " at 1280 px").isEqualTo(1);
      if (hash.equals("#/")) {
        Chromium.screenshot(page, "header-1280-light");
      }
      // Narrower, the header may take more lines, but nothing runs off the side of the page.
      page.setViewportSize(760, 900);
      assertThat(headerRows(page)).as(hash + " at 760 px").isGreaterThan(1);
      if (hash.equals("#/")) {
        Chromium.screenshot(page, "header-760-light");
      }
      assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as(hash).isEqualTo(true);
      assertThat(page.evaluate("() => [...document.querySelectorAll('.topbar *')].every(e => e.getBoundingClientRect().right <= window.innerWidth)"))
          .as(hash).isEqualTo(true);
    }
  }

  @Test
  void theQuestionPageOfAGoldWithAlternativesSaysEitherAndMarksEachAcceptedAnswer() {
    for (var scheme : List.of(com.microsoft.playwright.options.ColorScheme.LIGHT, com.microsoft.playwright.options.ColorScheme.DARK)) {
      Page page = viewer.open("#/question/119E-28?exam=119", scheme);
      expect(page.locator("[data-testid=question-gold]")).hasText("a or c");
      // PFN's answer, graded right or wrong in Java: its chip is marked as gold exactly when it was accepted.
      Locator chip = page.locator(".dist .chip");
      expect(chip).hasCount(1);
      boolean right = page.locator("[data-testid=models-right]").textContent().startsWith("1 ");
      assertThat(chip.getAttribute("class").contains("gold")).isEqualTo(right);
      assertThat(chip.textContent()).startsWith(right ? "a — " : "");
      Chromium.screenshot(page, "question-119E-28-" + scheme.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void theModelByExamViewHasNoExamSwitch() {
    Page page = viewer.open("#/?exam=114");
    expect(page.locator("#exam-switch")).isVisible();
    page.locator("[data-nav=exams]").click();
    expect(page.locator("[data-testid=exam-matrix] tbody tr").first()).isVisible();
    expect(page.locator("#exam-switch")).isHidden();
    expect(page.locator("[data-nav=exams]")).isVisible();
    page.goBack();
    expect(page.locator("[data-testid=leaderboard] tbody tr").first()).containsText(SeveralExams.CHATGPT);
    expect(page.locator("#exam-switch")).isVisible();
    expect(page.locator("#exam-switch")).hasValue("114");
    // Opened directly too.
    expect(viewer.open("#/exams").locator("#exam-switch")).isHidden();
  }

  /**
   * How many lines the top bar's visible items take: the items of one line are centred on it, so their vertical
   * centres differ by a few pixels; a centre more than 10 px below the last starts another line.
   */
  private static int headerRows(Page page) {
    Number rows = (Number) page.evaluate("""
        () => {
          const centres = [...document.querySelectorAll('.topbar > a, .topbar > button, .topbar nav > :not(datalist)')]
            .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0)
            .map(r => (r.top + r.bottom) / 2).sort((a, b) => a - b);
          return centres.filter((c, i) => i === 0 || c - centres[i - 1] > 10).length;
        }""");
    return rows.intValue();
  }

  @Test
  void theStaticReportOfSeveralExamsOpensFromDisk() throws IOException {
    Page page = viewer.chromium().page();
    page.navigate(report + "#/exams");
    assertThat(page.url()).startsWith("file:");
    assertThat(rowsOf(page)).isEqualTo(leaderboardCommandsTable());
    page.locator("tr[data-name=" + SeveralExams.PFN + "] td[data-exam='119'] a").click();
    expect(page.locator(".card").first()).containsText("332/500");
    expect(page.locator("[data-testid=question-list] .qrow")).hasCount(400);
    page.locator(".qrow[data-q='119E-28']").click();
    expect(page.locator("[data-testid=detail] .qtext")).isVisible();
    expect(page.locator("[data-testid=detail] [data-testid=gold]")).hasText("a or c");
    // The 119th's answers of the run come from its one script, data/exam/119/answer/ID.js.
    expect(page.locator("[data-testid=detail] .resp.raw")).isVisible();
    page.locator("#exam-switch").selectOption("113");
    expect(page.locator("[data-testid=leaderboard] tbody tr").first()).containsText(SeveralExams.CHATGPT);
  }

  @Test
  void anExamInTheAddressCannotMakeTheReportRunAScriptFromOutsideItsFolder() throws IOException {
    Files.writeString(temp.resolve("evil.js"), "window.PWNED = (window.PWNED || 0) + 1;");
    Files.writeString(temp.resolve("index.js"), "window.PWNED = (window.PWNED || 0) + 1;");
    String folder = temp.resolve("report").toUri().toString();
    Page page = viewer.chromium().page();
    List<String> requested = new ArrayList<>();
    page.onRequest(request -> requested.add(request.url()));
    for (String attack : List.of("#/?exam=..%2F..%2F..", "#/?exam=..%2F..%2F..%2Fevil", "#/model/x?exam=118",
        "#/model/..%2F..%2F..%2F..%2Fevil?exam=119", "#/question/..%2F..%2F..%2F..%2Fevil?exam=113")) {
      page.navigate(report + attack);
      page.waitForFunction("() => !document.querySelector('#main .loading')");
      page.waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(page.evaluate("() => window.PWNED === undefined")).as(attack).isEqualTo(true);
    }
    assertThat(requested).isNotEmpty().allMatch(url -> url.startsWith(folder) || url.startsWith("data:"));
  }

  /** The table's rows as the page shows them: name, one cell per exam ("90.2% PASS" or "-"), the mean. */
  private static List<List<String>> rowsOf(Page page) {
    page.locator("[data-testid=exam-matrix] tbody tr").first().waitFor();
    @SuppressWarnings("unchecked")
    List<List<String>> rows = (List<List<String>>) page.locator("[data-testid=exam-matrix] tbody tr").evaluateAll(
        "trs => trs.map(tr => [...tr.children].map(td => td.textContent.trim()))");
    return rows;
  }

  /**
   * The model × exam table the {@code leaderboard} command writes into a README (ExamMatrix), its verdicts in the
   * viewer's words: each row name, cells, mean.
   */
  private static List<List<String>> leaderboardCommandsTable() throws IOException {
    Path readme = temp.resolve("README-" + System.nanoTime() + ".md");
    Files.writeString(readme, "<!-- leaderboard-exams-start -->\n<!-- leaderboard-exams-end -->\n");
    List<String> args = new ArrayList<>(List.of("leaderboard", "--results", results.toString(), "--readme",
        readme.toString(), "--chart", Files.createTempDirectory(temp, "charts").resolve("board.png").toString()));
    args.addAll(SeveralExams.datasetOptions());
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
    List<String> lines = Files.readAllLines(readme);
    assertThat(lines.get(1)).isEqualTo("| Model | " + String.join(" | ", EXAMS) + " | Mean (95% CI over exams) |");
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(3, lines.size() - 1)) {
      rows.add(Arrays.stream(line.substring(2, line.length() - 2).split(" \\| "))
          .map(c -> c.replace("✓", "PASS").replace("✗", "FAIL")).toList());
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }
}
