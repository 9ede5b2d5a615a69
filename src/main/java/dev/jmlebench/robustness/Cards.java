package dev.jmlebench.robustness;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.leaderboard.CardCharts;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.ScoredRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A folder of result files → one model's robustness card: read, choose the runs, grade them, compute. */
public final class Cards {
  private Cards() {}

  /** Every result file directly in {@code dir}, in file-name order; other JSON files go to {@code skipped}. */
  public static List<CardRuns.Candidate> read(Path dir, Consumer<Path> skipped) {
    List<CardRuns.Candidate> out = new ArrayList<>();
    for (Path f : ResultFolder.list(dir, dir.toString())) {
      Optional<ResultFile> file = ResultFolder.readIfResultFile(f);
      if (file.isEmpty()) {
        skipped.accept(f);
      } else {
        out.add(new CardRuns.Candidate(f.toString(), file.get()));
      }
    }
    return out;
  }

  /**
   * The card of the chosen runs, each graded under the exam's answer key ({@code keyOf}; a file graded with
   * another key is graded again in memory, never rewritten).
   */
  public static RobustnessCard of(CardRuns.Selection s, Function<String, AnswerKey> keyOf,
      Function<String, Dataset> datasetOf, Bootstrap bootstrap) {
    AnswerKey key = keyOf.apply(s.exam());
    Dataset dataset = datasetOf.apply(s.exam());
    CardRun defaultRun = run(s.defaultRun(), null, key, dataset);
    List<CardRun> variants = s.variants().stream().map(c -> run(c.candidate(), c.variant(), key, dataset)).toList();
    Set<String> images = dataset.questions().stream().filter(Question::requiresImage).map(Question::questionId)
        .collect(Collectors.toSet());
    return RobustnessCard.of(s.exam(), key.name(), defaultRun, variants, s.left(), key.criteria(), images,
        bootstrap);
  }

  /**
   * Draws the card's charts beside {@code file}, named after it without its extension ({@code card.txt} →
   * {@code card.differences.png}, …); returns the files written.
   */
  public static List<Path> drawCharts(RobustnessCard card, Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path stem = file.resolveSibling(dot > 0 ? name.substring(0, dot) : name);
    List<CardCharts.Difference> rows = card.rows().stream().map(r -> new CardCharts.Difference(r.run().label(),
        r.paired().scoreDifference(), r.paired().differenceCi().lower(), r.paired().differenceCi().upper()))
        .toList();
    List<CardCharts.Position> positions = new ArrayList<>();
    PositionBias b = card.choiceOrders() == null ? null : card.choiceOrders().positionBias();
    if (b != null && b.answers() > 0) {
      for (int i = 0; i < b.positions(); i++) {
        positions.add(new CardCharts.Position(PositionBias.letter(i), b.chosenShare(i), b.goldShare(i)));
      }
    }
    return CardCharts.write(stem, card.name() + " — " + ExamOrdinal.of(card.exam()) + " exam, robustness",
        rows, positions);
  }

  private static CardRun run(CardRuns.Candidate c, Variant variant, AnswerKey key, Dataset dataset) {
    ResultFile graded = Rescorer.under(c.result(), key, () -> dataset, c.file());
    return CardRun.of(c.file(), c.result(), ScoredRun.of(graded, key.criteria(), dataset, c.file()), c.subset(),
        variant);
  }
}
