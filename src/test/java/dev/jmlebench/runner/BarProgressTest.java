package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The live bar drawn through the progress bar library into a terminal of a given width. */
class BarProgressTest {
  private static RunningCounts.Snapshot snapshot(int done) {
    return new RunningCounts.Snapshot(done, 400, done * 9 / 10, 1, 2, 0, 13, 8, 0, Duration.ofSeconds(42 + done),
        done == 0 ? null : Duration.ofSeconds(4 * (400 - done)));
  }

  /** A run where nothing has finished for 36 s: every question is waiting to retry after a 502. */
  private static RunningCounts.Snapshot struggling(int retries) {
    return new RunningCounts.Snapshot(0, 400, 0, 0, 0, 0, retries, 0, 8, Duration.ofSeconds(36), null);
  }

  /** Every line the bar drew, as a terminal shows them: each redraw starts at '\r'. */
  private static List<String> lines(ByteArrayOutputStream bytes) {
    return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("[\r\n]+")).filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> drawn(int columns) {
    return drawn(columns, false);
  }

  private static List<String> drawn(int columns, boolean colour) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BarProgress progress = new BarProgress(new ConsoleProgressBarConsumer(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), columns), colour);
    progress.started(snapshot(0));
    for (int done = 1; done <= 400; done += 57) {
      progress.finished("120A-" + done, null, snapshot(done));
    }
    progress.finished("120F-75", null, snapshot(400));
    progress.close();
    return lines(bytes);
  }

  @Test
  void atEightyColumnsEveryRedrawFitsOnOneLineWithTheCountsThatMatterMost() {
    List<String> lines = drawn(80);

    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(lines.get(lines.size() - 1)).startsWith("100% │█")
        .endsWith("│ 400/400 · acc 90.0% · err 2 · retries 13 · 7:22 < 0:00");
  }

  @Test
  void inColourTheDonePartIsGreenErrorsRedRetriesYellowAndTheLineStillFits() {
    List<String> lines = drawn(80, true);

    String last = lines.get(lines.size() - 1);
    assertThat(last).contains("\u001B[32m█").contains("\u001B[1;31merr 2\u001B[0m")
        .contains("\u001B[33mretries 13\u001B[0m");
    // What the terminal shows, the colour codes left out, is the plain line: as wide, the same fields.
    assertThat(lines).allSatisfy(l -> assertThat(l.replaceAll("\u001B\\[[0-9;]*m", "").length())
        .isLessThanOrEqualTo(80));
    List<String> plain = drawn(80);
    assertThat(last.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain.get(plain.size() - 1));
  }

  @Test
  void atTwoHundredColumnsTheBarShowsEveryField() {
    List<String> lines = drawn(200);

    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(200));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("jmle-bench 100% │" + "█".repeat(40) + "│ 400/400 · acc 90.0% · "
        + "err 2 · retries 13 · 7:22 < 0:00 · in flight 8 · unparsed 1");
  }

  @Test
  void fieldsGiveWayOneByOneAsTheTerminalNarrows() {
    RunningCounts.Snapshot s = snapshot(200);
    for (int width = 200; width >= 1; width--) {
      assertThat(BarLine.render(s, width)).as("at %d columns", width).hasSizeLessThanOrEqualTo(width);
    }
    assertThat(BarLine.render(s, 120)).startsWith("jmle-bench  50% │").endsWith("· unparsed 1");
    assertThat(BarLine.render(s, 100)).startsWith(" 50% │").endsWith("· 4:02 < 13:20 · in flight 8 · unparsed 1");
    assertThat(BarLine.render(s, 90)).startsWith(" 50% │").endsWith("· 4:02 < 13:20 · in flight 8");
    assertThat(BarLine.render(s, 80)).endsWith("│ 200/400 · acc 90.0% · err 2 · retries 13 · 4:02 < 13:20");
    assertThat(BarLine.render(s, 70)).endsWith("│ 200/400 · acc 90.0% · err 2 · retries 13");
    assertThat(BarLine.render(s, 50)).endsWith("│ 200/400 · acc 90.0% · err 2");
    assertThat(BarLine.render(s, 20)).isEqualTo(" 50% 200/400");
  }

  @Test
  void aStrugglingRunShowsItsRetriesWaitsAndTimeAtEightyColumnsAndNoCountThatIsZero() {
    String line = BarLine.render(struggling(24), 80);

    assertThat(line).hasSizeLessThanOrEqualTo(80)
        .endsWith("│ 0/400 · acc - · retries 24 · 0:36 < --:-- · waiting 8")
        .doesNotContain("?").doesNotContain("err").doesNotContain("unparsed");
  }

  @Test
  void aFailedRequestIsAnErrorNotAlsoAnUnparsedAnswer() {
    RunningCounts counts = new RunningCounts(400, 0, 0);
    for (int i = 0; i < 16; i++) {
      counts.add(dev.jmlebench.results.QuestionResult.failed("120A-" + (i + 1), List.of("a"), "HTTP 502: Bad Gateway",
          java.util.Map.of()));
    }
    RunningCounts.Snapshot s = counts.snapshot(0, 0, 0);

    assertThat(s.errors()).isEqualTo(16);
    assertThat(s.unparsed()).isZero();
    assertThat(BarLine.render(s, 200)).contains("err 16").doesNotContain("unparsed");
    assertThat(Progress.counts(s)).contains("errors 16 · unparsed 0");
  }

  @Test
  void truncatedAnswersAreShownOnceThereAreAny() {
    RunningCounts.Snapshot cut = new RunningCounts.Snapshot(200, 400, 180, 0, 2, 7, 13, 8, 0, Duration.ofSeconds(242),
        Duration.ofSeconds(800));

    assertThat(BarLine.render(cut, 200)).endsWith("· 4:02 < 13:20 · in flight 8 · cut 7");
    assertThat(BarLine.render(snapshot(200), 200)).doesNotContain("cut");
  }

  @Test
  void theBarIsDrawnAgainWhileNothingFinishesWithTheTimeAndRetriesOfThatMoment() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BarProgress progress = new BarProgress(new ConsoleProgressBarConsumer(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), 80), false);
    AtomicInteger retries = new AtomicInteger(8);
    progress.follow(() -> struggling(retries.get()));
    progress.started(struggling(0));
    try {
      // No question finishes; only the client's retries move, and the bar must show them as they do.
      for (int r = 9; r <= 11; r++) {
        retries.set(r);
        String shown = "retries " + r + " ";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines(bytes).stream().noneMatch(l -> l.contains(shown))) {
          assertThat(System.nanoTime()).as("redrawn with %s within 10 s", shown).isLessThan(deadline);
          Thread.sleep(BarProgress.REDRAW_MILLIS / 5);
        }
      }
    } finally {
      progress.close();
    }
    assertThat(lines(bytes)).allSatisfy(l -> assertThat(l).contains("│ 0/400 · "));
  }
}
