package dev.jmlebench.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonTextTest {
  @Test
  void everyCharacterPythonCallsWhitespaceIsSpaceAndNoOther() {
    // The set str.isspace() accepts in Python 3 (checked against CPython's table for the BMP).
    String expected = "\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680"
        + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
    StringBuilder found = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (PythonText.isSpace(c)) {
        found.append(c);
      }
    }
    assertThat(found.toString()).isEqualTo(expected);
  }

  @Test
  void stripRemovesIdeographicSpaceButNotZeroWidthSpace() {
    assertThat(PythonText.strip("\u3000 a,c \u00a0\n")).isEqualTo("a,c");
    assertThat(PythonText.strip("\u200ba\u200b")).isEqualTo("\u200ba\u200b");
  }
}
