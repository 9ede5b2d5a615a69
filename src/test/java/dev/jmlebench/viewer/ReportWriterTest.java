package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static ViewerApi api;
  @TempDir Path temp;

  @BeforeAll
  static void load() {
    api = new ViewerApi(ViewerData.load(SharedData.results(), SharedData.dataset(), AnswerKey.of("120", "author")));
  }

  @Test
  void theReportHoldsThePageEveryDataDocumentAsAScriptAndTheImages() throws IOException {
    ReportWriter.Written w = ReportWriter.write(api, temp.resolve("site"));
    Path site = w.folder();
    assertThat(w.documents()).isEqualTo(api.keys().size());
    assertThat(w.images()).isEqualTo(110);
    try (Stream<Path> images = Files.list(site.resolve("images"))) {
      assertThat(images.count()).isEqualTo(110);
    }
    assertThat(Files.readString(site.resolve("index.html"))).contains("data-source=\"static\"")
        .contains("href=\"data/index.js\" as=\"script\"").doesNotContain("api/");
    assertThat(site.resolve("assets/app.js")).exists();
    String index = Files.readString(site.resolve("data/index.js"));
    assertThat(index).startsWith("JMLE.put(\"index\", ").endsWith(");\n")
        .contains(new String(api.json("index").orElseThrow(), StandardCharsets.UTF_8));
    assertThat(site.resolve("data/question/120F-75.js")).exists();
    assertThat(site.resolve("data/answer/openai_gpt-5.2/120F-75.js")).exists();
    assertThat(site.resolve("data/pairs.js")).exists();
    try (Stream<Path> siblings = Files.list(temp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  @Test
  void writingAgainReplacesAnEarlierReportWhole() throws IOException {
    Path site = temp.resolve("site");
    ReportWriter.write(api, site);
    Files.writeString(site.resolve("data/stale.js"), "old");
    ReportWriter.write(api, site);
    assertThat(site.resolve("data/stale.js")).doesNotExist();
    assertThat(site.resolve("index.html")).exists();
  }

  @Test
  void aFolderThatHoldsSomethingElseIsLeftUntouched() throws IOException {
    Path mine = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> ReportWriter.write(api, mine))
        .isInstanceOf(UserError.class).hasMessageContaining("--out").hasMessageContaining("not empty");
    assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("keep me");
    try (Stream<Path> files = Files.list(mine)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }
}
