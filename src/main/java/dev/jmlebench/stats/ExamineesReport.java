package dev.jmlebench.stats;

import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Tally;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The plain-text form of {@link Examinees} for {@code summary}, in the summary report's layout. */
public final class ExamineesReport {
  private ExamineesReport() {}

  public static String render(Examinees e) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "  Examinees  the model beside the real examinees (their accuracy per question, "
        + "published by IgakuQA)%n"));
    sb.append(String.format(Locale.ROOT, "  Missed     %d questions ≥%.0f%% of examinees answered right%s%n",
        e.examineesRightModelWrong().size(), Examinees.EASY, ids(e.examineesRightModelWrong())));
    sb.append(String.format(Locale.ROOT, "  Beat       %d questions ≤%.0f%% of examinees answered right%s%n",
        e.examineesWrongModelRight().size(), Examinees.HARD, ids(e.examineesWrongModelRight())));
    StringJoiner bands = new StringJoiner("   ");
    e.byBand().forEach((band, t) -> bands.add(band + " " + tally(t)));
    sb.append("  By examinee accuracy   ").append(bands).append('\n');
    return sb.toString();
  }

  private static String tally(Tally t) {
    return t.correct() + "/" + t.total() + " " + Percent.format(t.accuracy());
  }

  private static String ids(List<Examinees.Question> qs) {
    if (qs.isEmpty()) {
      return "";
    }
    StringJoiner j = new StringJoiner(", ", ": ", "");
    qs.forEach(q -> j.add(q.questionId() + " (" + Percent.format(q.examineeAccuracy() / 100) + ")"));
    return j.toString();
  }
}
