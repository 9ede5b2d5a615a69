package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --key EXAM=EDITION} on a folder of two exams: the 120th's published files (graded with the author
 * key, as the upstream leaderboard grades them) beside the 119th's imported answers of PFN's model, which has
 * no author key. {@code --key 120=author} ranks the 120th exactly as published and leaves the 119th as its
 * default key ranks it; a bare {@code --key author} is refused, naming the 119th.
 */
class KeyPerExamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START_119 = "<!-- leaderboard-119-all-start -->";
  private static final String END_119 = "<!-- leaderboard-119-text-end -->";

  @TempDir Path tmp;
  private Path template;

  /** The published files graded with the author key, each of whose rows the README must reproduce. */
  private static List<Path> authorFiles() {
    return SharedData.publishedResultsGradedWith("author");
  }

  @BeforeEach
  void buildTheFolder() throws IOException {
    template = Files.createDirectories(tmp.resolve("template"));
    for (Path f : authorFiles()) {
      Files.copy(f, template.resolve(f.getFileName()));
    }
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
        "--display-name", "PFN", "--out", template.resolve("pfn-119.json").toString()));
    try (Stream<Path> s = Files.list(SharedData.root119().resolve("answers/demo"))) {
      s.filter(p -> p.getFileName().toString().contains("pfn-medllm-qwen-72b")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
  }

  /** A fresh copy of the folder and a README with both exams' markers, named {@code name}. */
  private Path copy(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(template)) {
      for (Path f : s.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.writeString(dir.resolve("README.md"), "# Board\n\n" + ExpectedLeaderboard.readme(List.of(), List.of())
        + "\n" + START_119 + "\n<!-- leaderboard-119-all-end -->\n<!-- leaderboard-119-text-start -->\n" + END_119
        + "\n<!-- leaderboard-exams-start -->\n<!-- leaderboard-exams-end -->\n");
    return dir;
  }

  private static Cli.Outcome leaderboard(Path dir, String... key) {
    List<String> args = new ArrayList<>(List.of("leaderboard", "--results", dir.toString(), "--readme",
        dir.resolve("README.md").toString(), "--chart", dir.resolve("out/leaderboard.png").toString(),
        "--dataset", SharedData.root().toString(), "--dataset", SharedData.root119().toString()));
    args.addAll(List.of(key));
    return Cli.run(args.toArray(String[]::new));
  }

  private static String section119(Path dir) throws IOException {
    String text = Files.readString(dir.resolve("README.md"));
    return text.substring(text.indexOf(START_119), text.indexOf(END_119));
  }

  @Test
  void theLeaderboardRanksThe120thUnderTheAuthorKeyAsPublishedAndThe119thAsItsDefaultRanksIt() throws IOException {
    Path byDefault = copy("default");
    Cli.Outcome d = leaderboard(byDefault);
    assertThat(d.exitCode()).as(d.err()).isZero();

    Path author = copy("author");
    Cli.Outcome a = leaderboard(author, "--key", "120=author", "--key", "113=igakuqa");
    assertThat(a.exitCode()).as(a.err()).isZero();
    // The 113th is named but not held: a warning (as an unused --dataset is harmless), not a refusal.
    assertThat(a.err().strip()).isEqualTo("jmle-bench: warning: --key 113=igakuqa: nothing here is of the 113th "
        + "exam; the entry is not used");

    List<ExpectedLeaderboard.Run> runs = ExpectedLeaderboard.read(authorFiles());
    String published = "# Board\n\n"
        + ExpectedLeaderboard.readme(ExpectedLeaderboard.allRows(runs), ExpectedLeaderboard.textRows(runs));
    assertThat(Files.readString(author.resolve("README.md"))).startsWith(published);
    assertThat(Files.readString(byDefault.resolve("README.md"))).as("the official key ranks the 120th otherwise")
        .doesNotStartWith(published);
    assertThat(section119(author)).isEqualTo(section119(byDefault)).contains("| PFN | - | 332/500 (66.4%) |");

    JsonNode e120 = JSON.readTree(author.resolve("out/leaderboard.json").toFile());
    JsonNode e119 = JSON.readTree(author.resolve("out/leaderboard-119.json").toFile());
    assertThat(e120.get("answer_key").asText()).isEqualTo("author");
    assertThat(e120.at("/pass_criteria/general_min_score").asInt()).isEqualTo(221);
    assertThat(e119.get("answer_key").asText()).isEqualTo("official");
    assertThat(JSON.readTree(byDefault.resolve("out/leaderboard.json").toFile()).get("answer_key").asText())
        .isEqualTo("official");
    assertThat(e119).isEqualTo(JSON.readTree(byDefault.resolve("out/leaderboard-119.json").toFile()));
    for (JsonNode run : e120.get("runs")) {
      JsonNode file = JSON.readTree(SharedData.results().resolve(run.get("source_file").asText()).toFile());
      assertThat(run.get("score").asInt()).as(run.get("source_file").asText())
          .isEqualTo(file.at("/summary/score").asInt());
    }
  }

  @Test
  void aBareEditionTheOtherExamLacksIsRefusedInOneLineNamingIt() throws IOException {
    Path dir = copy("bare");
    Cli.Outcome o = leaderboard(dir, "--key", "author");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("jmle-bench: --key author: unknown answer key of the 119th exam; choose "
        + "one of official (or give an edition file, *.json)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void theReportShowsThe120thUnderTheAuthorKeyAndThe119thUnchanged() throws IOException {
    Path dir = copy("report");
    Cli.Outcome d = report(dir, "default");
    assertThat(d.exitCode()).as(d.err()).isZero();
    Cli.Outcome a = report(dir, "author", "--key", "120=author,119=official");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.err()).isEmpty();

    JsonNode index = document(dir.resolve("author/data/index.js"));
    assertThat(index.get("models")).hasSize(authorFiles().size());
    for (JsonNode m : index.get("models")) {
      JsonNode file = JSON.readTree(SharedData.results().resolve(m.get("file").asText()).toFile());
      assertThat(m.at("/summary/score").asInt()).as(m.get("file").asText()).isEqualTo(file.at("/summary/score").asInt());
      assertThat(m.at("/summary/general_pass").asBoolean()).isEqualTo(file.at("/summary/general_pass").asBoolean());
    }
    assertThat(index.at("/exam/pass/general_min_score").asInt()).as("the author key's criteria").isEqualTo(221);
    assertThat(document(dir.resolve("default/data/index.js")).at("/exam/pass/general_min_score").asInt()).isEqualTo(224);
    assertThat(Files.readString(dir.resolve("author/data/exam/119/index.js")))
        .isEqualTo(Files.readString(dir.resolve("default/data/exam/119/index.js")));
  }

  private static Cli.Outcome report(Path dir, String out, String... key) {
    List<String> args = new ArrayList<>(List.of("report", "--results", dir.toString(), "--out",
        dir.resolve(out).toString(), "--dataset", SharedData.root().toString(), "--dataset",
        SharedData.root119().toString()));
    args.addAll(List.of(key));
    return Cli.run(args.toArray(String[]::new));
  }

  /** A data document of the static report: {@code JMLE.put("key", {...});}. */
  private static JsonNode document(Path script) throws IOException {
    String text = Files.readString(script);
    return JSON.readTree(text.substring(text.indexOf(", ") + 2, text.lastIndexOf(");")));
  }
}
