package dev.jmlebench.viewer;

import com.microsoft.playwright.Page;
import java.util.Locale;

/**
 * The first paint of the leaderboard page of a viewer already serving, whichever build serves it: each round a
 * fresh browser context (no cache, no storage) opens the page, and the time is the page's own clock from the
 * start of navigation until the table holds {@code RUNS} rows and the heat map is drawn — what a person opening a
 * shared link waits for. It needs only the address, so bench/table.sh measures an older build's {@code serve}
 * and this one's in alternation, side by side. Prints one line per round, each in ms.
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
        + " && document.querySelector('[data-testid=heat-map]') ? performance.now() : false";
    try (Chromium chromium = Chromium.launch()) {
      paint(chromium, url, ready); // the browser's own start-up, not the viewer's
      for (int i = 0; i < rounds; i++) {
        System.out.printf(Locale.ROOT, "%.1f%n", paint(chromium, url, ready));
        System.out.flush();
      }
    }
  }

  private static double paint(Chromium chromium, String url, String ready) {
    Page page = chromium.page();
    try {
      page.navigate(url);
      return ((Number) page.waitForFunction(ready).jsonValue()).doubleValue();
    } finally {
      page.context().close();
    }
  }
}
