package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.CardFolder;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robustness card on a model's page ({@link CardFolder}: GPT-5.2's default run, its image questions asked
 * blind, a low reasoning effort), in headless Chromium: the rows, their figures as {@code robustness --json}
 * prints them, the image audit and the noise floor; a variant's page shows the same card with its own row marked.
 */
class RobustnessCardBrowserTest {
  @TempDir static Path dir;
  @AutoClose private static ServedViewer viewer;

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  @Test
  void theModelPageShowsTheCardOfItsRunsAsTheCommandComputesIt() throws IOException {
    CardFolder.write(dir);
    ViewerApi api = new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "official")));
    viewer = ServedViewer.start(api);
    JsonNode card = new ObjectMapper().readTree(Cli.run("robustness", "--dataset", SharedData.root().toString(),
        "--key", "official", "--model", CardFolder.MODEL, "--json", dir.toString()).out());
    String defaultId = id(api, "gpt-5.2.json");

    Page page = viewer.open("#/model/" + defaultId);
    Locator rows = page.locator("[data-testid=robustness-rows] tbody tr");
    expect(rows).hasCount(2);
    for (int i = 0; i < 2; i++) {
      JsonNode v = card.get("variants").get(i);
      Locator cells = rows.nth(i).locator("td");
      expect(cells.nth(0)).containsText(v.get("label").textValue());
      expect(cells.nth(2)).hasText(signed(v.get("score_difference").intValue()));
      expect(cells.nth(3)).hasText("[" + signed(v.get("score_difference_ci").get(0).intValue()) + ", "
          + signed(v.get("score_difference_ci").get(1).intValue()) + "]");
      expect(cells.nth(6)).hasText(String.valueOf(v.get("right_to_wrong").intValue()));
      expect(cells.nth(7)).hasText(String.valueOf(v.get("wrong_to_right").intValue()));
      // Both differences are real (block B wrong, a third of the image questions wrong): the dot says so.
      expect(cells.nth(4).locator("circle.differs")).hasCount(1);
    }
    expect(rows.nth(0)).containsText("on the 98 questions it asked");
    JsonNode audit = card.get("variants").get(0).get("image_audit");
    expect(page.locator("[data-testid=image-audit]")).containsText(audit.get("stay_right_without").intValue()
        + " of the " + audit.get("right_with_images").intValue() + " image questions right with the images stay right");
    expect(page.locator("[data-testid=detectable-difference]")).containsText(
        String.format(java.util.Locale.ROOT, "%.1f points", card.get("detectable_difference").get("points").doubleValue()));

    // The blind run's page shows the same card, its row marked, and links back to the default run.
    rows.nth(0).locator("a").click();
    assertThat(page.url()).endsWith("#/model/" + id(api, "gpt-5.2-blind.json"));
    expect(page.locator("[data-testid=robustness-rows] tbody tr.selected")).containsText("image mode blind");
    page.locator("[data-testid=robustness] a[href='#/model/" + defaultId + "']").click();
    expect(page.locator("h1")).hasText("GPT-5.2 · gpt-5.2.json");
    expect(page.locator("[data-testid=robustness-rows] tbody tr.selected")).hasCount(0);
  }

  private static String id(ViewerApi api, String file) {
    return api.data().runs().stream().filter(r -> r.file().getFileName().toString().equals(file)).findFirst()
        .orElseThrow().id();
  }

  /** As the page writes a difference: a true minus sign. */
  private static String signed(int n) {
    return n > 0 ? "+" + n : n < 0 ? "−" + -n : "0";
  }
}
