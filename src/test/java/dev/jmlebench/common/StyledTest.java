package dev.jmlebench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StyledTest {
  @Test
  void colourGoesToATerminalOnlyAndNoColorAlwaysWins() {
    assertThat(Styled.enabled(Map.of(), true)).isTrue();
    assertThat(Styled.enabled(Map.of(), false)).as("a file or a pipe").isFalse();
    assertThat(Styled.enabled(Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(Styled.enabled(Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(Styled.enabled(Map.of("NO_COLOR", "1", "FORCE_COLOR", "1"), true)).isFalse();
    assertThat(Styled.enabled(Map.of("NO_COLOR", ""), true)).as("an empty NO_COLOR is unset").isTrue();
    assertThat(Styled.enabled(Map.of("FORCE_COLOR", "1"), false)).isTrue();
    assertThat(Styled.enabled(Map.of("CLICOLOR_FORCE", "1"), false)).isTrue();
    assertThat(Styled.enabled(Map.of("FORCE_COLOR", "0"), false)).isFalse();
  }

  @Test
  void marksBecomeColourAfterTheGuardSoAnEscapeFromAFileStaysInert() {
    String report = "name \u001b]0;pwned\u0007 " + Styled.good("pass") + " " + Styled.bad("FAIL");

    assertThat(printed(report, true)).isEqualTo(
        "name \\u001B]0;pwned\\u0007 \u001b[32mpass\u001b[0m \u001b[1;31mFAIL\u001b[0m");
    assertThat(printed(report, false)).isEqualTo("name \\u001B]0;pwned\\u0007 pass FAIL");
    assertThat(Styled.plain(report)).isEqualTo("name \u001b]0;pwned\u0007 pass FAIL");
  }

  private static String printed(String text, boolean colour) {
    StringWriter sink = new StringWriter();
    PrintWriter out = TerminalText.guard(new PrintWriter(sink), colour);
    out.print(text);
    out.flush();
    return sink.toString();
  }
}
