package dev.jmlebench.stats;

import dev.jmlebench.results.Samples;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;
import java.util.Locale;

/**
 * The plain-text form of {@link Repeats}, for the end of {@code run --repeats} and for {@code summary}: lines
 * in the layout of the summary report (two-space indent, 11-character labels).
 */
public final class RepeatsReport {
  private RepeatsReport() {}

  /** The repeat lines of a result file, or nothing when it has no samples (a run asked once). */
  public static String forFile(ResultFile file, ExamCriteria criteria, String source) {
    if (!Samples.present(file)) {
      return "";
    }
    try {
      return render(Repeats.of(file, criteria, source));
    } catch (UserError e) {
      return "  Repeats    not computed: " + e.getMessage() + "\n";
    }
  }

  public static String render(Repeats r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "  Repeats    %d samples per question; the figures above are the first sample's%n",
        r.repeats()));
    sb.append(String.format(Locale.ROOT, "  Mean       %.1f/%d (%s)   SD %.1f   min–max %d–%d   accuracy %s%n",
        r.meanScore(), r.scoreMax(), pct(r.meanScore(), r.scoreMax()), r.scoreSd(), r.minScore(), r.maxScore(),
        pct(r.meanCorrect(), r.questions())));
    sb.append(String.format(Locale.ROOT, "  Majority   %d/%d (%s)   accuracy %s (%d/%d)   most common parsed answer, "
            + "ties to the one given first%n",
        r.majorityScore(), r.scoreMax(), pct(r.majorityScore(), r.scoreMax()),
        pct(r.majorityCorrect(), r.questions()), r.majorityCorrect(), r.questions()));
    sb.append(String.format(Locale.ROOT, "  Agreement  %d/%d (%s) questions with all %d answers alike",
        r.unanimous(), r.questions(), pct(r.unanimous(), r.questions()), r.repeats()));
    for (int j = r.repeats(); j >= 1; j--) {
      sb.append(String.format(Locale.ROOT, " · %d/%d: %d", j, r.repeats(), r.agreement().get(j)));
    }
    sb.append(String.format(Locale.ROOT, " · none parsed: %d%n", r.agreement().get(0)));
    return sb.toString();
  }

  private static String pct(double numerator, int denominator) {
    return denominator == 0 ? "-" : Percent.format(Ratio.round4(numerator / denominator));
  }
}
