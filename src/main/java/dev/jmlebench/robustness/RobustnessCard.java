package dev.jmlebench.robustness;

import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.DetectableDifference;
import dev.jmlebench.stats.Holm;
import dev.jmlebench.stats.PairedComparison;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.ScoredQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The robustness card of one model on one exam (docs/ROBUSTNESS.md): its default run, and per run that differs
 * from it in one identity field the score, P(pass), the paired difference with its interval and exact McNemar
 * p (Holm-adjusted over the card's rows), and the transitions; over the choice orders the consistency, the
 * every-order score and the position bias; for another image mode the image questions that stay right; and
 * the smallest difference the exam can tell apart for this model.
 *
 * @param model the model id
 * @param name the name the default run is shown by
 * @param exam the exam, e.g. {@code 120}
 * @param answerKey the edition every run is graded with
 * @param defaultRun the default run and its statistics
 * @param rows one per variant run, in the order given
 * @param choiceOrders the choice-order section; null when no run is in another choice order
 * @param noise the detectable difference at the runs' pooled discordance over the default run's questions;
 *     null when there is no row
 * @param notOnCard runs of the model and exam that are not on the card, and why
 */
public record RobustnessCard(String model, String name, String exam, String answerKey, Default defaultRun,
    List<Row> rows, ChoiceOrders choiceOrders, DetectableDifference noise, List<Left> notOnCard,
    Bootstrap bootstrap) {

  public RobustnessCard {
    rows = List.copyOf(rows);
    notOnCard = List.copyOf(notOnCard);
  }

  /** The default run and its statistics. */
  public record Default(CardRun run, RunStatistics statistics) {}

  /**
   * One variant run against the default run.
   *
   * @param paired A = the variant, B = the default, on the questions both answered: {@code scoreDifference()} is
   *     Δ, {@code bOnly()} the questions right by default and wrong in the variant (right→wrong), {@code aOnly()}
   *     the reverse (wrong→right)
   * @param holmP the McNemar p Holm-adjusted over the card's rows
   * @param noise the difference detectable on this row's questions at this row's discordance
   * @param imageAudit for a row in another image mode, with or without images; null otherwise
   */
  public record Row(CardRun run, RunStatistics statistics, PairedComparison paired, double holmP,
      DetectableDifference noise, ImageAudit imageAudit) {
    public int rightToWrong() {
      return paired.bOnly();
    }

    public int wrongToRight() {
      return paired.aOnly();
    }

    /** The share of the paired questions on which the two runs disagree. */
    public double discordance() {
      return RobustnessCard.discordance(paired);
    }
  }

  /** A run of the model and exam that is not on the card, and why. */
  public record Left(String file, String reason) {}

  /**
   * @param imageQuestions the exam's questions that have images (for the image audit)
   */
  public static RobustnessCard of(String exam, String answerKey, CardRun defaultRun, List<CardRun> variants,
      List<Left> notOnCard, ExamCriteria criteria, Set<String> imageQuestions, Bootstrap bootstrap) {
    RunStatistics defaultStats = RunStatistics.of(defaultRun.scored(), criteria, bootstrap);
    List<PairedComparison> paired = new ArrayList<>();
    for (CardRun v : variants) {
      paired.add(PairedComparison.of(v.scored(), defaultRun.scored(), bootstrap));
    }
    double[] holm = Holm.adjust(paired.stream().mapToDouble(PairedComparison::mcnemarP).toArray());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      CardRun v = variants.get(i);
      PairedComparison c = paired.get(i);
      RunStatistics stats = RunStatistics.of(v.scored(), criteria, bootstrap);
      ImageAudit audit = null;
      if (v.variant().kind() == Variant.Kind.IMAGE_MODE) {
        boolean variantSees = sees(v.variant().value());
        if (variantSees != sees(v.variant().defaultValue())) {
          audit = ImageAudit.of(c, variantSees, imageQuestions);
        }
      }
      rows.add(new Row(v, stats, c, holm[i], DetectableDifference.of(discordance(c), weights(c.a().questions())),
          audit));
    }
    // The noise floor at the median discordance of the rows over the whole exam (of all rows when none is):
    // a row with a real effect (a blind run, say) disagrees more, and the median keeps one from setting it.
    List<Row> whole = rows.stream().filter(r -> !r.run().subset()).toList();
    double[] rates = (whole.isEmpty() ? rows : whole).stream().mapToDouble(Row::discordance).sorted().toArray();
    DetectableDifference noise = rows.isEmpty() ? null
        : DetectableDifference.of(median(rates), weights(defaultRun.scored().questions()));

    List<CardRun> orders = new ArrayList<>();
    orders.add(defaultRun);
    variants.stream().filter(CardRun::isChoiceOrder).filter(v -> !isExamOrder(v.variant().value()))
        .forEach(orders::add);
    ChoiceOrders choiceOrders = orders.size() > 1 ? ChoiceOrders.of(orders) : null;
    return new RobustnessCard(defaultRun.scored().model(), defaultRun.scored().name(), exam, answerKey,
        new Default(defaultRun, defaultStats), rows, choiceOrders, noise, notOnCard, bootstrap);
  }

  /** {@code cyclic:0} shows the exam's order: a second run of the default protocol, not another order. */
  static boolean isExamOrder(String choiceOrder) {
    return choiceOrder.matches("cyclic:0+");
  }

  private static boolean sees(String imageMode) {
    return ImageMode.VISION.wireName().equals(imageMode);
  }

  private static double discordance(PairedComparison c) {
    return (double) (c.aOnly() + c.bOnly()) / c.questions();
  }

  /** The middle value of sorted values, or the mean of the middle two. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static int[] weights(List<ScoredQuestion> questions) {
    return questions.stream().mapToInt(ScoredQuestion::maxPoints).toArray();
  }
}
