package dev.jmlebench.viewer;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.jmlebench.dataset.Annotation;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served viewer on an IgakuQA exam (the 113th, ChatGPT's published predictions) in headless Chromium: the
 * model page counts and lists the answers with a prohibited choice, labelled as IgakuQA's annotation, and a
 * question shows the examinees' accuracy and choice shares.
 */
class ViewerIgakuQaBrowserTest {
  @TempDir static Path dir;
  @AutoClose private static ServedViewer viewer;
  private static int prohibited;

  @BeforeAll
  static void startServerAndBrowser() throws IOException {
    Path out = dir.resolve("chatgpt.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset", SharedData.rootIgakuqa().toString(),
        "--display-name", "ChatGPT", "--out", out.toString()));
    try (Stream<Path> s = Files.list(SharedData.rootIgakuqa().resolve("baseline_results/2019"))) {
      s.filter(p -> p.getFileName().toString().matches("113-[A-F]_chatgpt\\.jsonl")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    if (o.exitCode() != 0) {
      throw new IllegalStateException(o.err());
    }
    prohibited = ResultFiles.read(out).summary().prohibitedAnswers();
    viewer = ServedViewer.start(new ViewerApi(ViewerData.load(dir, SharedData.datasetIgakuqa("113"),
        AnswerKey.of("113", "official"))));
  }

  private static Page open(String hash) {
    return viewer.open(hash);
  }

  @Test
  void theModelPageCountsAndListsTheAnswersWithAProhibitedChoice() {
    Page page = open("#/model/chatgpt");
    PlaywrightAssertions.assertThat(page.locator("[data-testid=prohibited-count]")).hasText(String.valueOf(prohibited));
    Locator list = page.locator("[data-testid=prohibited-answers]");
    PlaywrightAssertions.assertThat(list).containsText("annotated by IgakuQA's authors (not official: the ministry publishes no list)");
    PlaywrightAssertions.assertThat(list.locator("li")).hasCount(prohibited);
    // P(pass) counts the third criterion, and says on what it rests.
    PlaywrightAssertions.assertThat(page.locator(".card", new Page.LocatorOptions().setHasText("P(pass)")))
        .containsText("all three criteria hold (at most 3 answers with a prohibited choice, as annotated by "
            + "IgakuQA's authors (not official: the ministry publishes no list))");
  }

  @Test
  void aQuestionShowsTheExamineesAccuracyAndChoiceShares() {
    Annotation a = SharedData.datasetIgakuqa("113").annotation("113A-1").orElseThrow();
    Page page = open("#/question/113A-1");
    PlaywrightAssertions.assertThat(page.locator("[data-testid=examinee-accuracy]"))
        .hasText(String.format(Locale.ROOT, "%.1f%%", a.examineeAccuracy().getAsDouble()));
    PlaywrightAssertions.assertThat(page.locator("[data-testid=examinees] .chip")).hasCount(a.choiceShares().size());
  }
}
