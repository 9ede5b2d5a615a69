package dev.jmlebench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
  @Test
  void escapeSequencesAreShownAsTextNotObeyed() {
    String clearAndRetitle = "\u001b[2J\u001b]0;pwned\u0007name\u009b31m\u007f";

    assertThat(TerminalText.safe(clearAndRetitle))
        .isEqualTo("\\u001B[2J\\u001B]0;pwned\\u0007name\\u009B31m\\u007F");
  }

  @Test
  void bidirectionalOverridesCannotReorderWhatIsShown() {
    assertThat(TerminalText.safe("gpt\u202Eevil\u2066")).isEqualTo("gpt\\u202Eevil\\u2066");
  }

  @Test
  void ourOwnLayoutSurvivesButNotInOneLine() {
    assertThat(TerminalText.safe("a\tb\nc")).isEqualTo("a\tb\nc");
    assertThat(TerminalText.oneLine("a\tb\r\nc")).isEqualTo("a\\u0009b\\u000D\\u000Ac");
  }

  @Test
  void japaneseAndOrdinaryTextPassUnchanged() {
    String text = "【回答】a,c — 正答率 97.6% ≥160/200 😀";
    assertThat(TerminalText.safe(text)).isSameAs(text);
    assertThat(TerminalText.safe(null)).isNull();
  }

  @Test
  void aGuardedWriterEscapesEveryWayOfWriting() {
    StringWriter sink = new StringWriter();
    PrintWriter out = TerminalText.guard(new PrintWriter(sink));

    out.print('\u001b');
    out.print(new char[] {'[', '2', 'J', '\u0007'});
    out.printf("%s%n", "\u009b");
    out.println("plain");

    assertThat(sink.toString()).isEqualTo("\\u001B[2J\\u0007\\u009B\nplain\n");
  }
}
