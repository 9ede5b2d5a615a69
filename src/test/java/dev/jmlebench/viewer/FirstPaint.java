package dev.jmlebench.viewer;

import com.microsoft.playwright.Page;
import java.util.Locale;

/**
 * The first paint of the leaderboard page of a viewer already serving, whichever build serves it: each round a
 * fresh browser context (no cache, no storage) opens the page, and the time is the page's own clock from the
 * start of navigation until the frame that shows the table with {@code RUNS} rows and the heat map has been
 * drawn — what a person opening a shared link waits for. The page watches itself from its first frame
 * ({@link #WATCH}, installed before any of its scripts), so the figure does not include Playwright's own round
 * trips: asking the page from outside only once it has loaded put a floor of 170-400 ms under every page on this
 * machine, an empty one included. It needs only the address, so bench/table.sh measures an older build's
 * {@code serve} and this one's in alternation, side by side. Prints one line per round, each in ms.
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.jmlebench.viewer.FirstPaint URL RUNS ROUNDS</pre>
 */
public final class FirstPaint {
  private FirstPaint() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: FirstPaint URL RUNS ROUNDS");
      System.exit(2);
    }
    String url = args[0].endsWith("/") ? args[0] + "#/" : args[0];
    int runs = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String ready = "() => document.querySelectorAll('[data-testid=leaderboard] tbody tr').length === " + runs
        + " && document.querySelector('[data-testid=heat-map]') !== null";
    try (Chromium chromium = Chromium.launch()) {
      paint(chromium, url, ready); // the browser's own start-up, not the viewer's
      for (int i = 0; i < rounds; i++) {
        System.out.printf(Locale.ROOT, "%.1f%n", paint(chromium, url, ready));
        System.out.flush();
      }
    }
  }

  /**
   * Watches the page from its first frame: at each frame it asks {@code READY}, and once true it notes the time
   * after that frame's style, layout and paint (a message posted from the frame's callback runs after them).
   */
  static final String WATCH = "(() => { const ready = READY; const tick = () => { if (!ready()) {"
      + " requestAnimationFrame(tick); return; } const c = new MessageChannel();"
      + " c.port1.onmessage = () => { window.__drawnAt = performance.now(); }; c.port2.postMessage(0); };"
      + " requestAnimationFrame(tick); })();";

  /** Ms from the start of navigation, in a fresh context, until the frame where {@code ready} holds is drawn. */
  static double paint(Chromium chromium, String url, String ready) {
    Page page = chromium.page();
    try {
      page.addInitScript(WATCH.replace("READY", ready));
      page.navigate(url);
      return ((Number) page.waitForFunction("() => window.__drawnAt").jsonValue()).doubleValue();
    } finally {
      page.context().close();
    }
  }
}
