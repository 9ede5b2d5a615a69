package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
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

  /**
   * serve listens before its folder is read (issue 23.5): while the reading is held at its third file, the
   * index answers with the two files read, labelled partial (2 of 3), the page says so and /live how far the
   * reading is; once the third file is read the page shows all three, no longer partial.
   */
  @Test
  void aFolderStillBeingReadIsShownAsFarAsItIsReadAndLabelledPartial() throws Exception {
    copy("openai_gpt-5.2.json", "a.json");
    copy("Qwen_Qwen3-32B.json", "b.json");
    copy("openai_gpt-5.2.json", "c.json");
    CountDownLatch third = new CountDownLatch(1);
    AtomicInteger grading = new AtomicInteger();
    // The reader grades each file with its exam's dataset: held there at the third file, as a slow disk would.
    Function<String, Dataset> slow = exam -> {
      if (Thread.currentThread().getName().equals("viewer-reads-the-folder") && grading.incrementAndGet() == 3) {
        try {
          third.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return SharedData.dataset();
    };
    try (LiveFolder folder = LiveFolder.start(dir, slow, exam -> AnswerKey.of(exam, "official"));
         ServedViewer viewer = ServedViewer.start(folder)) {
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      JsonNode index = awaitJson(http, viewer.base() + "api/index", i -> i.path("models").size() == 2);
      assertThat(index.path("reading").path("read").asInt()).isEqualTo(2);
      assertThat(index.path("reading").path("files").asInt()).isEqualTo(3);
      assertThat(grading.get()).as("the reader is held at the third file").isEqualTo(3);
      assertThat(json.readTree(get(http, viewer.base() + "live")).path("reading").path("read").asInt()).isEqualTo(2);

      Page page = viewer.open("#/");
      PlaywrightAssertions.assertThat(page.locator("[data-testid=partial]"))
          .containsText("Partial: 2 of 3 files of the folder read so far");
      PlaywrightAssertions.assertThat(page.locator("[data-testid=leaderboard] tbody tr")).hasCount(2);
      PlaywrightAssertions.assertThat(page.locator("#live [data-testid=reading]")).containsText("2 of 3 files");

      third.countDown();
      PlaywrightAssertions.assertThat(page.locator("[data-testid=leaderboard] tbody tr")).hasCount(3);
      PlaywrightAssertions.assertThat(page.locator("[data-testid=partial]")).hasCount(0);
      assertThat(awaitJson(http, viewer.base() + "api/index", i -> i.path("models").size() == 3).has("reading")).isFalse();
    } finally {
      third.countDown();
    }
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? r.body() : null;
  }

  /** The document at {@code url} once it answers and {@code until} holds, asked again meanwhile (a minute at most). */
  private static JsonNode awaitJson(HttpClient http, String url, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      String body = get(http, url);
      if (body != null) {
        JsonNode node = new ObjectMapper().readTree(body);
        if (until.test(node)) {
          return node;
        }
      }
      assertThat(System.nanoTime()).as(url + " in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
