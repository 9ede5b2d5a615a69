package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} over a folder of many runs while a page asks for hundreds of pairs at once (any local page can
 * send such requests): the index keeps answering, a pair is bootstrapped once however often it is asked for,
 * and what the bounded work cannot take is refused at once with 503, never queued without limit.
 */
class ServeUnderLoadTest {
  /** 41 runs: 820 pairs, more than a page's 250 requests, and more runs than a report holds every pair of. */
  private static final int RUNS = 41;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static ViewerSite site;
  private static List<String> pairKeys;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void loadManyRuns() throws IOException {
    Path results = Files.createDirectories(temp.resolve("results"));
    List<Path> published = SharedData.publishedResults();
    for (int i = 0; i < RUNS; i++) {
      Path source = published.get(i % published.size());
      Files.copy(source, results.resolve(String.format("run%02d_%s", i, source.getFileName())));
    }
    site = ViewerSite.of(new ViewerApi(ViewerData.load(results, SharedData.dataset(), AnswerKey.of("120", "official"))));
    pairKeys = site.keys().stream().filter(k -> k.startsWith("pair/")).toList();
  }

  @AfterAll
  static void drop() {
    site = null;
  }

  private static HttpResponse<byte[]> get(ViewerServer server, String path, Duration timeout) throws Exception {
    return HTTP.send(request(server, path, timeout), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest request(ViewerServer server, String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(timeout).build();
  }

  @Test
  void aReportOfMoreThanFortyRunsHoldsTheDetailsOfTheNeighboursAndEveryPairInTheMatrix() throws Exception {
    assertThat(RUNS).isGreaterThan(ViewerStatistics.REPORT_EVERY_PAIR);
    List<String> reported = site.reportKeys().stream().filter(k -> k.startsWith("pair/")).toList();
    assertThat(pairKeys).hasSize(RUNS * (RUNS - 1) / 2);
    assertThat(reported).hasSize(RUNS - 1).isSubsetOf(pairKeys);
    JsonNode matrix = JSON.readTree(site.json("pairs").orElseThrow());
    List<String> neighbours = new ArrayList<>();
    JsonNode runs = matrix.get("runs");
    matrix.get("neighbours").forEach(n -> neighbours.add(runs.get(n.get("a_rank").asInt() - 1).get("id").asText()
        + "/" + runs.get(n.get("b_rank").asInt() - 1).get("id").asText()));
    assertThat(reported).containsExactlyInAnyOrderElementsOf(neighbours.stream().map(k -> "pair/" + k).toList());
    assertThat(matrix.get("pairs")).hasSize(RUNS * (RUNS - 1) / 2);
    // Everything else a report holds is what serve answers.
    assertThat(site.reportKeys().stream().filter(k -> !k.startsWith("pair/")).toList())
        .containsExactlyElementsOf(site.keys().stream().filter(k -> !k.startsWith("pair/")).toList());
  }

  @Test
  void theIndexAndTheModelsAnswerWhile250PairRequestsWaitForTheirBootstrap() throws Exception {
    DocumentWork work = new DocumentWork(1, 300);
    CountDownLatch release = new CountDownLatch(1);
    try (ViewerServer server = ViewerServer.start(site, "127.0.0.1", 0, work)) {
      // The one thread of work is held, so every pair request below waits (none may hold a server thread).
      work.submit("held", () -> {
        await(release);
        return Optional.empty();
      });
      List<CompletableFuture<HttpResponse<byte[]>>> flood = new ArrayList<>();
      for (String key : pairKeys.subList(pairKeys.size() - 250, pairKeys.size())) {
        flood.add(HTTP.sendAsync(request(server, "/api/" + key, Duration.ofSeconds(120)),
            HttpResponse.BodyHandlers.ofByteArray()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (work.waiting() < 250) {
        assertThat(flood).as("no pair answered while the work is held").noneMatch(CompletableFuture::isDone);
        assertThat(System.nanoTime()).as("all 250 queued in time").isLessThan(deadline);
        Thread.sleep(5);
      }
      HttpResponse<byte[]> index = get(server, "/api/index", Duration.ofSeconds(30));
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(index.body()).get("models")).hasSize(RUNS);
      String model = site.exams().get(0).data().runs().get(RUNS - 1).id();
      assertThat(get(server, "/api/model/" + model, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
      assertThat(flood).noneMatch(CompletableFuture::isDone);
      release.countDown();
      for (CompletableFuture<HttpResponse<byte[]>> f : flood) {
        HttpResponse<byte[]> r = f.get(120, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("score_difference_ci")).hasSize(2);
      }
    } finally {
      release.countDown();
    }
  }

  /**
   * With the server's own limits: whatever a page floods it with is answered — built, or refused for now — and
   * none hangs. (The pairs of the test above are left to it: a pair built here would be answered there at once.)
   */
  @Test
  void aFloodOfPairRequestsIsAnsweredEachBuiltOrRefusedForNowAndNoneHangs() throws Exception {
    try (ViewerServer server = ViewerServer.start(site, "127.0.0.1", 0)) {
      List<CompletableFuture<HttpResponse<Void>>> flood = new ArrayList<>();
      for (String key : pairKeys.subList(0, 180)) {
        flood.add(HTTP.sendAsync(request(server, "/api/" + key, Duration.ofSeconds(120)),
            HttpResponse.BodyHandlers.discarding()));
      }
      assertThat(get(server, "/api/index", Duration.ofSeconds(60)).statusCode()).isEqualTo(200);
      for (CompletableFuture<HttpResponse<Void>> f : flood) {
        HttpResponse<Void> r = f.get(120, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isIn(200, 503);
        if (r.statusCode() == 503) {
          assertThat(r.headers().firstValue("Retry-After")).hasValue(ViewerServer.RETRY_AFTER_SECONDS);
        }
      }
    }
  }

  @Test
  void aPairAskedForByManyRequestsAtOnceIsBootstrappedOnceAndThenSentAsBuilt() throws Exception {
    ViewerApi api = site.exams().get(0);
    String key = pairKeys.get(181);
    int before = api.documentsBuilt();
    try (ViewerServer server = ViewerServer.start(site, "127.0.0.1", 0)) {
      List<CompletableFuture<HttpResponse<byte[]>>> same = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        same.add(HTTP.sendAsync(request(server, "/api/" + key, Duration.ofSeconds(30)),
            HttpResponse.BodyHandlers.ofByteArray()));
      }
      JsonNode first = null;
      for (CompletableFuture<HttpResponse<byte[]>> f : same) {
        HttpResponse<byte[]> r = f.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("score_difference_ci")).hasSize(2);
        first = first == null ? doc : first;
        assertThat(doc).isEqualTo(first);
      }
      assertThat(api.documentsBuilt() - before).isEqualTo(1);
      assertThat(get(server, "/api/" + key, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
      assertThat(api.documentsBuilt() - before).isEqualTo(1);
    }
  }

  @Test
  void whenTheWorkQueueIsFullADocumentToBuildIsRefusedWith503AndWhatIsReadyStillAnswers() throws Exception {
    DocumentWork work = new DocumentWork(1, 1);
    CountDownLatch release = new CountDownLatch(1);
    try (ViewerServer server = ViewerServer.start(site, "127.0.0.1", 0, work)) {
      // One build holds the only thread, another fills the queue.
      for (String busy : List.of("busy/1", "busy/2")) {
        assertThat(work.submit(busy, () -> {
          await(release);
          return Optional.empty();
        })).isPresent();
      }
      HttpResponse<byte[]> refused = get(server, "/api/" + pairKeys.get(182), Duration.ofSeconds(5));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue(ViewerServer.RETRY_AFTER_SECONDS);
      assertThat(get(server, "/api/index", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
      assertThat(get(server, "/api/model/" + site.exams().get(0).data().runs().get(0).id(), Duration.ofSeconds(5))
          .statusCode()).isEqualTo(200);
      release.countDown();
      // Once the work is done, the same request is answered.
      HttpResponse<byte[]> later = get(server, "/api/" + pairKeys.get(182), Duration.ofSeconds(30));
      for (int tries = 0; later.statusCode() == 503 && tries < 100; tries++) {
        later = get(server, "/api/" + pairKeys.get(182), Duration.ofSeconds(30));
      }
      assertThat(later.statusCode()).isEqualTo(200);
    } finally {
      release.countDown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
