package dev.jmlebench.robustness;

import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.stats.DetectableDifference;
import dev.jmlebench.stats.MarginalHomogeneity;
import dev.jmlebench.stats.PointInterval;
import dev.jmlebench.stats.RunStatistics;
import java.util.Locale;

/** The card as {@code robustness} prints it: within 80 columns, one figure per cell, the methods named. */
public final class CardText {
  /** The variant column; a longer label gets a line of its own above its figures. */
  private static final int LABEL = 21;

  private CardText() {}

  public static String of(RobustnessCard card) {
    StringBuilder sb = new StringBuilder();
    RobustnessCard.Default d = card.defaultRun();
    sb.append("Robustness card: ").append(card.name());
    if (!card.name().equals(card.model())) {
      sb.append(" (").append(card.model()).append(')');
    }
    sb.append(", the ").append(ExamOrdinal.of(card.exam())).append(" exam, ").append(card.answerKey())
        .append(" key\n");
    sb.append("Default run  ").append(d.run().file()).append('\n');
    sb.append("  score ").append(score(d.statistics())).append("   P(pass) ").append(pass(d.statistics()))
        .append('\n');

    if (card.rows().isEmpty()) {
      sb.append("\nNo run here differs from the default in one field: nothing to compare (docs/ROBUSTNESS.md).\n");
    } else {
      sb.append('\n');
      sb.append(String.format(Locale.ROOT, "%-" + LABEL + "s %-14s %7s %4s %-10s %6s %4s %4s%n",
          "Variant", "Score", "P(pass)", "Δ", "95% CI", "Holm p", "R→W", "W→R"));
      for (RobustnessCard.Row r : card.rows()) {
        String label = r.run().label();
        if (label.length() > LABEL) {
          sb.append(label).append('\n');
          label = "";
        }
        sb.append(String.format(Locale.ROOT, "%-" + LABEL + "s %-14s %7s %4s %-10s %6s %4d %4d%n",
            label, score(r.statistics()), pass(r.statistics()), signed(r.paired().scoreDifference()),
            signed(r.paired().differenceCi()), p(r.holmP()), r.rightToWrong(), r.wrongToRight()));
        if (r.run().subset()) {
          sb.append(String.format(Locale.ROOT, "%" + LABEL + "s  (on the %d questions it asked: default %d/%d)%n",
              "", r.paired().questions(), r.paired().bScore(), r.paired().scoreMax()));
        }
      }
      sb.append(String.format(Locale.ROOT, "Δ: points against the default on the questions both answered; 95%% CI: paired%n"
          + "bootstrap, serial groups whole, %,d resamples, seed %d. Holm p:%n"
          + "exact McNemar, Holm-adjusted over the %d rows. R→W: right by default, wrong%n"
          + "here; W→R: the reverse.%n",
          card.bootstrap().resamples(), card.bootstrap().seed(), card.rows().size()));
    }

    if (card.choiceOrders() != null) {
      choiceOrders(sb, card.choiceOrders());
    }
    for (RobustnessCard.Row r : card.rows()) {
      if (r.imageAudit() != null) {
        imageAudit(sb, r);
      }
    }
    if (card.noise() != null) {
      DetectableDifference n = card.noise();
      sb.append("\nSmallest difference the exam can tell apart\n");
      if (n.discordance() == 0) {
        sb.append("  Not measurable: no run here disagrees with the default on any question,\n"
            + "  so there is no run-to-run noise to measure (a deterministic model, a replay).\n");
      } else {
        sb.append(String.format(Locale.ROOT, "  %.1f points (%.1f questions, %s of %d): a paired difference smaller%n"
                + "  than that is noise for this model — 80%% power at two-sided α 0.05, given%n"
                + "  that its runs here disagree on %s of the questions (the rows' median).%n",
            n.points(), n.questionCount(), pct(n.accuracyShare()), n.questions(), pct(n.discordance())));
      }
    }
    if (!card.notOnCard().isEmpty()) {
      sb.append("\nNot on the card\n");
      for (RobustnessCard.Left l : card.notOnCard()) {
        wrap(sb, l.file() + ": " + l.reason(), "  ", "    ");
      }
    }
    return sb.toString();
  }

