package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {
  @Test
  void htmlInModelOutputIsEscapedIntoText() {
    String html = SafeMarkdown.render("<script>alert(1)</script>\n\nok <img src=x onerror=alert(2)> <b>b</b>");
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;");
  }

  @Test
  void unsafeLinkTargetsAreDroppedAndLinksOpenApart() {
    String html = SafeMarkdown.render("[a](javascript:alert(1)) [b](https://example.org/x)");
    assertThat(html).doesNotContain("javascript").contains("href=\"https://example.org/x\"")
        .contains("rel=\"noopener noreferrer nofollow\"");
  }

  @Test
  void imagesBecomeTextSoNothingIsFetched() {
    assertThat(SafeMarkdown.render("![x-ray](https://example.org/p.png)"))
        .doesNotContain("<img").contains("[image: x-ray — https://example.org/p.png]");
  }

  @Test
  void markdownTablesEmphasisAndLineBreaksRender() {
    String html = SafeMarkdown.render("**選択肢**\na 正しい\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    assertThat(html).contains("<strong>選択肢</strong><br>").contains("<table>").contains("<td>1</td>");
  }
}
