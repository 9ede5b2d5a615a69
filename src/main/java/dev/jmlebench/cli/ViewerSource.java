package dev.jmlebench.cli;

import dev.jmlebench.viewer.LiveFolder;
import dev.jmlebench.viewer.ViewerSite;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the viewer shows: a folder of result files and the datasets of the exams they answer. */
final class ViewerSource {
  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Folder of result files (*.json). Default: ${DEFAULT-VALUE}")
  Path results;

  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;

  /**
   * The folder's runs grouped by exam, each exam's dataset and key found as {@code leaderboard} finds them:
   * {@code --dataset} once per exam, else that exam's cache.
   */
  ViewerSite load(PrintWriter err) {
    ViewerSite site = ViewerSite.load(results, dataset.perExam(), answerKey::forExam);
    answerKey.warnOfUnused(err);
    return site;
  }

  /**
   * As {@link #load}, as a folder to follow while it changes ({@code serve}), read in the background: call
   * {@link #read} once it is read.
   */
  LiveFolder follow() {
    return LiveFolder.start(results, dataset.perExam(), answerKey::forExam);
  }

  /** What is said once the folder is read: an answer key given for an exam it does not hold. */
  void read(PrintWriter err) {
    answerKey.warnOfUnused(err);
  }
}
