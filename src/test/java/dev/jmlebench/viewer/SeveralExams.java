package dev.jmlebench.viewer;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A results folder of five exams, built as a user builds one: the 120th's published result files copied in,
 * the 119th's published answers of PFN's model imported ({@code import igakuqa119}), and ChatGPT's published
 * IgakuQA predictions of the 113th-115th imported ({@code import igakuqa}, graded under the official key the
 * viewer uses by default), so that one model sat three exams.
 */
final class SeveralExams {
  /** The IgakuQA exams ChatGPT's row spans, with the folder of baseline_results each is in. */
  static final List<String> IGAKUQA = List.of("113", "114", "115");
  static final String PFN = "pfn-medllm-qwen-72b";
  static final String CHATGPT = "ChatGPT";

  private SeveralExams() {}

  /** Fills {@code dir} (created if need be) with the published results and the imports. */
  static Path build(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Path f : SharedData.publishedResults()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
      List<String> pfn = new ArrayList<>(List.of("import", "igakuqa119", "--dataset", SharedData.root119().toString(),
          "--display-name", PFN, "--out", dir.resolve(PFN + "-119.json").toString()));
      pfn.addAll(files(SharedData.root119().resolve("answers/demo"), "119[A-F]_" + PFN + "\\.json"));
      run(pfn);
      for (String exam : IGAKUQA) {
        Path year = SharedData.rootIgakuqa().resolve("baseline_results/" + (Integer.parseInt(exam) + 1906));
        List<String> chatgpt = new ArrayList<>(List.of("import", "igakuqa", "--dataset",
            SharedData.rootIgakuqa().toString(), "--display-name", CHATGPT, "--key", "official",
            "--out", dir.resolve("chatgpt-" + exam + ".json").toString()));
        chatgpt.addAll(files(year, exam + "-[A-F]_chatgpt\\.jsonl"));
        run(chatgpt);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each exam's dataset, as the shared material (or its downloaded copy) holds it. */
  static Dataset dataset(String exam) {
    return switch (exam) {
      case "120" -> SharedData.dataset();
      case "119" -> SharedData.dataset119();
      default -> SharedData.datasetIgakuqa(exam);
    };
  }

  /** The folder as {@code serve} shows it with no {@code --key}: each exam under its default edition. */
  static ViewerSite load(Path dir) {
    return ViewerSite.load(dir, SeveralExams::dataset, exam -> AnswerKey.chosen(exam, null));
  }

  /** The {@code --dataset} options that name every exam's folder, as {@code leaderboard} takes them. */
  static List<String> datasetOptions() {
    return List.of("--dataset", SharedData.root().toString(), "--dataset", SharedData.root119().toString(),
        "--dataset", SharedData.rootIgakuqa().toString());
  }

  private static List<String> files(Path dir, String regex) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(regex)).sorted().map(Path::toString).toList();
    }
  }

  private static void run(List<String> args) {
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    if (o.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", args) + ": " + o.err());
    }
  }
}
