package dev.jmlebench.viewer;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A lab's worth of result files for the scale benchmark (issue 23.5, bench/scale.sh): 7 exams × 54 models × 8
 * variants = 3,024 files, made from the shared material — the 120th's 8 published files, the 119th's PFN answers
 * and the IgakuQA predictions of ChatGPT, GPT-3 and the examinees' majority for the 112th-116th, imported as a user
 * imports them — each copy with a name of its own and some of its answers changed to another letter (a share that
 * differs from copy to copy, so every file, every pair and every interval is different), then graded as a run
 * would be. Test scope, not part of {@code ./mvnw verify}.
 *
 * <pre>java -cp … dev.jmlebench.viewer.ScaleFolder OUT [FILES_PER_EXAM]</pre>
 */
public final class ScaleFolder {
  private static final List<String> EXAMS = List.of("120", "119", "116", "115", "114", "113", "112");
  private static final List<String> IGAKUQA_MODELS = List.of("chatgpt", "gpt3", "student-majority");
  private static final int VARIANTS = 8;

  private ScaleFolder() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int perExam = args.length > 1 ? Integer.parseInt(args[1]) : 54 * VARIANTS;
    Path sources = Files.createTempDirectory("jmle-scale-sources");
    Files.createDirectories(out);
    long start = System.nanoTime();
    int written = 0;
    for (Map.Entry<String, List<Path>> exam : sources(sources).entrySet()) {
      Dataset dataset = SeveralExams.dataset(exam.getKey());
      AnswerKey key = AnswerKey.chosen(exam.getKey(), null).checkedAgainst(dataset);
      List<ResultFile> originals = exam.getValue().stream().map(ResultFiles::read).toList();
      for (int i = 0; i < perExam; i++) {
        ResultFile source = originals.get(i % originals.size());
        int model = i / VARIANTS;
        int variant = i % VARIANTS;
        String name = String.format("%s m%02d v%d", source.metadata().name(), model, variant);
        ResultFile changed = changed(source, i).withMetadata(renamed(source.metadata(), name,
            String.format("scale/m%02d-v%d", model, variant)));
        Path file = out.resolve(String.format("%s_m%02d_v%d_%d.json", exam.getKey(), model, variant, i));
        ResultFiles.write(file, Rescorer.regrade(changed, dataset, key, file.toString()));
        written++;
      }
      System.out.printf("exam %s: %d files from %d sources%n", exam.getKey(), perExam, originals.size());
    }
    System.out.printf("wrote %d result files to %s in %.1f s%n", written, out, (System.nanoTime() - start) / 1e9);
  }

  /** The sources of each exam, newest exam first: copied (the 120th) or imported as a user imports them. */
  private static Map<String, List<Path>> sources(Path dir) throws IOException {
    Map<String, List<Path>> byExam = new TreeMap<>((a, b) -> Integer.compare(EXAMS.indexOf(a), EXAMS.indexOf(b)));
    byExam.put("120", SharedData.publishedResults());
    Path pfn = dir.resolve("pfn-119.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
        "--display-name", SeveralExams.PFN, "--out", pfn.toString()));
    args.addAll(files(SharedData.root119().resolve("answers/demo"), "119[A-F]_" + SeveralExams.PFN + "\\.json"));
    run(args);
    byExam.put("119", List.of(pfn));
    for (String exam : EXAMS.subList(2, EXAMS.size())) {
      Path year = SharedData.rootIgakuqa().resolve("baseline_results/" + (Integer.parseInt(exam) + 1906));
      List<Path> imported = new ArrayList<>();
      for (String model : IGAKUQA_MODELS) {
        Path f = dir.resolve(model + "-" + exam + ".json");
        List<String> a = new ArrayList<>(List.of("import", "igakuqa", "--dataset", SharedData.rootIgakuqa().toString(),
            "--out", f.toString()));
        a.addAll(files(year, exam + "-[A-F]_" + model + "\\.jsonl"));
        run(a);
        imported.add(f);
      }
      byExam.put(exam, imported);
    }
    return byExam;
  }

  /** The file with a share of its letter answers moved to the next letter (a→b, …, e→a): 1-12% by copy. */
  private static ResultFile changed(ResultFile file, int copy) {
    int percent = 1 + copy % 12;
    List<QuestionResult> results = new ArrayList<>(file.results().size());
    for (QuestionResult r : file.results()) {
      boolean letters = !r.predicted().isEmpty() && r.predicted().stream().allMatch(p -> p.matches("[a-e]"));
      if (letters && Math.floorMod((r.questionId() + "#" + copy).hashCode(), 100) < percent) {
        List<String> next = r.predicted().stream().map(p -> String.valueOf((char) ('a' + (p.charAt(0) - 'a' + 1) % 5)))
            .distinct().sorted().toList();
        results.add(new QuestionResult(r.questionId(), next, r.gold(), r.correct(), r.rawResponse(), r.parseSuccess(),
            r.error(), r.reasoning(), r.extra()));
      } else {
        results.add(r);
      }
    }
    return file.withResults(results);
  }

  private static RunMetadata renamed(RunMetadata m, String displayName, String model) {
    return new RunMetadata(model, m.baseUrl(), m.timestamp(), m.imageMode(), m.extraBody(), m.totalQuestions(),
        m.attempted(), m.skippedImage(), displayName, m.extra());
  }

  private static List<String> files(Path dir, String regex) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(regex)).sorted().map(Path::toString).toList();
    }
  }

  private static void run(List<String> args) {
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    if (o.exitCode() != 0) {
      throw new UncheckedIOException(new IOException(String.join(" ", args) + ": " + o.err()));
    }
  }
}
