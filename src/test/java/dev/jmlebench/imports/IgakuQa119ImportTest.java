package dev.jmlebench.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.sources.IgakuQa119Source;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Part;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every set of published IgakuQA119 answer files ({@code answers/**}/119{A..F}_NAME.json) that has a published
 * summary ({@code results/**}/119_NAME_summary.txt) is imported through the CLI and must give that summary's
 * figures exactly: the demo's and any further set dropped beside it.
 */
class IgakuQa119ImportTest {
  private static final Path ROOT = SharedData.root119();
  private static final Pattern ANSWER_FILE = Pattern.compile("119([A-F])_(.+)\\.json");

  /** One published figure: a count and its maximum, as the summary prints {@code a / b}. */
  record Figure(int value, int max) {}

  @Test
  void theDemoImportGivesThePublishedFigures(@TempDir Path tmp) throws IOException {
    Map<String, List<Path>> sets = answerSets();
    assertThat(sets).containsKey("pfn-medllm-qwen-72b");
    Path out = tmp.resolve("pfn.json");
    String[] args = importArgs(out, sets.get("pfn-medllm-qwen-72b"));
    Cli.Outcome o = Cli.run(args);
    assertThat(o.exitCode()).as(o.err()).isZero();
    ResultFile f = ResultFiles.read(out);
    assertThat(f.summary().score()).isEqualTo(332);
    assertThat(f.summary().scoreMax()).isEqualTo(500);
    assertThat(f.summary().correct()).isEqualTo(272);
    assertThat(f.summary().attempted()).isEqualTo(400);
    assertThat(f.summary().textOnlyScore()).isEqualTo(261);
    assertThat(f.summary().textOnlyScoreMax()).isEqualTo(383);
    assertThat(f.summary().requiredPass()).isFalse();
    assertThat(o.out()).contains("332/500");
  }

  @Test
  void everyPublishedAnswerSetGivesEveryFigureOfItsPublishedSummary(@TempDir Path tmp) throws IOException {
    int checked = 0;
    for (Map.Entry<String, List<Path>> set : answerSets().entrySet()) {
      Path summary = publishedSummary(set.getKey());
      if (summary == null) {
        continue;
      }
      Path out = tmp.resolve(set.getKey() + ".json");
      Cli.Outcome o = Cli.run(importArgs(out, set.getValue()));
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(ourFigures(ResultFiles.read(out))).as(set.getKey())
          .isEqualTo(publishedFigures(Files.readString(summary, StandardCharsets.UTF_8)));
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @Test
  void everyPublishedGradingOfOneAnswerIsReproducedQuestionByQuestion() throws IOException {
    Dataset d = SharedData.dataset119();
    AnswerKey key = AnswerKey.of("119", "official");
    int rows = 0;
    for (Path csv : files(ROOT.resolve("results"), p -> p.getFileName().toString().endsWith("_grading_results.csv"))) {
      String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
      MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(text);
      for (Map<String, String> r : it.readAll()) {
        Question q = d.question(IgakuQa119Source.idOf(r.get("question_number")).orElseThrow().toString()).orElseThrow();
        String normalised = IgakuQa119Answers.normalise(r.get("model_answer"), q.type());
        List<String> predicted = IgakuQa119Answers.predicted(normalised, q.type());
        assertThat(key.isCorrect(q, predicted, !predicted.isEmpty()))
            .as(csv.getFileName() + " " + r.get("question_number") + " '" + r.get("model_answer") + "'")
            .isEqualTo(Boolean.parseBoolean(r.get("is_correct").toLowerCase()));
        assertThat(Points.of(q)).isEqualTo(Integer.parseInt(r.get("possible")));
        rows++;
      }
    }
    assertThat(rows).isGreaterThanOrEqualTo(1600);
  }

  @Test
  void theAnswerIsNormalisedAsThePublishedGraderDoes() {
    var mc = dev.jmlebench.dataset.QuestionType.MULTIPLE_CHOICE;
    assertThat(IgakuQa119Answers.predicted(IgakuQa119Answers.normalise("d, e", mc), mc)).containsExactly("d", "e");
    assertThat(IgakuQa119Answers.predicted(IgakuQa119Answers.normalise("[E] C", mc), mc)).containsExactly("c", "e");
    assertThat(IgakuQa119Answers.predicted(IgakuQa119Answers.normalise("b (100%)", mc), mc)).isEmpty();
    assertThat(IgakuQa119Answers.predicted(IgakuQa119Answers.normalise("\"a\"", mc), mc)).isEmpty();
    var calc = dev.jmlebench.dataset.QuestionType.CALCULATION;
    assertThat(IgakuQa119Answers.predicted(IgakuQa119Answers.normalise("1,200", calc), calc)).containsExactly("1200");
  }

  @Test
  void anImportsNameIsTheModelsOwnWithoutItsPathTagOrFileExtension() {
    assertThat(IgakuQa119Answers.displayName("ollama-models/Preferred-MedLLM-Qwen-72B-bf16.gguf:latest"))
        .isEqualTo("Preferred-MedLLM-Qwen-72B-bf16 (IgakuQA119)");
    assertThat(IgakuQa119Answers.displayName("gpt-4o-2024-08-06")).isEqualTo("gpt-4o-2024-08-06 (IgakuQA119)");
    assertThat(IgakuQa119Answers.displayName("qwen3:32b")).isEqualTo("qwen3 (IgakuQA119)");
  }

  @Test
  void anImportedFileSaysWhereItCameFromAndKeepsWhatTheSourceKept(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("pfn.json");
    assertThat(Cli.run(importArgs(out, answerSets().get("pfn-medllm-qwen-72b"))).exitCode()).isZero();
    ResultFile f = ResultFiles.read(out);
    assertThat(f.metadata().model()).isEqualTo("ollama-models/Preferred-MedLLM-Qwen-72B-bf16.gguf:latest");
    assertThat(f.metadata().displayName()).as("the model's own name, marked as IgakuQA119's run")
        .isEqualTo("Preferred-MedLLM-Qwen-72B-bf16 (IgakuQA119)");
    assertThat(f.metadata().extra().get("exam").asText()).isEqualTo("119");
    assertThat(f.metadata().extra().get("answer_key").asText()).isEqualTo("official");
    assertThat(f.metadata().extra().get("imported_from").get("format").asText()).isEqualTo("igakuqa119");
    assertThat(f.metadata().extra().get("imported_from").get("files")).hasSize(6);
    QuestionResult e28 = f.results().stream().filter(r -> r.questionId().equals("119E-28")).findFirst().orElseThrow();
    assertThat(e28.rawResponse()).isEqualTo("a");
    assertThat(e28.correct()).isTrue();
    QuestionResult b43 = f.results().stream().filter(r -> r.questionId().equals("119B-43")).findFirst().orElseThrow();
    assertThat(b43.rawResponse()).isEqualTo("d, e");
    assertThat(b43.reasoning()).isNotBlank();
    assertThat(b43.extra().get("confidence").asDouble()).isEqualTo(0.96287350423431);
  }

  @Test
  void rescoringAnImportedFileKeepsItsPredictionsAndFigures(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("pfn.json");
    assertThat(Cli.run(importArgs(out, answerSets().get("pfn-medllm-qwen-72b"))).exitCode()).isZero();
    byte[] before = Files.readAllBytes(out);
    Cli.Outcome o = Cli.run("rescore", "--exam", "119", "--dataset", ROOT.toString(), out.toString());
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("score 332/500").contains("0 changed");
    assertThat(Files.readAllBytes(out)).isEqualTo(before);
  }

  @Test
  void anExistingOutputIsNeverOverwritten(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("taken.json");
    Files.writeString(out, "keep me");
    Cli.Outcome o = Cli.run(importArgs(out, answerSets().get("pfn-medllm-qwen-72b")));
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("jmle-bench: " + out
        + ": already exists; an import never overwrites a file (choose another --out)");
    assertThat(Files.readString(out)).isEqualTo("keep me");
  }

  @Test
  void aFileOfAnotherFormatIsOneLineNamingIt(@TempDir Path tmp) {
    Path out = tmp.resolve("x.json");
    Cli.Outcome o = Cli.run("import", "igakuqa119", "--dataset", ROOT.toString(), "--out", out.toString(),
        ROOT.resolve("questions/119A_json.json").toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err().strip()).isEqualTo("jmle-bench: " + ROOT.resolve("questions/119A_json.json")
        + ": not an IgakuQA119 answer file (expected an object with a 'results' array)");
    assertThat(out).doesNotExist();
  }

  private static String[] importArgs(Path out, List<Path> inputs) {
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", ROOT.toString(),
        "--out", out.toString()));
    inputs.forEach(p -> args.add(p.toString()));
    return args.toArray(String[]::new);
  }

  /** Answer files by experiment name, every block present. */
  static Map<String, List<Path>> answerSets() throws IOException {
    Map<String, List<Path>> sets = new TreeMap<>();
    for (Path p : files(ROOT.resolve("answers"), p -> ANSWER_FILE.matcher(p.getFileName().toString()).matches())) {
      Matcher m = ANSWER_FILE.matcher(p.getFileName().toString());
      m.matches();
      sets.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(p);
    }
    sets.values().removeIf(files -> files.size() != 6);
    return sets;
  }

  private static Path publishedSummary(String experiment) throws IOException {
    String name = "119_" + experiment + "_summary.txt";
    return files(ROOT.resolve("results"), p -> p.getFileName().toString().equals(name)).stream().findFirst()
        .orElse(null);
  }

  private static List<Path> files(Path dir, Predicate<Path> keep) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
    }
  }

  // ---- the figures, both sides in the summary's own words --------------------------------------

  private static final Pattern SECTION = Pattern.compile("--- (.+?) ---");
  private static final Pattern COUNT = Pattern.compile("(正解数/問題数|獲得点/満点): (\\d+) / (\\d+)");
  private static final Pattern RATE = Pattern.compile("(正答率|得点率): ([\\d.]+)%");
  private static final Pattern BLOCK = Pattern.compile("ブロック ([A-F]): 正答率 ([\\d.]+)%, 得点率 ([\\d.]+)%");

  /** Every figure the published summary lists, keyed by section and name. */
  static Map<String, String> publishedFigures(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String section = "";
    for (String line : text.split("\n")) {
      Matcher s = SECTION.matcher(line);
      if (s.find()) {
        section = s.group(1);
        continue;
      }
      Matcher c = COUNT.matcher(line);
      if (c.find()) {
        out.put(section + " " + c.group(1), c.group(2) + " / " + c.group(3));
      }
      Matcher r = RATE.matcher(line);
      if (r.find() && !line.contains("ブロック")) {
        out.put(section + " " + r.group(1), r.group(2));
      }
      Matcher b = BLOCK.matcher(line);
      if (b.find()) {
        out.put(section + " " + b.group(1) + " 正答率", b.group(2));
        out.put(section + " " + b.group(1) + " 得点率", b.group(3));
      }
    }
    return out;
  }

  /** The same figures computed from an imported result file and the 119th's points. */
  static Map<String, String> ourFigures(ResultFile f) {
    Dataset d = SharedData.dataset119();
    Map<String, String> out = new LinkedHashMap<>();
    part(out, "全体", f, d, q -> true);
    part(out, "一般問題 (A,C,D,F)", f, d, q -> !Part.isRequired(q));
    part(out, "必修問題 (B,E)", f, d, Part::isRequired);
    part(out, "画像なし - 全体", f, d, q -> !q.requiresImage());
    part(out, "画像なし - 一般問題 (A,C,D,F)", f, d, q -> !q.requiresImage() && !Part.isRequired(q));
    part(out, "画像なし - 必修問題 (B,E)", f, d, q -> !q.requiresImage() && Part.isRequired(q));
    for (String block : List.of("A", "B", "C", "D", "E", "F")) {
      blockRates(out, "ブロック別結果 (全体)", f, d, q -> q.block().equals(block), block);
    }
    for (String block : List.of("A", "B", "C", "D", "E", "F")) {
      blockRates(out, "画像なしのブロック別結果", f, d, q -> q.block().equals(block) && !q.requiresImage(), block);
    }
    // the summary file's own total lines come first in the published order; keep the same key order
    return out;
  }

  private static int[] tally(ResultFile f, Dataset d, Predicate<Question> in) {
    int correct = 0;
    int total = 0;
    int score = 0;
    int max = 0;
    for (QuestionResult r : f.results()) {
      Question q = d.question(r.questionId()).orElseThrow();
      if (in.test(q)) {
        total++;
        max += Points.of(q);
        if (r.correct()) {
          correct++;
          score += Points.of(q);
        }
      }
    }
    return new int[] {correct, total, score, max};
  }

  private static void part(Map<String, String> out, String section, ResultFile f, Dataset d, Predicate<Question> in) {
    int[] t = tally(f, d, in);
    out.put(section + " 正解数/問題数", t[0] + " / " + t[1]);
    out.put(section + " 正答率", pct(t[0], t[1]));
    out.put(section + " 獲得点/満点", t[2] + " / " + t[3]);
    out.put(section + " 得点率", pct(t[2], t[3]));
  }

  private static void blockRates(Map<String, String> out, String section, ResultFile f, Dataset d,
      Predicate<Question> in, String block) {
    int[] t = tally(f, d, in);
    out.put(section + " " + block + " 正答率", pct(t[0], t[1]));
    out.put(section + " " + block + " 得点率", pct(t[2], t[3]));
  }

  /** Python's {@code f"{x * 100:.2f}"}: the double, rounded from its exact binary value, ties to even. */
  private static String pct(int n, int d) {
    return new BigDecimal((double) n / d * 100).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  static {
    if (!Files.isDirectory(ROOT)) {
      throw new UncheckedIOException(new IOException(ROOT + " is not there"));
    }
  }
}
