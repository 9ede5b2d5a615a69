package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The live bar drawn through the progress bar library into a terminal of a given width. */
class BarProgressTest {
  private static RunningCounts.Snapshot snapshot(int done) {
    return new RunningCounts.Snapshot(done, 400, done * 9 / 10, 1, 2, 0, 13, 8, Duration.ofSeconds(42 + done),
        done == 0 ? null : Duration.ofSeconds(4 * (400 - done)));
  }

  /** Every line the bar drew, as a terminal shows them: each redraw starts at '\r'. */
  private static List<String> drawn(int columns) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    BarProgress progress = new BarProgress(new ConsoleProgressBarConsumer(terminal, columns));
    progress.started(snapshot(0));
    for (int done = 1; done <= 400; done += 57) {
      progress.finished("120A-" + done, null, snapshot(done));
    }
    progress.finished("120F-75", null, snapshot(400));
    progress.close();
    return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("[\r\n]+")).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void atEightyColumnsEveryRedrawFitsOnOneLineWithTheCountsThatMatterMost() {
    List<String> lines = drawn(80);

    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(lines.get(lines.size() - 1)).startsWith("jmle-bench 100% │█").contains("│ 400/400 · acc 90.0% · err 2 · ")
        .doesNotContain("in flight").doesNotContain("retries");
  }

  @Test
  void atTwoHundredColumnsTheBarShowsEveryField() {
    List<String> lines = drawn(200);

    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(200));
    assertThat(lines.get(lines.size() - 1))
        .startsWith("jmle-bench 100% │" + "█".repeat(40) + "│ 400/400 · acc 90.0% · err 2 · 7:22 < 0:00 · ? 1 · "
            + "retries 13 · in flight 8");
  }

  @Test
  void fieldsGiveWayOneByOneAsTheTerminalNarrows() {
    RunningCounts.Snapshot s = snapshot(200);
    for (int width = 200; width >= 1; width--) {
      assertThat(BarLine.render(s, width)).as("at %d columns", width).hasSizeLessThanOrEqualTo(width);
    }
    assertThat(BarLine.render(s, 120)).contains("in flight 8");
    assertThat(BarLine.render(s, 100)).doesNotContain("in flight").contains("retries 13");
    assertThat(BarLine.render(s, 60)).startsWith(" 50% │").contains("│ 200/400 · acc 90.0% · err 2")
        .doesNotContain("retries");
    assertThat(BarLine.render(s, 20)).isEqualTo(" 50% 200/400");
  }

  @Test
  void truncatedAnswersAreShownBesideTheErrorsOnceThereAreAny() {
    RunningCounts.Snapshot cut = new RunningCounts.Snapshot(200, 400, 180, 1, 2, 7, 13, 8, Duration.ofSeconds(242),
        Duration.ofSeconds(800));

    assertThat(BarLine.render(cut, 200)).contains("│ 200/400 · acc 90.0% · err 2 · cut 7 · ");
    assertThat(BarLine.render(cut, 80)).hasSizeLessThanOrEqualTo(80).contains("err 2 · cut 7");
    assertThat(BarLine.render(snapshot(200), 200)).doesNotContain("cut");
  }
}
