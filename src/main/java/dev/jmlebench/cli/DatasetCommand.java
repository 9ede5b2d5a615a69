package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetDownloader;
import dev.jmlebench.dataset.DatasetVerifier;
import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.Part;
import dev.jmlebench.score.Points;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dataset download | verify | info}. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = "Download, verify and describe an exam's dataset (--exam; every bundled exam with --all).",
    subcommands = {DatasetCommand.Download.class, DatasetCommand.Verify.class, DatasetCommand.Info.class})
final class DatasetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = {"Fetch an exam's files (questions, answer key, images) from its public upstream at the "
          + "pinned commit, verifying every SHA-256. Files already present and intact are kept, so an "
          + "interrupted download resumes."})
  static final class Download implements Callable<Integer> {
    @Mixin DatasetOption dataset;
    @Spec CommandSpec spec;

    @Option(names = "--source", paramLabel = "URL",
        description = "Base URL to fetch from (a mirror). Default: raw GitHub at the pinned commit.")
    String source;

    @Option(names = "--all", description = "Every bundled exam, each into its own cache folder.")
    boolean all;

    @Option(names = "--language", paramLabel = "LANG",
        description = "Also fetch the translation into LANG that the exam's source publishes, to ask the exam "
            + "in it (en: IgakuQA's English of 112-116; with --all, of the exams that have one).")
    String language;

    @Override
    public Integer call() {
      for (ExamSpec exam : dataset.exams(all)) {
        String translation = language == null || all && exam.translationManifest(language).isEmpty() ? null
            : Exams.translationManifest(exam, language, "--language");
        download(exam, Manifest.bundled(exam.sourceManifest()));
        if (translation != null) {
          download(exam, Manifest.bundled(translation));
        }
      }
      return Main.OK;
    }

    private void download(ExamSpec exam, Manifest manifest) {
      Path dir = dataset.directory(exam);
      String from = source != null ? source : manifest.defaultSource();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Downloading %d files from %s%n  into %s%n", manifest.entries().size(), from, dir);
      out.flush();
      int fetched = new DatasetDownloader(manifest, from).download(dir, step -> {
        if (step.outcome().equals("fetched")) {
          out.printf("  [%3d/%d] %-28s %,9d bytes  ok%n", step.index(), step.total(), step.path(), step.bytes());
          out.flush();
        }
      });
      out.printf("Done: %d fetched, %d already present, all %d verified (upstream %s).%n",
          fetched, manifest.entries().size() - fetched, manifest.entries().size(), manifest.commit());
      out.flush();
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check a local copy of an exam against its pinned SHA-256 manifest.")
  static final class Verify implements Callable<Integer> {
    @Mixin DatasetOption dataset;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Every bundled exam's cache folder.")
    boolean all;

    @Override
    public Integer call() {
      for (ExamSpec exam : dataset.exams(all)) {
        verify(exam);
      }
      return Main.OK;
    }

    private void verify(ExamSpec exam) {
      Manifest manifest = Manifest.bundled(exam.sourceManifest());
      Path dir = dataset.directory(exam);
      List<DatasetVerifier.Problem> problems = DatasetVerifier.verify(dir, manifest);
      PrintWriter out = spec.commandLine().getOut();
      if (problems.isEmpty()) {
        out.printf("%s: all %d files match the manifest (upstream %s)%n", dir, manifest.entries().size(),
            manifest.commit());
        out.flush();
        return;
      }
      PrintWriter err = spec.commandLine().getErr();
      problems.forEach(p -> err.println("  " + p.describe()));
      err.flush();
      throw new UserError(dir + ": " + problems.size() + " of " + manifest.entries().size()
          + " files missing or corrupt; run `jmle-bench dataset download --exam " + exam.id() + "` to repair");
    }
  }

  @Command(name = "info", mixinStandardHelpOptions = true,
      description = "Print an exam's counts by block, type, image and serial group, and its points.")
  static final class Info implements Callable<Integer> {
    @Mixin DatasetOption dataset;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Every bundled exam whose data is in its cache folder.")
    boolean all;

    @Override
    public Integer call() {
      for (ExamSpec exam : dataset.exams(all)) {
        info(dataset.load(exam));
      }
      return Main.OK;
    }

    private void info(Dataset d) {
      List<Question> qs = d.questions();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s%n  exam %s, %d questions, sha256 %s%n", d.directory(), d.exam(), qs.size(), d.sha256());
      Map<String, Long> blocks = qs.stream().collect(Collectors.groupingBy(Question::block, TreeMap::new,
          Collectors.counting()));
      out.println("  by block:  " + blocks.entrySet().stream()
          .map(e -> e.getKey() + (Part.isRequired(d.exam(), e.getKey()) ? "(必修)" : "") + " " + e.getValue())
          .collect(Collectors.joining("  ")));
      Map<String, Long> types = qs.stream().collect(Collectors.groupingBy(q -> q.type().wireName(),
          TreeMap::new, Collectors.counting()));
      out.println("  by type:   " + types.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining("  ")));
      long withImage = qs.stream().filter(Question::requiresImage).count();
      long refs = qs.stream().mapToLong(q -> q.clinicalImages().size()).sum();
      long files = qs.stream().flatMap(q -> q.clinicalImages().stream()).distinct().count();
      out.printf("  by image:  text_only %d  with_image %d  (%d image references, %d distinct files)%n",
          qs.size() - withImage, withImage, refs, files);
      Map<Integer, Long> select = qs.stream().collect(Collectors.groupingBy(Question::numChoicesToSelect,
          TreeMap::new, Collectors.counting()));
      out.println("  choices to select: " + select.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
          .collect(Collectors.joining("  ")));
      long groups = qs.stream().flatMap(q -> q.serialGroup().stream()).map(g -> g.groupId()).distinct().count();
      long inGroups = qs.stream().filter(q -> q.serialGroup().isPresent()).count();
      out.printf("  serial groups: %d, covering %d questions%n", groups, inGroups);
      List<String> imageless = qs.stream().filter(q -> q.requiresImage() && q.clinicalImages().isEmpty())
          .map(Question::questionId).toList();
      if (!d.hasImages()) {
        out.printf("  images: the source released none; its %d image questions are asked as text (blind)%n",
            imageless.size());
      } else if (!imageless.isEmpty()) {
        out.println("  image questions without an image file (asked as text): " + String.join(", ", imageless));
      }
      int required = qs.stream().filter(Part::isRequired).mapToInt(Points::of).sum();
      int general = qs.stream().filter(q -> !Part.isRequired(q)).mapToInt(Points::of).sum();
      int textOnly = qs.stream().filter(q -> !q.requiresImage()).mapToInt(Points::of).sum();
      out.printf("  points:    %d (required %d, general %d; text-only %d)%n", required + general, required,
          general, textOnly);
      if (d.isAnnotated()) {
        long prohibited = qs.stream().filter(q -> d.annotation(q.questionId())
            .filter(a -> !a.prohibited().isEmpty()).isPresent()).count();
        out.printf("  prohibited choices (禁忌肢, annotated by the source's authors, not official): %d questions%n",
            prohibited);
      }
      out.flush();
    }
  }
}
