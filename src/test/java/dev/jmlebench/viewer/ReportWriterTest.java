package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    // A run's answers are one script (ReportWriter.scriptOf), which puts each of them under its own key.
    assertThat(Files.readString(site.resolve("data/answer/openai_gpt-5.2.js")))
        .contains("JMLE.put(\"answer/openai_gpt-5.2/120F-75\", ");
    assertThat(w.scripts()).isEqualTo(api.keys().size() - 8 * 400 + 8);
    assertThat(site.resolve("data/pairs.js")).exists();
    try (Stream<Path> siblings = Files.list(temp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  /**
   * Issue 23.4: a report grows with what is distinct. Two runs of the 119th (whose serial questions show one
   * picture under each question's name): each question's document is one file, each run's answers one file, and
   * each distinct image is stored once — a name whose bytes another holds is the same file.
   */
  @Test
  void twoRunsOfOneExamShareEachQuestionDocumentAndEachImageIsStoredOnce() throws IOException {
    Path results = Files.createDirectories(temp.resolve("results"));
    Path first = results.resolve("pfn.json");
    Path[] blocks;
    try (Stream<Path> s = Files.list(SharedData.root119().resolve("answers/demo"))) {
      blocks = s.filter(p -> p.getFileName().toString().matches("119[A-F]_pfn-medllm-qwen-72b\\.json")).sorted()
          .toArray(Path[]::new);
    }
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
        "--out", first.toString()));
    Stream.of(blocks).forEach(b -> args.add(b.toString()));
    assertThat(Cli.run(args.toArray(String[]::new)).exitCode()).isZero();
    ObjectMapper json = new ObjectMapper();
    ObjectNode again = (ObjectNode) json.readTree(first.toFile());
    ((ObjectNode) again.get("metadata")).put("display_name", "PFN again");
    json.writeValue(results.resolve("pfn-again.json").toFile(), again);
    ViewerSite site = ViewerSite.load(results, exam -> SharedData.dataset119(), exam -> AnswerKey.chosen(exam, null));
    assertThat(site.exams().get(0).data().runs()).hasSize(2);

    Path out = ReportWriter.write(site, temp.resolve("site")).folder();

    assertThat(filesIn(out.resolve("data/question"))).hasSize(400);
    assertThat(filesIn(out.resolve("data/answer"))).hasSize(2);
    for (Path answers : filesIn(out.resolve("data/answer"))) {
      assertThat(Files.readString(answers).split("JMLE\\.put\\(\"answer/", -1)).hasSize(401);
    }
    List<Path> images = filesIn(out.resolve("images"));
    Map<String, Object> fileByContent = new HashMap<>();
    for (Path image : images) {
      Object file = Files.readAttributes(image, BasicFileAttributes.class).fileKey();
      Object earlier = fileByContent.putIfAbsent(HexFormat.of().formatHex(sha256(image)), file);
      assertThat(earlier).as(image + " is the file that holds its bytes").isIn(null, file);
    }
    assertThat(fileByContent.size()).isLessThan(images.size());
    assertThat(Files.isSameFile(out.resolve("images/119F72-2.png"), out.resolve("images/119F73-2.png"))).isTrue();
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static byte[] sha256(Path file) throws IOException {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
