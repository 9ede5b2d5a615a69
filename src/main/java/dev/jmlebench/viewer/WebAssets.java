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
  /** From disk the index is a script, loaded while the page's own script loads. */
  private static final String PRELOAD = "<link rel=\"preload\" href=\"data/index.js\" as=\"script\">";
  private static final String PRELOAD_PLACE = "<!-- the index: preloaded from disk, or the served page's data -->";
  /** Where the served page carries its index; the script reads it from here (data.js) instead of asking. */
  static final String INDEX_DATA_ID = "index-data";

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

  /**
   * The page as the server gives it: data comes from {@code api/KEY}, and the index comes with the page, in a
   * data block the browser never runs, so the leaderboard is drawn from the first response without asking again.
   * {@code generation} is the reading of the folder that index is of ({@code /live}'s), or negative when the
   * server does not follow a folder. A null index (nothing read yet) leaves the script to ask for it.
   */
  byte[] serverPage(byte[] index, long generation) {
    String page = new String(files.get(INDEX), StandardCharsets.UTF_8);
    String block = index == null ? "" : "<script type=\"application/json\" id=\"" + INDEX_DATA_ID + "\">"
        + new String(inert(index), StandardCharsets.UTF_8) + "</script>";
    String body = generation < 0 ? API_SOURCE : API_SOURCE + " data-generation=\"" + generation + "\"";
    return placed(page, block).replace(API_SOURCE, body).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * JSON that cannot end the data block it stands in, whatever the result files hold (a display name
   * {@code </script><script>…}): every {@code <}, {@code >} and {@code &} written as its JSON escape, which a
   * JSON reader turns back into the same string. These bytes occur in JSON only inside strings, and never inside
   * a character of UTF-8 of more than one byte.
   */
  static byte[] inert(byte[] json) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length + 64);
    for (byte b : json) {
      switch (b) {
        case '<' -> out.writeBytes("\\u003c".getBytes(StandardCharsets.US_ASCII));
        case '>' -> out.writeBytes("\\u003e".getBytes(StandardCharsets.US_ASCII));
        case '&' -> out.writeBytes("\\u0026".getBytes(StandardCharsets.US_ASCII));
        default -> out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static String placed(String page, String what) {
    if (!page.contains(PRELOAD_PLACE)) {
      throw new IllegalStateException(INDEX + " lost its " + PRELOAD_PLACE);
    }
    return page.replace(PRELOAD_PLACE, what);
  }

  /** The page of a static report: data comes from {@code data/KEY.js}, and the policy is in the page. */
  byte[] staticPage() {
    String page = new String(files.get(INDEX), StandardCharsets.UTF_8);
    if (!page.contains(CHARSET)) {
      throw new IllegalStateException(INDEX + " lost its " + CHARSET + ", after which the policy goes");
    }
    return page.replace(CHARSET, CHARSET + "\n<meta http-equiv=\"Content-Security-Policy\" content=\""
            + CONTENT_SECURITY_POLICY + "\">")
        .replace(API_SOURCE, STATIC_SOURCE).replace(PRELOAD_PLACE, PRELOAD).getBytes(StandardCharsets.UTF_8);
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
