package dev.jmlebench.cli;

import dev.jmlebench.robustness.CardJson;
import dev.jmlebench.robustness.CardRuns;
import dev.jmlebench.robustness.CardText;
import dev.jmlebench.robustness.Cards;
import dev.jmlebench.robustness.RobustnessCard;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.common.AtomicFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code robustness DIR}: would the score hold under another order, language, image mode or effort? */
@Command(name = "robustness", mixinStandardHelpOptions = true,
    description = {"The robustness card of one model on one exam: its runs in DIR that differ from its default "
        + "run in exactly one identity field (choice order, language, image mode, extra body, …; a run of part "
        + "of the exam, such as the image audit's --questions images, is compared on the questions it asked), "
        + "each against the default: score and P(pass), the difference in points with its 95%% paired-bootstrap "
        + "interval, the exact McNemar p Holm-adjusted over the card's rows, and the questions that turned "
        + "right→wrong and wrong→right.",
        "Over the choice orders: the consistency (questions answered alike in every order, in the exam's "
        + "letters), the score counting a question right only when right in every order, and the position "
        + "bias (each shown position chosen vs holding the gold, tested). For another image mode: the image "
        + "questions that stay right without the images. And the smallest difference the exam can tell apart "
        + "for this model, so the card says what is noise. Every figure and its source: docs/ROBUSTNESS.md."})
final class RobustnessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatasetOption dataset;
  @Mixin AnswerKeyOption answerKey;

  @Parameters(paramLabel = "DIR", description = "The folder of result files (*.json) holding the model's runs.")
  Path dir;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "The model (its id, or display name) when DIR holds runs of several.")
  String model;

  @Option(names = "--default", paramLabel = "FILE",
      description = "The default run to compare with, when the card cannot choose one (it takes the run of the "
          + "whole exam, in the exam's choice order and language, that the most others differ from in one field; "
          + "among equals the one that sees the images).")
  String defaultFile;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the card (text, or JSON with --json) to FILE instead of printing it, and draw its "
          + "charts beside it as PNG and SVG, named after it: FILE.differences (each variant's difference with "
          + "its interval) and, over choice orders, FILE.position-bias.")
  Path outFile;

  @Option(names = "--json", description = "Print JSON (schema jmle-bench.robustness/1, docs/ROBUSTNESS.md) "
      + "instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<CardRuns.Candidate> candidates = Cards.read(dir, skipped -> err.println("skipped " + skipped
        + ": not a result file (no results array)"));
    err.flush();
    CardRuns.Selection selection = CardRuns.select(candidates, model, dataset.exam, defaultFile, dir.toString());
    RobustnessCard card = Cards.of(selection, answerKey::forExam, dataset.perExam(), Bootstrap.DEFAULT);
    String shown = json ? StatisticsJson.write(CardJson.of(card)) : CardText.of(card);
    if (outFile == null) {
      out.print(shown);
    } else {
      AtomicFiles.write(outFile, shown.getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + outFile);
      Cards.drawCharts(card, outFile).forEach(f -> out.println("wrote " + f));
    }
    out.flush();
    answerKey.warnOfUnused(err);
    return Main.OK;
  }
}