  private static void choiceOrders(StringBuilder sb, ChoiceOrders c) {
    sb.append(String.format(Locale.ROOT, "%nChoice order over %d orders (%s)%n", c.orders().size(),
        String.join(", ", c.orders().stream().map(o -> o.replace("choice order ", "")).toList())));
    sb.append(String.format(Locale.ROOT, "  Consistency       %d/%d (%s) of the questions moved answered alike%n",
        c.consistent(), c.moved(), pct(Ratio.of(c.consistent(), c.moved()))));
    sb.append(String.format(Locale.ROOT, "  Every-order score %d/%d (%s): right only if right in every order%n",
        c.everyOrderScore(), c.scoreMax(), pct(Ratio.of(c.everyOrderScore(), c.scoreMax()))));
    sb.append(String.format(Locale.ROOT, "                    default %d/%d, mean over the orders %.1f%n",
        c.defaultScore(), c.scoreMax(), c.meanScore()));
    PositionBias b = c.positionBias();
    if (b.answers() == 0) {
      sb.append("  Position bias     no one-answer question answered with one letter\n");
      return;
    }
    sb.append(String.format(Locale.ROOT, "  Position bias     %,d one-letter answers to one-answer questions%n",
        b.answers()));
    sb.append("    shown   chosen    gold   chosen − gold\n");
    for (int i = 0; i < b.positions(); i++) {
      double diff = b.chosenShare(i) - b.goldShare(i);
      String bar = bar(diff);
      sb.append(String.format(Locale.ROOT, "    %-5s %8s %7s   %+6.1f pp%s%n", PositionBias.letter(i),
          pct(b.chosenShare(i)), pct(b.goldShare(i)), diff * 100, bar.isEmpty() ? "" : " " + bar));
    }
    MarginalHomogeneity t = b.test();
    sb.append(String.format(Locale.ROOT, "    Stuart–Maxwell, clustered by question: χ²(%d) = %.1f, p %s%n",
        t.degreesOfFreedom(), t.statistic(), t.p() < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f",
            t.p())));
    sb.append("    PriDe prior: not estimated, it needs each choice's probability\n");
  }

  private static void imageAudit(StringBuilder sb, RobustnessCard.Row r) {
    ImageAudit a = r.imageAudit();
    sb.append(String.format(Locale.ROOT, "%nImage audit (%s)%n", r.run().label()));
    sb.append(String.format(Locale.ROOT, "  %d of the %d image questions right with the images stay right "
        + "without%n  them (%s); %d of %d right without the images in all%n", a.stayRight(), a.rightWithImages(),
        pct(Ratio.of(a.stayRight(), a.rightWithImages())), a.rightWithout(), a.imageQuestions()));
  }

  /** Appends {@code text} broken at spaces to fit 80 columns (a word longer than a line keeps its own). */
  private static void wrap(StringBuilder sb, String text, String first, String next) {
    StringBuilder line = new StringBuilder(first);
    int length = first.length();
    boolean empty = true;
    for (String word : text.split(" ")) {
      int w = word.codePointCount(0, word.length());
      if (!empty && length + 1 + w > 80) {
        sb.append(line).append('\n');
        line = new StringBuilder(next);
        length = next.length();
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        length++;
      }
      line.append(word);
      length += w;
      empty = false;
    }
    sb.append(line).append('\n');
  }

  /** One sign per 2 percentage points, '+' above the gold's share and '-' below, at most 12. */
  private static String bar(double diff) {
    int n = (int) Math.round(Math.abs(diff) * 50);
    return (diff < 0 ? "-" : "+").repeat(Math.min(n, 12));
  }

  private static String score(RunStatistics s) {
    return String.format(Locale.ROOT, "%d/%d %s", s.score(), s.scoreMax(), pct(Ratio.of(s.score(), s.scoreMax())));
  }

  private static String pass(RunStatistics s) {
    return s.passProbability() == null ? "—" : String.format(Locale.ROOT, "%.4f", s.passProbability());
  }

  private static String pct(double ratio) {
    return Percent.format(Ratio.round4(ratio));
  }

  private static String signed(PointInterval i) {
    return "[" + signed(i.lower()) + "," + signed(i.upper()) + "]";
  }

  private static String signed(int v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%+d", v);
  }

  private static String p(double p) {
    return p < 0.0001 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
  }
}
