package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright; one per test class. Playwright never downloads a
 * browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in the pom), and the flags keep Chromium from calling
 * out to the network.
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** How long a page and an assertion wait for what they expect: a machine busy with other builds is slow. */
  static final int WAIT_MS = 15_000;

  static Chromium launch() {
    assertThat(EXECUTABLE).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
    // Playwright's assertions wait 5 s by default, the pages 15 s: on a loaded machine the first ran out alone.
    PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
    // Also set for the driver here, so that a benchmark run by hand never tries a download either.
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
    return new Chromium(playwright, browser);
  }

  /** A fresh page in its own context (no shared storage), 1400×1000, light or dark. */
  Page page(ColorScheme scheme) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1400, 1000).setColorScheme(scheme));
    context.setDefaultTimeout(WAIT_MS);
    return context.newPage();
  }

  Page page() {
    return page(ColorScheme.LIGHT);
  }

  /** Screenshots go to the build folder (target/ or -DbuildDir), beside test-classes. */
  static Path screenshot(Page page, String name) {
    try {
      Path testClasses = Path.of(Chromium.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.createDirectories(testClasses.getParent().resolve("viewer-screenshots"));
      Path file = dir.resolve(name + ".png");
      page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
      return file;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
