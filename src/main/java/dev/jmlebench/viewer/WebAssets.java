package dev.jmlebench.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page, its script and its style sheet, read once from the jar. They are the same for the server and
 * the static report; only {@code data-source} on the body tells the script where its data comes from. The
 * script is written as small files ({@code js/}: pure logic, data, widgets, router, one file per view) and
 * served as one, in one closure: ES modules do not load from {@code file://}, where a static report opens.
 */
final class WebAssets {
  static final String INDEX = "index.html";
  /** Served and written under {@code assets/}. */
  static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
      "app.css", "text/css; charset=utf-8");

  /**
   * What the page may load and run: its own script, style and images, nothing inline, nothing from elsewhere,
   * a second wall behind the escaping of model output. The server sends it as a header, the static report
   * as a meta tag.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
  /** Browsers obey {@code frame-ancestors} only in a header, and warn about it in a meta tag. */
  static final String HEADER_POLICY = CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'";

  private static final String CHARSET = "<meta charset=\"utf-8\">";
  private static final String API_SOURCE = "data-source=\"api\"";
  private static final String STATIC_SOURCE = "data-source=\"static\"";
  /** The index is fetched while the script loads; from disk it is a script, not an API call. */
  private static final String API_PRELOAD = "href=\"api/index\" as=\"fetch\" crossorigin=\"anonymous\"";
  private static final String STATIC_PRELOAD = "href=\"data/index.js\" as=\"script\"";

  /** The parts of {@code app.js}, in the order they run. */
  static final List<String> SCRIPT_PARTS = List.of("logic.js", "data.js", "widgets.js", "router.js",
      "view-leaderboard.js", "view-model.js", "view-question.js", "view-hardest.js", "view-matrix.js", "view-exams.js",
      "view-search.js", "live.js", "main.js");

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  WebAssets() {
    files.put(INDEX, read(INDEX));
    files.put("app.css", read("app.css"));
    files.put("app.js", script());
  }

  private static byte[] script() {
    StringBuilder js = new StringBuilder(new String(read("js/header.js"), StandardCharsets.UTF_8))
        .append("(() => {\n'use strict';\n");
    for (String part : SCRIPT_PARTS) {
      js.append("\n// ---- js/").append(part).append('\n')
          .append(new String(read("js/" + part), StandardCharsets.UTF_8));
    }
    return js.append("})();\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The page as the server gives it: data comes from {@code api/KEY}. */
  byte[] serverPage() {
    return files.get(INDEX);
  }

  /** The page of a static report: data comes from {@code data/KEY.js}, and the policy is in the page. */
  byte[] staticPage() {
    String page = new String(files.get(INDEX), StandardCharsets.UTF_8);
    if (!page.contains(CHARSET)) {
      throw new IllegalStateException(INDEX + " lost its " + CHARSET + ", after which the policy goes");
    }
    return page.replace(CHARSET, CHARSET + "\n<meta http-equiv=\"Content-Security-Policy\" content=\""
            + CONTENT_SECURITY_POLICY + "\">")
        .replace(API_SOURCE, STATIC_SOURCE).replace(API_PRELOAD, STATIC_PRELOAD).getBytes(StandardCharsets.UTF_8);
  }

  byte[] asset(String name) {
    return ASSETS.containsKey(name) ? files.get(name) : null;
  }

  private static byte[] read(String name) {
    try (InputStream in = WebAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("viewer resource missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
