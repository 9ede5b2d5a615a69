package dev.jmlebench.viewer;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;

/**
 * A viewer served on loopback (any free port) and a headless Chromium to look at it: the set-up the browser
 * tests of the served viewer share. One per test class; close it after all.
 */
final class ServedViewer implements AutoCloseable {
  private final ViewerServer server;
  private final Chromium chromium;
  private final String base;

  private ServedViewer(ViewerServer server, Chromium chromium) {
    this.server = server;
    this.chromium = chromium;
    this.base = "http://127.0.0.1:" + server.port() + "/";
  }

  /** Serves one exam's data. */
  static ServedViewer start(ViewerApi api) {
    return start(ViewerSite.of(api));
  }

  /** Serves a folder's exams. */
  static ServedViewer start(ViewerSite site) {
    return started(ViewerServer.start(site, "127.0.0.1", 0));
  }

  /** Serves a folder as it changes, as {@code serve} does. */
  static ServedViewer start(LiveFolder folder) {
    return started(ViewerServer.start(folder, "127.0.0.1", 0));
  }

  private static ServedViewer started(ViewerServer server) {
    try {
      return new ServedViewer(server, Chromium.launch());
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /** The page's address, ending in {@code /}. */
  String base() {
    return base;
  }

  Chromium chromium() {
    return chromium;
  }

  /** A fresh light page opened at {@code hash} ({@code #/model/ID}, ...). */
  Page open(String hash) {
    return open(hash, ColorScheme.LIGHT);
  }

  Page open(String hash, ColorScheme scheme) {
    Page page = chromium.page(scheme);
    page.navigate(base + hash);
    return page;
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      server.close();
    }
  }
}
