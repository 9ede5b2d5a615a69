package dev.jmlebench.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IgakuQA's published predictions ({@code baseline_results/}) imported through the CLI: ChatGPT's and the
 * examinees' majority give the per-exam scores the paper publishes, and every prediction set present —
 * these and any further ones dropped beside them — gives the score IgakuQA's grading rule computes, worked
 * out here from the raw files without the project's code.
 */
class IgakuQaImportTest {
  private static final Path ROOT = SharedData.rootIgakuqa();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE = Pattern.compile("(11[2-6])-([A-F])_(.+)\\.jsonl");
  private static final List<String> EXAMS = List.of("112", "113", "114", "115", "116");
  /** The published scores (Kasai et al. 2023; also on PFN's Llama3-Preferred-MedSwallow-70B model card). */
  private static final Map<String, List<Integer>> PUBLISHED = Map.of(
      "chatgpt", List.of(266, 250, 266, 297, 287),
      "student-majority", List.of(472, 470, 471, 477, 482));
  private static final List<Integer> MAXIMA = List.of(499, 496, 496, 500, 494);

  @Test
  void chatGptAndTheExamineesMajorityGiveThePublishedScoreAndMaximumOfEveryExam(@TempDir Path tmp) {
    for (Map.Entry<String, List<Integer>> published : PUBLISHED.entrySet()) {
      for (int i = 0; i < EXAMS.size(); i++) {
        String exam = EXAMS.get(i);
        ResultFile f = importSet(tmp, exam, published.getKey());
        assertThat(f.summary().score()).as(published.getKey() + " " + exam).isEqualTo(published.getValue().get(i));
        assertThat(f.summary().scoreMax()).as(published.getKey() + " " + exam).isEqualTo(MAXIMA.get(i));
        assertThat(f.metadata().extra().get("exam").asText()).isEqualTo(exam);
        assertThat(f.metadata().extra().get("imported_from").get("format").asText()).isEqualTo("igakuqa");
        // Graded by IgakuQA's own edition: calculations as its mark-sheet digits, as the predictions write them.
        assertThat(f.metadata().extra().get("answer_key").asText()).isEqualTo("igakuqa");
        assertThat(f.results().stream().filter(r -> r.questionId().equals("116B-50")).map(r -> r.gold()))
            .allSatisfy(gold -> assertThat(gold).containsExactly("21"));
      }
    }
  }

