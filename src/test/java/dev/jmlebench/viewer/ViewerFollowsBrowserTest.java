package dev.jmlebench.viewer;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open page follows the folder {@code serve} follows: a result file written meanwhile appears in the
 * leaderboard without a reload, and a run under way is shown under the header with its progress.
 */
class ViewerFollowsBrowserTest {
  @TempDir Path dir;

  private void copy(String published, String as) throws IOException {
    Path staged = dir.resolve("." + as);
    Files.copy(SharedData.results().resolve(published), staged);
    Files.move(staged, dir.resolve(as), StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void aNewResultFileAndARunUnderWayAppearOnTheOpenPage() throws IOException {
    copy("openai_gpt-5.2.json", "gpt.json");
    try (LiveFolder folder = LiveFolder.load(dir, exam -> SharedData.dataset(), exam -> AnswerKey.of(exam, "official"));
         ServedViewer viewer = ServedViewer.start(folder)) {
      Page page = viewer.open("#/");
      Locator rows = page.locator("[data-testid=leaderboard] tbody tr");
      PlaywrightAssertions.assertThat(rows).hasCount(1);
      PlaywrightAssertions.assertThat(page.locator("#live")).isHidden();

      copy("Qwen_Qwen3-32B.json", "qwen.json");
      Files.writeString(dir.resolve("next.lock"), ProcessHandle.current().pid() + "\n");
      Files.writeString(dir.resolve("next.journal.jsonl"),
          "{\"jmle_bench_journal\":1,\"model\":\"vendor/next\",\"total_questions\":400}\n"
          + "{\"question_id\":\"120A-1\",\"predicted\":[\"a\"],\"gold\":[\"a\"],\"correct\":true,"
          + "\"raw_response\":\"【回答】a\",\"parse_success\":true,\"error\":null,\"wall_ms\":2000}\n");
      folder.look();

      PlaywrightAssertions.assertThat(rows).hasCount(2);
      PlaywrightAssertions.assertThat(page.locator("#live .live-run.running"))
          .containsText("vendor/next 1/400 answered, 100.0% right so far");
    }
  }
}
