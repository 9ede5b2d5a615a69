package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetDownloader;
import dev.jmlebench.dataset.DatasetReport;
import dev.jmlebench.dataset.DatasetVerifier;
import dev.jmlebench.dataset.Manifest;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.Part;
import dev.jmlebench.score.Points;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
        info(dataset.loadAsItIs(exam));
      }
      return Main.OK;
    }

    private void info(Dataset d) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(DatasetReport.render(d, block -> Part.isRequired(d.exam(), block), Points::of));
      out.flush();
    }
  }
}