  @Test
  void everyPublishedPredictionSetGivesTheScoreIgakuQasRuleComputesFromTheRawFiles(@TempDir Path tmp)
      throws IOException {
    Map<String, Map<String, List<Path>>> sets = predictionSets();
    assertThat(sets.keySet()).contains("chatgpt", "gpt3", "student-majority", "translate_chatgpt-en");
    int checked = 0;
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (var set : sets.entrySet()) {
      for (var exam : set.getValue().entrySet()) {
        if (exam.getValue().size() != 6) {
          continue;
        }
        ResultFile f = importSet(tmp, exam.getKey(), set.getKey());
        names.add(f.metadata().name());
        int[] expected = igakuQaScore(exam.getKey(), exam.getValue());
        assertThat(new int[] {f.summary().score(), f.summary().scoreMax()}).as(set.getKey() + " " + exam.getKey())
            .containsExactly(expected);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
    // Each experiment shows as what it is (IgakuQA's paper), not its file-name id: the majority is no model.
    assertThat(names).containsExactlyInAnyOrder("ChatGPT (IgakuQA)", "GPT-3 (IgakuQA)",
        "ChatGPT, English translation (IgakuQA)", "Examinees' majority");
  }

  @Test
  void theProhibitedChoiceCountsOfChatGptAndTheMajorityEqualACountFromTheRawMetadata(@TempDir Path tmp)
      throws IOException {
    StringBuilder counts = new StringBuilder();
    for (String experiment : PUBLISHED.keySet()) {
      for (String exam : EXAMS) {
        ResultFile f = importSet(tmp, exam, experiment);
        int expected = prohibitedCount(exam, set(exam, experiment));
        assertThat(f.summary().prohibitedAnswers()).as(experiment + " " + exam).isEqualTo(expected);
        assertThat(f.summary().prohibitedPass()).isEqualTo(expected <= 3);
        counts.append(experiment).append(' ').append(exam).append(": ").append(expected).append('\n');
      }
    }
    System.out.print("prohibited-choice answers (IgakuQA's annotation):\n" + counts);
  }

  /**
   * Answers that include a prohibited choice, from the raw files: the metadata's kinki letters (one to an
   * element, run together as "cde", full-width) against the letters of {@code prediction.split(",")}.
   */
  private static int prohibitedCount(String exam, List<Path> predictionFiles) throws IOException {
    Map<String, java.util.Set<String>> kinki = new TreeMap<>();
    String year = String.valueOf(Integer.parseInt(exam) + 1906);
    for (String block : List.of("A", "B", "C", "D", "E", "F")) {
      Path meta = ROOT.resolve("data/" + year + "/" + exam + "-" + block + "_metadata.jsonl");
      for (String line : Files.readAllLines(meta)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode m = JSON.readTree(line);
        java.util.Set<String> letters = new java.util.HashSet<>();
        m.get("kinki").forEach(k -> java.text.Normalizer.normalize(k.asText(), java.text.Normalizer.Form.NFKC)
            .strip().chars().forEach(c -> letters.add(String.valueOf((char) c))));
        kinki.put(m.get("problem_id").asText(), letters);
      }
    }
    int count = 0;
    for (Path file : predictionFiles) {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode p = JSON.readTree(line);
        java.util.Set<String> letters = kinki.getOrDefault(p.get("problem_id").asText(), java.util.Set.of());
        if (p.get("prediction").asText().isEmpty()) {
          continue;
        }
        if (List.of(p.get("prediction").asText().split(",", -1)).stream().anyMatch(letters::contains)) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void aPredictionFileOfAnotherExamIsRefusedInOneLineAndNothingIsWritten(@TempDir Path tmp) {
    List<Path> files = new ArrayList<>(set("112", "chatgpt"));
    files.set(5, set("113", "chatgpt").get(5));
    assertRefused(tmp, files, "is a question of the 113th exam, but", "holds the 112th");
  }

  @Test
  void aMissingBlockFileIsRefusedInOneLineNamingTheBlock(@TempDir Path tmp) {
    List<Path> files = new ArrayList<>(set("114", "chatgpt"));
    files.remove(2);
    assertRefused(tmp, files, "no file for block C of the 114th exam");
  }

  @Test
  void anUnknownProblemIdIsRefusedInOneLineNamingFileAndLine(@TempDir Path tmp) throws IOException {
    List<Path> files = new ArrayList<>(set("115", "student-majority"));
    Path bad = tmp.resolve("115-A_student-majority.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(files.get(0)));
    lines.set(3, lines.get(3).replace("\"115A4\"", "\"115A99\""));
    Files.write(bad, lines);
    files.set(0, bad);
    assertRefused(tmp, files, bad + ": line 4: problem 115A99 is not a question of the 115th exam");

    Path junk = tmp.resolve("115-B_student-majority.jsonl");
    Files.writeString(junk, "{\"problem_id\": \"B12\", \"prediction\": \"a\"}\n");
    files.set(0, files.get(0));
    files.set(1, junk);
    assertRefused(tmp, files, junk + ": line 1: problem_id 'B12' is not an IgakuQA problem id");
  }

  @Test
  void anExamFlagThatDisagreesWithTheFilesIsRefusedInOneLine(@TempDir Path tmp) {
    Path out = tmp.resolve("out.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--exam", "113", "--dataset", ROOT.toString(),
        "--out", out.toString()));
    set("112", "chatgpt").forEach(p -> args.add(p.toString()));
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).contains("--exam 113: the prediction files holds results of exam 112");
    assertThat(out).doesNotExist();
  }

  @Test
  void visionIsRefusedInOneLineForAnExamWhoseSourceReleasedNoImages(@TempDir Path tmp) {
    Path out = tmp.resolve("out.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--image-mode", "vision", "--dataset",
        ROOT.toString(), "--out", out.toString()));
    set("116", "chatgpt").forEach(p -> args.add(p.toString()));
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).contains("--image-mode vision: the 116th exam's source released no images");
    assertThat(out).doesNotExist();
  }

  private static void assertRefused(Path tmp, List<Path> files, String... expected) {
    Path out = tmp.resolve("refused.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset", ROOT.toString(), "--out",
        out.toString()));
    files.forEach(p -> args.add(p.toString()));
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).startsWith("jmle-bench: ").contains(expected).doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  private static ResultFile importSet(Path tmp, String exam, String experiment) {
    Path out = tmp.resolve(exam + "_" + experiment + ".json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset", ROOT.toString(), "--out",
        out.toString()));
    set(exam, experiment).forEach(p -> args.add(p.toString()));
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
    return ResultFiles.read(out);
  }

  private static List<Path> set(String exam, String experiment) {
    return predictionSets().get(experiment).get(exam);
  }

  /** Prediction files by experiment, then exam, in block order. */
  private static Map<String, Map<String, List<Path>>> predictionSets() {
    Map<String, Map<String, List<Path>>> sets = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("baseline_results"))) {
      files.sorted().forEach(p -> {
        Matcher m = FILE.matcher(p.getFileName().toString());
        if (m.matches()) {
          sets.computeIfAbsent(m.group(3), k -> new TreeMap<>()).computeIfAbsent(m.group(1), k -> new ArrayList<>())
              .add(p);
        }
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sets;
  }

  /** Score and maximum by IgakuQA's grading, from the raw data. */
  private static int[] igakuQaScore(String exam, List<Path> predictionFiles) throws IOException {
    Map<String, JsonNode> questions = rawQuestions(exam, "");
    int max = 0;
    for (JsonNode q : questions.values()) {
      max += Integer.parseInt(q.get("points").asText());
    }
    int score = 0;
    for (Map.Entry<String, Boolean> right : igakuQaVerdicts(exam, predictionFiles).entrySet()) {
      score += right.getValue() ? Integer.parseInt(questions.get(right.getKey()).get("points").asText()) : 0;
    }
    return new int[] {score, max};
  }

  private static Map<String, JsonNode> rawQuestions(String exam, String suffix) throws IOException {
    Map<String, JsonNode> questions = new TreeMap<>();
    String year = String.valueOf(Integer.parseInt(exam) + 1906);
    for (String block : List.of("A", "B", "C", "D", "E", "F")) {
      Path f = ROOT.resolve("data/" + year + "/" + exam + "-" + block + suffix + ".jsonl");
      for (String line : Files.readAllLines(f)) {
        if (!line.isBlank()) {
          JsonNode q = JSON.readTree(line);
          questions.put(q.get("problem_id").asText(), q);
        }
      }
    }
    return questions;
  }

  /**
   * IgakuQA's verdict per problem id: right when {@code sorted(prediction.split(","))} equals the sorted
   * answer; 116A71 for everyone; 112B30 for a or d.
   */
  private static Map<String, Boolean> igakuQaVerdicts(String exam, List<Path> predictionFiles) throws IOException {
    Map<String, JsonNode> questions = rawQuestions(exam, "");
    Map<String, Boolean> verdicts = new TreeMap<>();
    for (Path file : predictionFiles) {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode p = JSON.readTree(line);
        String id = p.get("problem_id").asText();
        String prediction = p.get("prediction").asText();
        List<String> predicted = new ArrayList<>(List.of(prediction.split(",", -1)));
        List<String> gold = new ArrayList<>();
        questions.get(id).get("answer").forEach(a -> gold.add(a.asText()));
        predicted.sort(null);
        gold.sort(null);
        verdicts.put(id, id.equals("116A71") || id.equals("112B30") && (prediction.equals("a") || prediction.equals("d"))
            || predicted.equals(gold));
      }
    }
    return verdicts;
  }

  @Test
  void summaryListsTheQuestionsNearlyEveryExamineeGotRightThatChatGptMissed(@TempDir Path tmp) throws IOException {
    Map<String, JsonNode> meta = rawQuestions("113", "_metadata");
    Map<String, Boolean> verdicts = igakuQaVerdicts("113", set("113", "chatgpt"));
    List<String> missed = new ArrayList<>();
    int hardest = 0;
    int hardestRight = 0;
    for (Map.Entry<String, Boolean> v : verdicts.entrySet()) {
      String accuracy = meta.get(v.getKey()).get("human_accuracy").asText();
      if (accuracy.isEmpty()) {
        continue;
      }
      double a = Double.parseDouble(accuracy);
      if (a >= 90 && !v.getValue()) {
        missed.add(v.getKey().substring(0, 4) + "-" + v.getKey().substring(4));
      }
      if (a < 50) {
        hardest++;
        hardestRight += v.getValue() ? 1 : 0;
      }
    }
    importSet(tmp, "113", "chatgpt");
    Cli.Outcome o = Cli.run("summary", "--dataset", ROOT.toString(), tmp.resolve("113_chatgpt.json").toString());
    assertThat(o.exitCode()).as(o.err()).isZero();
    String line = o.out().lines().filter(l -> l.startsWith("  Missed")).findFirst().orElseThrow();
    assertThat(line).startsWith("  Missed     " + missed.size() + " questions ≥90% of examinees answered right: ");
    for (String id : missed) {
      assertThat(line).contains(id + " (");
    }
    assertThat(missed).hasSizeGreaterThan(5);
    assertThat(o.out()).contains("By examinee accuracy   <50% " + hardestRight + "/" + hardest + " ")
        .contains("Prohibited").contains("annotated by IgakuQA's authors, not official");
  }
}
