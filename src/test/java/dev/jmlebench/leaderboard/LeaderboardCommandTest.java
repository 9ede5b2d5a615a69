package dev.jmlebench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.CliProcess;
import dev.jmlebench.testing.PartialRun;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** The published files graded with the author key, which the tests below rank with {@code --key author}. */
  private static List<Path> authorFiles() {
    return SharedData.publishedResultsGradedWith("author");
  }

  private Path copyOfPublished() throws IOException {
    return copyOf(authorFiles());
  }

  private Path copyOf(List<Path> files) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    for (Path f : files) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }

  private Path readme() throws IOException {
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "# Board\n\n" + ExpectedLeaderboard.readme(List.of(), List.of()));
    return readme;
  }

  /** Today's public leaderboard (graded with the official key since 2026-03-16), row for row. */
  private static final List<String> OFFICIAL_ALL = List.of(
      "| **Claude Opus 4.6** | ✓ | 493/500 (98.6%) | 393/400 (98.2%) |",
      "| **Gemini 3.1 Pro Preview** | ✓ | 493/500 (98.6%) | 393/400 (98.2%) |",
      "| **GPT-5.2** | ✓ | 486/500 (97.2%) | 386/400 (96.5%) |",
      "| **Qwen3.5-122B-A10B** | ✓ | 479/500 (95.8%) | 381/400 (95.2%) |",
      "| **Qwen3.5-27B (no-think)** | ✓ | 463/500 (92.6%) | 365/400 (91.2%) |",
      "| **Qwen3-32B** | - | 449/500 (89.8%) | 353/400 (88.2%) |",
      "| **Preferred-MedRECT-32B** | - | 449/500 (89.8%) | 357/400 (89.2%) |",
      "| **gpt-oss-120b (low)** | - | 434/500 (86.8%) | 344/400 (86.0%) |");
  private static final List<String> OFFICIAL_TEXT = List.of(
      "| Claude Opus 4.6 | 380/382 (99.5%) | 300/302 (99.3%) |",
      "| Gemini 3.1 Pro Preview | 378/382 (99.0%) | 298/302 (98.7%) |",
      "| GPT-5.2 | 376/382 (98.4%) | 296/302 (98.0%) |",
      "| Qwen3.5-122B-A10B | 367/382 (96.1%) | 289/302 (95.7%) |",
      "| Qwen3.5-27B (no-think) | 359/382 (94.0%) | 281/302 (93.0%) |",
      "| Preferred-MedRECT-32B | 351/382 (91.9%) | 277/302 (91.7%) |",
      "| Qwen3-32B | 349/382 (91.4%) | 273/302 (90.4%) |",
      "| gpt-oss-120b (low) | 333/382 (87.2%) | 263/302 (87.1%) |");

  /** What a run writes beside its result file while its batch waits at the provider ({@code batch.BatchJournal}). */
  static final String WAITING_BATCH = "{\n  \"format\" : \"jmle-bench-batch\",\n  \"version\" : 1,\n"
      + "  \"api\" : \"openai\",\n  \"batch_id\" : \"batch_abc123\",\n  \"submitted_at\" : \"20260301_120000\",\n"
      + "  \"custom_ids\" : [ \"120A-1\", \"120A-2\" ]\n}";

  @Test
  void aFolderHoldingAWaitingBatchJournalRanksItsFinishedFilesAndSaysNothingOfTheJournal() throws IOException {
    Path dir = copyOf(List.of(SharedData.results().resolve("Qwen_Qwen3-32B.json"),
        SharedData.results().resolve("pfnet_Preferred-MedRECT-32B.json")));
    Files.writeString(dir.resolve("gpt-batch.batch.json"), WAITING_BATCH);
    Files.writeString(dir.resolve("notes.json"), "{\"owner\": \"someone else\"}");

    Cli.Outcome o = Cli.run("leaderboard", "--results", dir.toString(), "--dataset", SharedData.root().toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.err()).doesNotContain("batch").contains("skipped " + dir.resolve("notes.json")
        + ": not a result file (no results array)");
    JsonNode board = JSON.readTree(dir.resolve("leaderboard.json").toFile());
    assertThat(board.get("runs").findValuesAsText("source_file"))
        .containsExactlyInAnyOrder("Qwen_Qwen3-32B.json", "pfnet_Preferred-MedRECT-32B.json");
    assertThat(dir.resolve("gpt-batch.batch.json")).hasContent(WAITING_BATCH);
  }

  @Test
  void underTheOfficialKeyTheEightPublishedFilesGiveTodaysPublicLeaderboardRowForRow() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());
    Path readme = readme();

    Cli.Outcome r = Cli.run("leaderboard", "--key", "official", "--rescore", "--results", dir.toString(),
        "--readme", readme.toString(), "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(readme)).isEqualTo("# Board\n\n" + ExpectedLeaderboard.readme(OFFICIAL_ALL, OFFICIAL_TEXT));
    for (Path f : ExpectedLeaderboard.eight()) {
      assertThat(JSON.readTree(dir.resolve(f.getFileName()).toFile()).at("/metadata/answer_key").asText())
          .as("a rescored file records its new key").isEqualTo("official");
    }
  }

  @Test
  void theCommandPrintsTheRankingOfTheReadmeTableWithEachRunsIntervalAndPassProbability() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());

    Cli.Outcome r = Cli.run("leaderboard", "--results", dir.toString(), "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("The 120th exam, graded with the official key: 8 runs");
    assertThat(lines.get(1)).matches("#  Model +Vision +Score +95% CI +Pass +P\\(pass\\)");
    JsonNode board = JSON.readTree(dir.resolve("leaderboard.json").toFile());
    for (int i = 0; i < OFFICIAL_ALL.size(); i++) {
      String[] readmeCells = OFFICIAL_ALL.get(i).split(" \\| ");
      String name = readmeCells[0].replace("| ", "").replace("**", "");
      JsonNode run = null;
      for (JsonNode candidate : board.get("runs")) {
        if (candidate.get("name").asText().equals(name)) {
          run = candidate;
        }
      }
      String row = lines.get(2 + i);
      assertThat(row).as("rank %d", i + 1).startsWith((i + 1) + "  " + name + " ")
          .contains(readmeCells[1] + " ", readmeCells[2] + "  ")
          .contains(run.at("/intervals/score_ci/0").asInt() + "–" + run.at("/intervals/score_ci/1").asInt())
          .contains("PASS")
          .endsWith(String.format(java.util.Locale.ROOT, "%.4f", run.at("/intervals/pass_probability").doubleValue()));
    }
    assertThat(lines.get(10)).isEmpty();
    assertThat(lines.get(11)).startsWith("wrote ");
  }

  @Test
  void withoutRescoreTheOfficialKeyGradesEveryFileInMemoryAndRewritesNone() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());
    Path readme = readme();

    Cli.Outcome r = Cli.run("leaderboard", "--results", dir.toString(), "--readme", readme.toString(),
        "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(readme)).as("official is the default key")
        .isEqualTo("# Board\n\n" + ExpectedLeaderboard.readme(OFFICIAL_ALL, OFFICIAL_TEXT));
    for (Path f : ExpectedLeaderboard.eight()) {
      assertThat(Files.readString(dir.resolve(f.getFileName()))).isEqualTo(Files.readString(f));
    }
  }

  @Test
  void furtherPublishedFilesGradedWithTheOfficialKeyRankAsTheirOwnSummariesSay() throws IOException {
    // Files published after 2026-03-16 carry the official gold: their own summaries are the expectation.
    List<Path> official = new ArrayList<>(SharedData.publishedResultsGradedWith("official"));
    if (official.isEmpty()) {
      // Every file here was graded with the author key: one of them, rescored under the official key (which
      // the file then records, with its summary), stands in for a file published that way.
      Path made = Files.createDirectories(tmp.resolve("made"));
      Path gpt = Files.copy(SharedData.results().resolve("openai_gpt-5.2.json"), made.resolve("openai_gpt-5.2.json"));
      Cli.Outcome m = Cli.run("leaderboard", "--key", "official", "--rescore", "--results", made.toString(),
          "--dataset", SharedData.root().toString());
      assertThat(m.exitCode()).as(m.err()).isZero();
      assertThat(JSON.readTree(gpt.toFile()).at("/summary/score").asInt()).as("today's public row").isEqualTo(486);
      official.add(gpt);
    }
    Path dir = copyOf(official);
    Path readme = readme();

    Cli.Outcome r = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "official", "--results", dir.toString(), "--readme",
        readme.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<ExpectedLeaderboard.Run> runs = ExpectedLeaderboard.read(official);
    assertThat(Files.readString(readme)).isEqualTo("# Board\n\n"
        + ExpectedLeaderboard.readme(ExpectedLeaderboard.allRows(runs), ExpectedLeaderboard.textRows(runs)));
  }

  @Test
  void aPartialRunIsMarkedInBothTablesAndTheExportsAndTheCommandWarns() throws IOException {
    Path dir = copyOf(List.of(SharedData.results().resolve("openai_gpt-5.2.json")));
    PartialRun.write(SharedData.results().resolve("Qwen_Qwen3-32B.json"), dir.resolve("Qwen_Qwen3-32B_cut.json"), 20);
    Path readme = readme();

    Cli.Outcome r = Cli.run("leaderboard", "--results", dir.toString(), "--readme", readme.toString(),
        "--rescore", dir.resolve("Qwen_Qwen3-32B_cut.json").toString(), "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: Qwen_Qwen3-32B_cut.json: a partial run (20 of 400 questions answered)");
    String tables = Files.readString(readme);
    assertThat(tables).containsPattern("\\| (\\*\\*)?Qwen3-32B \\(partial 20/400\\)(\\*\\*)? \\| - \\| ")
        .containsPattern("\\| Qwen3-32B \\(partial 20/400\\) \\| \\d")
        .contains("| **GPT-5.2** | ✓ | 486/500 (97.2%) |"); // the official key, the default
    JsonNode runs = JSON.readTree(dir.resolve("leaderboard.json").toFile()).get("runs");
    for (JsonNode run : runs) {
      boolean cut = run.get("source_file").asText().equals("Qwen_Qwen3-32B_cut.json");
      assertThat(run.get("partial").asBoolean()).isEqualTo(cut);
      assertThat(run.get("answered").asInt()).isEqualTo(cut ? 20 : 400);
      assertThat(run.get("expected").asInt()).isEqualTo(400);
    }
    assertThat(Files.readString(dir.resolve("leaderboard.csv"))).contains(",partial,answered,expected,")
        .contains("Qwen_Qwen3-32B_cut.json,true,20,400,");
  }

  @Test
  void inAFolderWhoseReadmeHasMarkersLeaderboardWithoutReadmeLeavesItByteIdentical() throws Exception {
    copyOf(SharedData.publishedResults().subList(0, 2));
    Path readme = readme();
    byte[] before = Files.readAllBytes(readme);
    FileTime mtime = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(readme, mtime);
    Path log = Files.createTempFile("leaderboard", ".log");

    // The dataset gives the bootstrap its serial groups; README and results are the folder's own.
    Process p = CliProcess.start(tmp, List.of("leaderboard", "--dataset", SharedData.root().toAbsolutePath().toString()),
        log);

    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("leaderboard finished").isTrue();
    String printed = Files.readString(log);
    Files.delete(log);
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(readme).hasBinaryContent(before);
    assertThat(Files.getLastModifiedTime(readme)).isEqualTo(mtime);
    assertThat(tmp.resolve("results/leaderboard.json")).exists();
    assertThat(printed).contains("no README named, so no tables written (--readme FILE rebuilds a README's tables)");
  }

  @Test
  void theToolsOwnReadmeIsNeverRewrittenByALeaderboardOfOtherResults() throws IOException {
    Path own = Path.of("README.md");
    byte[] before = Files.readAllBytes(own);
    FileTime mtime = Files.getLastModifiedTime(own);

    Cli.Outcome r = Cli.run("leaderboard", "--results", copyOf(SharedData.publishedResults().subList(0, 1)).toString(),
        "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(own).hasBinaryContent(before);
    assertThat(Files.getLastModifiedTime(own)).isEqualTo(mtime);
  }

  @Test
  void rescoreRebuildsTablesExportsAndChartsAndLeavesThePublishedFilesAsTheyWere() throws IOException {
    Path dir = copyOfPublished();
    Path readme = readme();

    Cli.Outcome r = Cli.run("leaderboard", "--key", "author", "--results", dir.toString(), "--readme", readme.toString(),
        "--rescore", "--dataset", SharedData.root().toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    int n = authorFiles().size();
    assertThat(r.out()).contains("rescored " + n + " files: 0 answers changed, 0 files rewritten",
        readme + ": all: ", "wrote " + dir.resolve("leaderboard.json"), "drew " + dir.resolve("leaderboard.png"));
    for (Path f : authorFiles()) {
      assertThat(Files.readString(dir.resolve(f.getFileName()))).isEqualTo(Files.readString(f));
    }
    List<ExpectedLeaderboard.Run> runs = ExpectedLeaderboard.read(authorFiles());
    assertThat(Files.readString(readme)).isEqualTo("# Board\n\n"
        + ExpectedLeaderboard.readme(ExpectedLeaderboard.allRows(runs), ExpectedLeaderboard.textRows(runs)));
    for (String out : List.of("leaderboard.png", "leaderboard.svg", "leaderboard-blocks.png",
        "leaderboard-blocks.svg", "leaderboard.json", "leaderboard.csv")) {
      assertThat(dir.resolve(out)).isNotEmptyFile();
    }
  }

  @Test
  void rescoreRewritesAFileWhoseAnswersWereGradedWronglyAndRanksItByItsNewScore() throws IOException {
    Path dir = copyOfPublished();
    Path stale = dir.resolve("openai_gpt-5.2.json");
    ObjectNode root = (ObjectNode) JSON.readTree(stale.toFile());
    int flipped = 0;
    for (JsonNode q : root.get("results")) {
      if (q.get("correct").booleanValue() && flipped < 3) {
        ((ObjectNode) q).put("correct", false);
        flipped++;
      }
    }
    ((ObjectNode) root.get("summary")).put("score", 1);
    Files.writeString(stale, JSON.writeValueAsString(root));
    Path readme = readme();

    Cli.Outcome r = Cli.run("leaderboard", "--key", "author", "--results", dir.toString(), "--readme", readme.toString(),
        "--rescore", stale.toString(), "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("rescored 1 file: 3 answers changed, 1 file rewritten");
    assertThat(Files.readString(stale)).isEqualTo(Files.readString(SharedData.results().resolve("openai_gpt-5.2.json")));
    assertThat(Files.readString(readme)).contains("| **GPT-5.2** | ✓ | 488/500 (97.6%) | 388/400 (97.0%) |");
  }

  @Test
  void theExportsHoldOneRowPerRunWithTheSummaryFigures() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());

    Cli.Outcome r = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme().toString(),
        "--chart", tmp.resolve("out/board.png").toString());

    assertThat(r.exitCode()).isZero();
    JsonNode json = JSON.readTree(tmp.resolve("out/board.json").toFile());
    assertThat(json.get("format").asText()).isEqualTo("jmle-bench-leaderboard");
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("pass_criteria").get("general_min_score").asInt()).isEqualTo(221);
    JsonNode runs = json.get("runs");
    assertThat(runs).hasSize(8);
    for (JsonNode row : runs) {
      JsonNode file = JSON.readTree(dir.resolve(row.get("source_file").asText()).toFile());
      JsonNode s = file.get("summary");
      for (String f : List.of("score", "score_max", "score_pct", "accuracy", "correct", "required_score",
          "general_score", "required_pass", "general_pass", "text_only_score", "text_only_score_max",
          "text_only_score_pct", "by_block")) {
        assertThat(row.get(f)).as(row.get("source_file") + " " + f).isEqualTo(s.get(f));
      }
      assertThat(row.get("text_only_accuracy")).isEqualTo(s.get("by_image").get("text_only").get("accuracy"));
      assertThat(row.get("image_mode")).isEqualTo(file.get("metadata").get("image_mode"));
      assertThat(row.get("intervals").isObject()).isTrue();
    }
    List<String> csv = Files.readAllLines(tmp.resolve("out/board.csv"));
    assertThat(csv).hasSize(runs.size() + 1);
    assertThat(csv.get(0)).startsWith("name,model,image_mode,timestamp,score,score_max,score_pct,")
        .endsWith(",source_file,partial,answered,expected,cost_usd,cost_usd_per_point,cost_usd_per_correct,truncated,score_pct_ci_low,score_pct_ci_high,accuracy_ci_low,accuracy_ci_high,"
            + "accuracy_wilson_low,accuracy_wilson_high,pass_probability");
    assertThat(csv.get(1)).startsWith("\"Claude Opus 4.6\",\"anthropic/claude-opus-4.6\",vision,20260225,493,500,"
        // passed, then the prohibited-choice count and verdict: empty, the 120th annotates none.
        + "0.986,393,400,0.9825,197,200,true,296,300,true,true,,,379,382,0.9921,299,302,0.9901,0,0,"
        + "\"anthropic_claude-opus-4.6.json\",");
  }

  @Test
  void eachExportRowCarriesTheIntervalsAndPassProbabilityOfItsOwnFile() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());

    Cli.Outcome r = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme().toString(),
        "--chart", tmp.resolve("out/board.png").toString());

    assertThat(r.exitCode()).isZero();
    JsonNode runs = JSON.readTree(tmp.resolve("out/board.json").toFile()).get("runs");
    List<Map<String, String>> csv = csvRows(tmp.resolve("out/board.csv"));
    assertThat(csv).hasSize(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      JsonNode row = runs.get(i);
      String source = row.get("source_file").asText();
      RunStatistics s = RunStatistics.of(ResultFiles.read(dir.resolve(source)), AnswerKey.of("120", "author").criteria(), SharedData.dataset(), source);
      JsonNode in = row.get("intervals");
      assertThat(in).as(source).isEqualTo(JSON.readTree(StatisticsJson.write(StatisticsJson.run(s))));
      assertThat(in.get("score_ci").get(0).intValue()).isEqualTo(s.scoreCi().lower());
      assertThat(in.get("score_pct_ci").get(1).doubleValue()).isCloseTo(s.scorePctCi().upper(), within(5e-5));
      assertThat(in.get("accuracy_ci").get(0).doubleValue()).isCloseTo(s.accuracyBootstrap().lower(), within(5e-5));
      assertThat(in.get("accuracy_wilson_ci").get(1).doubleValue()).isCloseTo(s.accuracyWilson().upper(), within(5e-5));
      assertThat(in.get("pass_probability").doubleValue()).isCloseTo(s.passProbability(), within(5e-5));

      Map<String, String> line = csv.get(i);
      assertThat(line.get("source_file")).isEqualTo(source);
      assertThat(List.of(line.get("score_pct_ci_low"), line.get("score_pct_ci_high"), line.get("accuracy_ci_low"),
          line.get("accuracy_ci_high"), line.get("accuracy_wilson_low"), line.get("accuracy_wilson_high"),
          line.get("pass_probability"))).as(source).containsExactly(in.get("score_pct_ci").get(0).asText(),
          in.get("score_pct_ci").get(1).asText(), in.get("accuracy_ci").get(0).asText(),
          in.get("accuracy_ci").get(1).asText(), in.get("accuracy_wilson_ci").get(0).asText(),
          in.get("accuracy_wilson_ci").get(1).asText(), in.get("pass_probability").asText());
    }
    // As found by hand for gpt-oss-120b (low), 433/500 (docs/STATISTICS.md).
    JsonNode low = runs.get(runs.size() - 1);
    assertThat(low.get("name").asText()).isEqualTo("gpt-oss-120b (low)");
    assertThat(low.get("intervals").get("score_ci")).containsExactly(JSON.valueToTree(413), JSON.valueToTree(450));
    assertThat(low.get("intervals").get("score_pct_ci").toString()).isEqualTo("[0.826,0.9]");
    assertThat(low.get("intervals").get("pass_probability").doubleValue()).isEqualTo(0.9939);
    assertThat(csv.get(runs.size() - 1)).containsEntry("score_pct_ci_low", "0.826").containsEntry(
        "pass_probability", "0.9939");
  }

  @Test
  void aRebuildReusesTheIntervalsOfUnchangedFilesAndRecomputesThoseOfAChangedOne() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());
    Path export = dir.resolve("leaderboard.json");
    assertThat(Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme().toString()).exitCode())
        .isZero();
    // Mark every row's figures, so a reused row is told apart from a recomputed one.
    ObjectNode marked = (ObjectNode) JSON.readTree(export.toFile());
    for (JsonNode row : marked.get("runs")) {
      ((ObjectNode) row.get("intervals")).put("pass_probability", 0.1234);
    }
    Files.writeString(export, JSON.writeValueAsString(marked));
    Path changed = dir.resolve("openai_gpt-oss-120b_low.json");
    ObjectNode file = (ObjectNode) JSON.readTree(changed.toFile());
    // The answer itself changes (the leaderboard grades stored answers, not the stored 'correct'): right
    // becomes wrong, or wrong right.
    for (JsonNode q : file.get("results")) {
      if (q.get("question_id").asText().equals("120A-1")) {
        String gold = q.get("gold").get(0).asText();
        boolean nowCorrect = !q.get("correct").booleanValue();
        ((ObjectNode) q).put("correct", nowCorrect).put("parse_success", true).putArray("predicted")
            .add(nowCorrect ? gold : gold.equals("a") ? "b" : "a");
      }
    }
    Files.writeString(changed, JSON.writeValueAsString(file));

    assertThat(Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme().toString()).exitCode())
        .isZero();

    for (JsonNode row : JSON.readTree(export.toFile()).get("runs")) {
      String source = row.get("source_file").asText();
      if (source.equals(changed.getFileName().toString())) {
        RunStatistics now = RunStatistics.of(ResultFiles.read(changed), AnswerKey.of("120", "author").criteria(), SharedData.dataset(), source);
        assertThat(row.get("intervals")).isEqualTo(JSON.readTree(StatisticsJson.write(StatisticsJson.run(now))));
      } else {
        assertThat(row.get("intervals").get("pass_probability").doubleValue()).as(source).isEqualTo(0.1234);
      }
    }
  }

  @Test
  void aDamagedEarlierExportIsNotReusedButReplaced() throws IOException {
    Path dir = copyOf(ExpectedLeaderboard.eight());
    Files.writeString(dir.resolve("leaderboard.json"), "{\"runs\": [{\"source_file\": 3, \"intervals\": ");

    Cli.Outcome r = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme().toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(JSON.readTree(dir.resolve("leaderboard.json").toFile()).get("runs").get(0).get("intervals")
        .get("score_ci")).hasSize(2);
  }

  private static List<Map<String, String>> csvRows(Path file) throws IOException {
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      return rows.readAll();
    }
  }

  @Test
  void aSecondBuildDoesNotTakeItsOwnExportForAResultFile() throws IOException {
    Path dir = copyOfPublished();
    Path readme = readme();
    assertThat(Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme.toString()).exitCode())
        .isZero();
    String first = Files.readString(readme);

    Cli.Outcome again = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme.toString());

    assertThat(again.err()).isEmpty();
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("(unchanged)");
    assertThat(Files.readString(readme)).isEqualTo(first);
  }

  @Test
  void plotOnlyRedrawsTheChartsAndTouchesNothingElse() throws IOException {
    Path dir = copyOfPublished();
    Path readme = readme();
    String before = Files.readString(readme);

    Cli.Outcome r = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme.toString(),
        "--plot-only");

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(readme)).isEqualTo(before);
    assertThat(dir.resolve("leaderboard.png")).isNotEmptyFile();
    assertThat(dir.resolve("leaderboard-blocks.png")).isNotEmptyFile();
    assertThat(dir.resolve("leaderboard.json")).doesNotExist();
    assertThat(dir.resolve("leaderboard.csv")).doesNotExist();
  }

  @Test
  void aReadmeWithoutMarkersIsUntouchedAndTheWarningSaysWhichMarkersToAdd() throws IOException {
    Path dir = copyOfPublished();
    Path readme = tmp.resolve("README.md");
    Files.writeString(readme, "# no markers here\n");
    FileTime mtime = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(readme, mtime);

    Cli.Outcome r = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", dir.toString(), "--readme", readme.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).startsWith("jmle-bench: warning: " + readme).contains("<!-- leaderboard-all-start -->",
        "<!-- leaderboard-text-end -->");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(Files.readString(readme)).isEqualTo("# no markers here\n");
    assertThat(Files.getLastModifiedTime(readme)).isEqualTo(mtime);
  }

  @Test
  void aBadFileStopsEverythingBeforeAnythingIsWritten() throws IOException {
    Path dir = copyOfPublished();
    Files.writeString(dir.resolve("zz_broken.json"), "{\"metadata\": ");
    Path readme = readme();
    String before = Files.readString(readme);
    byte[] original = Files.readAllBytes(dir.resolve("openai_gpt-5.2.json"));

    Cli.Outcome r = Cli.run("leaderboard", "--key", "author", "--results", dir.toString(), "--readme", readme.toString(),
        "--rescore", "--dataset", SharedData.root().toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains("zz_broken.json", "not valid JSON");
    assertThat(Files.readString(readme)).isEqualTo(before);
    assertThat(Files.readAllBytes(dir.resolve("openai_gpt-5.2.json"))).isEqualTo(original);
    assertThat(dir.resolve("leaderboard.png")).doesNotExist();
  }

  @Test
  void aMissingResultsFolderOrReadmeIsOneLineAndExitCodeTwo() {
    Cli.Outcome noDir = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", tmp.resolve("nope").toString());
    assertThat(noDir.exitCode()).isEqualTo(2);
    assertThat(noDir.err()).isEqualTo("jmle-bench: --results " + tmp.resolve("nope") + ": no such folder\n");

    Cli.Outcome noReadme = Cli.run("leaderboard", "--dataset", SharedData.root().toString(), "--key", "author", "--results", SharedData.results().toString(), "--readme",
        tmp.resolve("MISSING.md").toString(), "--chart", tmp.resolve("c.png").toString());
    assertThat(noReadme.exitCode()).isEqualTo(2);
    assertThat(noReadme.err()).isEqualTo("jmle-bench: --readme " + tmp.resolve("MISSING.md") + ": no such file\n");
    assertThat(tmp.resolve("c.png")).doesNotExist();
  }
}
