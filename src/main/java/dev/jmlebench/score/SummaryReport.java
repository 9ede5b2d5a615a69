package dev.jmlebench.score;

import dev.jmlebench.common.Styled;
import java.util.Map;
import java.util.StringJoiner;

/** The plain-text report of one summary that {@code summary} and the end of {@code run} print. */
public final class SummaryReport {
  private SummaryReport() {}

  public static String render(String title, Summary s, ExamCriteria c) {
    StringBuilder sb = new StringBuilder();
    sb.append(title).append('\n');
    sb.append(String.format("  Score      %s   %s%n", fraction(s.score(), s.scoreMax(), s.scorePct()),
        verdict(s)));
    sb.append(String.format("  Required   %s   %s%n",
        fraction(s.requiredScore(), s.requiredScoreMax(), s.requiredScorePct()),
        criterion(s.requiredPass(), c.requiredMark())));
    sb.append(String.format("  General    %s   %s%n",
        fraction(s.generalScore(), s.generalScoreMax(), s.generalScorePct()),
        criterion(s.generalPass(), c.generalMark())));
    if (s.prohibitedAnswers() != null) {
      // The count where the other lines have their score, the verdict in their verdict column.
      int n = s.prohibitedAnswers();
      String count = String.format("%3d %s", n, n == 1 ? "answer" : "answers");
      String mark = c.prohibitedMark() + " with a prohibited choice, 禁忌肢"
          + (c.prohibitedAnnotation() == null ? "" : "; " + c.prohibitedAnnotation());
      sb.append(String.format("  Prohibited %-" + FRACTION_WIDTH + "s   %s%n", count,
          criterion(s.prohibitedPass(), mark)));
    }
    sb.append(String.format("  Text-only  %s%n",
        fraction(s.textOnlyScore(), s.textOnlyScoreMax(), s.textOnlyScorePct())));
    sb.append(String.format("  Accuracy   %s   parse failures %d   errors %d%n",
        fraction(s.correct(), s.attempted(), s.accuracy()), s.parseFailures(), s.errors()));
    sb.append("  By block   ").append(tallies(s.byBlock())).append('\n');
    sb.append("  By type    ").append(tallies(s.byType())).append('\n');
    sb.append("  By image   ").append(tallies(s.byImage())).append('\n');
    return sb.toString();
  }

  /**
   * The line saying a file was graded with another key than the one asked, e.g. {@code graded with the author
   * key; under the official key: 486/500 (97.2%), PASS — `jmle-bench rescore --key official FILE` rewrites it}.
   *
   * @param keyArgument what {@code --key} takes to name the asked key: its name, or an edition file's path
   */
  public static String otherKey(String graded, String asked, String keyArgument, Summary under, String file) {
    return String.format("  Key        graded with the %s key; under the %s key: %d/%d (%s), %s — "
        + "`jmle-bench rescore --key %s %s` rewrites it", graded, asked, under.score(), under.scoreMax(),
        Percent.format(under.scorePct()), verdict(under), keyArgument, file);
  }

  /** The width of a fraction as {@link #fraction} writes a total's, e.g. {@code 488/500 (97.6%)}. */
  private static final int FRACTION_WIDTH = 15;

  private static String fraction(int n, int d, double ratio) {
    return String.format("%3d/%-3d (%s)", n, d, Percent.format(ratio));
  }

  private static String verdict(Summary s) {
    if (s.requiredPass() == null || s.generalPass() == null) {
      return "pass/fail not judged (not a full exam)";
    }
    return s.passed() ? Styled.good(Styled.strong("PASS")) : Styled.bad("FAIL");
  }

  private static String criterion(Boolean pass, String threshold) {
    if (pass == null) {
      return "(" + threshold + " not judged: part of the exam only)";
    }
    return (pass ? Styled.good("pass") : Styled.bad("FAIL")) + " (" + threshold + ")";
  }

  private static String tallies(Map<String, Tally> map) {
    StringJoiner j = new StringJoiner("   ");
    map.forEach((k, t) -> j.add(k + " " + t.correct() + "/" + t.total() + " " + Percent.format(t.accuracy())));
    return j.toString();
  }
}
