package dev.jmlebench.viewer;

import com.microsoft.playwright.Page;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How fast the leaderboard and a per-model page are ready with 20 result files (copies of the published
 * ones under other names), on loopback: the data API alone, and the page in headless Chromium from
 * navigation until the view is drawn (for a model page: its 400-question list and the first question's
 * detail with its raw response), and the pairwise matrix. Also the time to compute the statistics and the
 * size of the static report. Target: under 300 ms. With {@code exams}, instead a folder of 20 runs of each of
 * two exams (the 120th's published files and the 119th's imported published answers, each copy under its own
 * display name), in a browser that is already open: each exam's leaderboard, a model page of the 119th, the
 * model × exam view, and switching exam in the header. Run (from the project root, after test-compile):
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.jmlebench.viewer.ViewerBenchmark [rounds] [exams|paint]}
 * ({@code paint}: the leaderboard's first paint alone, with three loads' timelines).
 */
public final class ViewerBenchmark {
  private static final int FILES = 20;

  private ViewerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    if (args.length > 1 && args[1].equals("exams")) {
      twoExams(rounds);
      return;
    }
    // "paint": the first paint of the leaderboard only (issue 23.4), without the report and the other pages.
    boolean paintOnly = args.length > 1 && args[1].equals("paint");
    Path dir = Files.createTempDirectory("jmle-viewer-bench");
    List<Path> published = SharedData.publishedResults();
    for (int i = 0; i < FILES; i++) {
      Path source = published.get(i % published.size());
      Files.copy(source, dir.resolve(String.format("run%02d_%s", i, source.getFileName())));
    }
    System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
    long t0 = System.nanoTime();
    ViewerApi api = new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "author")));
    System.out.printf("load %d result files, bootstrap each run, build the index and model documents: %d ms%n",
        FILES, (System.nanoTime() - t0) / 1_000_000);
    api.json("pairs").orElseThrow();
    System.out.printf("all %d pairs compared (in the background, from the start of loading): %d ms%n",
        FILES * (FILES - 1) / 2, (System.nanoTime() - t0) / 1_000_000);
    long t1 = System.nanoTime();
    ReportWriter.Written report = paintOnly ? null : ReportWriter.write(api, dir.resolve("report"));
    if (report != null) {
        System.out.printf("static report: %d documents in %d files of data, %d images, %.1f MB, written in %d ms%n",
          report.documents(), report.scripts(), report.images(), report.bytes() / 1e6, (System.nanoTime() - t1) / 1_000_000);
    }
    String model = api.data().runs().get(0).id();
    try (ViewerServer server = ViewerServer.start(api, "127.0.0.1", 0); Chromium chromium = Chromium.launch()) {
      String base = "http://127.0.0.1:" + server.port() + "/";
      HttpClient http = HttpClient.newHttpClient();
      LongSupplier index = () -> fetch(http, base + "api/index");
      LongSupplier modelDoc = () -> fetch(http, base + "api/model/" + model);
      String boardReady = "() => document.querySelectorAll('[data-testid=leaderboard] tbody tr').length === "
          + FILES + " && document.querySelector('[data-testid=heat-map]') ? performance.now() : false";
      String modelReady = "() => document.querySelectorAll('[data-testid=question-list] .qrow').length === 400"
          + " && document.querySelector('[data-testid=detail] .resp.raw') ? performance.now() : false";
      String matrixReady = "() => document.querySelectorAll('[data-testid=matrix] td.cell').length === "
          + FILES * (FILES - 1) + " ? performance.now() : false";
      for (int warm = 0; warm < 3; warm++) {
        index.getAsLong();
        modelDoc.getAsLong();
        pageReady(chromium, base + "#/", boardReady);
        pageReady(chromium, base + "#/model/" + model, modelReady);
      }
      // The floor under every page figure: a one-line page in a fresh browser context, on this machine now.
      report("one-line page ready in the browser (floor)", rounds,
          () -> pageReady(chromium, "data:text/html,<p>ready</p>", "() => document.querySelector('p') ? performance.now() : false"));
      report("GET /api/index (20 models, 400 questions)", rounds, index);
      report("GET /api/model/ID", rounds, modelDoc);
      report("leaderboard page ready in the browser", rounds, () -> pageReady(chromium, base + "#/", boardReady));
      if (paintOnly) {
        // The same, watched from inside the page (FirstPaint): no Playwright round trip under the figures.
        report("one-line page drawn, watched from the page", rounds, () -> (long) (1000 * FirstPaint.paint(chromium,
            "data:text/html,<p>ready</p>", "() => document.querySelector('p') !== null")));
        report("leaderboard drawn, watched from the page", rounds, () -> (long) (1000 * FirstPaint.paint(chromium,
            base + "#/", boardReady.replace(" ? performance.now() : false", ""))));
        for (int i = 0; i < 3; i++) {
          breakdown(chromium, base + "#/", boardReady);
        }
        return;
      }
      report("per-model page ready in the browser", rounds,
          () -> pageReady(chromium, base + "#/model/" + model, modelReady));
      report("pairwise matrix page ready in the browser", rounds,
          () -> pageReady(chromium, base + "#/matrix", matrixReady));
      // The same in a browser that is already open (one page, a full navigation each round, HTTP cache
      // revalidated by ETag): what a person sees opening the viewer again or following a shared link.
      Page warm = chromium.page();
      try {
        report("leaderboard page ready, browser already open", rounds,
            () -> pageReadyWarm(warm, base + "#/", boardReady));
        report("per-model page ready, browser already open", rounds,
            () -> pageReadyWarm(warm, base + "#/model/" + model, modelReady));
        report("pairwise matrix page ready, browser already open", rounds,
            () -> pageReadyWarm(warm, base + "#/matrix", matrixReady));
      } finally {
        warm.context().close();
      }
      breakdown(chromium, base + "#/", boardReady);
      breakdown(chromium, base + "#/model/" + model, modelReady);
    }
  }

  /**
   * Twenty runs of each of two exams: every copy gets its own display name (model 00 … model 19, the same on
   * both exams), so the model × exam view has 20 rows of two cells.
   */
  private static void twoExams(int rounds) throws Exception {
    Path dir = Files.createTempDirectory("jmle-viewer-bench-exams");
    Path imported = Files.createTempDirectory("jmle-viewer-bench-import").resolve("pfn-119.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
        "--out", imported.toString()));
    try (var s = Files.list(SharedData.root119().resolve("answers/demo"))) {
      s.filter(p -> p.getFileName().toString().matches("119[A-F]_.+\\.json")).sorted().forEach(p -> args.add(p.toString()));
    }
    if (dev.jmlebench.testing.Cli.run(args.toArray(String[]::new)).exitCode() != 0) {
      throw new IllegalStateException("import igakuqa119 failed");
    }
    List<Path> published = SharedData.publishedResults();
    for (int i = 0; i < FILES; i++) {
      renamed(published.get(i % published.size()), dir.resolve(String.format("e120_run%02d.json", i)), i);
      renamed(imported, dir.resolve(String.format("e119_run%02d.json", i)), i);
    }
    System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
    long t0 = System.nanoTime();
    ViewerSite site = ViewerSite.load(dir, exam -> exam.equals("119") ? SharedData.dataset119() : SharedData.dataset(),
        exam -> AnswerKey.chosen(exam, null));
    System.out.printf("load %d result files of two exams, bootstrap each run, build the documents: %d ms%n",
        2 * FILES, (System.nanoTime() - t0) / 1_000_000);
    site.json("pairs").orElseThrow();
    site.json("exam/119/pairs").orElseThrow();
    System.out.printf("all %d pairs of each exam compared (in the background, from the start of loading): %d ms%n",
        FILES * (FILES - 1) / 2, (System.nanoTime() - t0) / 1_000_000);
    String model119 = site.exams().get(1).data().runs().get(0).id();
    try (ServedViewer viewer = ServedViewer.start(site)) {
      String base = viewer.base();
      String board120 = "() => document.querySelectorAll('[data-testid=leaderboard] tbody tr').length === " + FILES
          + " && document.querySelector('[data-testid=leaderboard] tbody tr').dataset.model.startsWith('e120')"
          + " && document.querySelector('[data-testid=heat-map]') ? performance.now() : false";
      String board119 = board120.replace("e120", "e119");
      String model = "() => document.querySelectorAll('[data-testid=question-list] .qrow').length === 400"
          + " && document.querySelector('[data-testid=detail] [data-testid=question-id]') ? performance.now() : false";
      String table = "() => document.querySelectorAll('[data-testid=exam-matrix] tbody tr').length === " + FILES
          + " ? performance.now() : false";
      Page page = viewer.chromium().page();
      try {
        for (int warm = 0; warm < 3; warm++) {
          pageReadyWarm(page, base + "#/", board120);
          pageReadyWarm(page, base + "#/?exam=119", board119);
          pageReadyWarm(page, base + "#/model/" + model119 + "?exam=119", model);
          pageReadyWarm(page, base + "#/exams", table);
        }
        report("120th leaderboard ready, browser already open", rounds, () -> pageReadyWarm(page, base + "#/", board120));
        report("119th leaderboard ready, browser already open", rounds,
            () -> pageReadyWarm(page, base + "#/?exam=119", board119));
        report("119th per-model page ready, browser already open", rounds,
            () -> pageReadyWarm(page, base + "#/model/" + model119 + "?exam=119", model));
        report("model × exam view ready, browser already open", rounds,
            () -> pageReadyWarm(page, base + "#/exams", table));
        // In the page as it is: the exam switch changes the leaderboard to the other exam, no navigation.
        pageReadyWarm(page, base + "#/", board120);
        page.waitForFunction("() => !document.querySelector('#exam-switch').hidden");
        int[] round = {0};
        report("exam switched on the open leaderboard", rounds, () -> {
          String to = round[0]++ % 2 == 0 ? "119" : "120";
          page.evaluate("to => { window.switchedAt = performance.now(); const s = document.querySelector('#exam-switch');"
              + " s.value = to; s.dispatchEvent(new Event('change')); }", to);
          String ready = (to.equals("119") ? board119 : board120).replace("performance.now()", "performance.now() - window.switchedAt");
          return (long) (((Number) page.waitForFunction(ready).jsonValue()).doubleValue() * 1000);
        });
      } finally {
        page.context().close();
      }
    }
  }

  /** A copy of a result file under another display name ({@code model NN}). */
  private static void renamed(Path from, Path to, int n) throws java.io.IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(from.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata")).put("display_name", String.format("model %02d", n));
    json.writeValue(to.toFile(), root);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Microseconds for one request and its whole body. */
  private static long fetch(HttpClient http, String url) {
    try {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + ": " + r.statusCode());
      }
      return (System.nanoTime() - t) / 1_000;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Microseconds from the start of navigation (a fresh page, empty cache) until the view is drawn. */
  private static long pageReady(Chromium chromium, String url, String readyWhen) {
    Page page = chromium.page();
    try {
      page.navigate(url);
      double ms = ((Number) page.waitForFunction(readyWhen).jsonValue()).doubleValue();
      return (long) (ms * 1000);
    } finally {
      page.context().close();
    }
  }

  /** Microseconds from the start of a full navigation in an open page until the view is drawn. */
  private static long pageReadyWarm(Page page, String url, String readyWhen) {
    page.navigate("about:blank");
    page.navigate(url);
    double ms = ((Number) page.waitForFunction(readyWhen).jsonValue()).doubleValue();
    return (long) (ms * 1000);
  }

  /** Where one load spends its time: each request's start and end, and when the view was drawn. */
  private static void breakdown(Chromium chromium, String url, String readyWhen) {
    Page page = chromium.page();
    try {
      page.navigate(url);
      double ready = ((Number) page.waitForFunction(readyWhen).jsonValue()).doubleValue();
      Object timeline = page.evaluate("() => performance.getEntriesByType('navigation').concat("
          + "performance.getEntriesByType('resource')).map(e => (e.name.split('/').slice(3).join('/') || '/')"
          + " + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd) + ' ms').concat("
          + "performance.getEntriesByType('measure').concat(performance.getEntriesByType('mark')).map(e => e.name + ' '"
          + " + Math.round(e.startTime) + '+' + Math.round(e.duration) + ' ms')).join(', ')");
      System.out.printf("  %s: %s; drawn at %.0f ms%n", url.substring(url.indexOf('#')), timeline, ready);
    } finally {
      page.context().close();
    }
  }

  private static void report(String what, int rounds, LongSupplier micros) {
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      runs.add(micros.getAsLong());
    }
    long[] s = runs.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("%-45s median %7.1f ms   p90 %7.1f ms   max %7.1f ms   (%d rounds)%n", what,
        s[s.length / 2] / 1000.0, s[(int) Math.ceil(s.length * 0.9) - 1] / 1000.0, s[s.length - 1] / 1000.0,
        rounds);
    System.out.flush();
  }
}
