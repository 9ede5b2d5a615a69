package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.common.Styled;
import dev.jmlebench.exam.Exams;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryReportTest {
  private static final ExamCriteria CRITERIA = AnswerKey.of(Exams.get("114"), "official").criteria();

  private static Summary withProhibited(int n) {
    return new Summary(300, 400, 380, 500, 300, 400, 170, 200, 210, 300, true, true, 0, 0, new TreeMap<>(),
        Map.of(), Map.of(), n, n <= 3);
  }

  @Test
  void oneProhibitedAnswerIsOneAnswerAndPassesTheCriterion() {
    String text = Styled.plain(SummaryReport.render("t", withProhibited(1), CRITERIA));

    assertThat(text).contains("  Prohibited   1 answer        pass (≤3 with a prohibited choice, 禁忌肢; "
        + "annotated by IgakuQA's authors, not official)");
  }

  @Test
  void theVerdictsOfScoreAndProhibitedShareAColumn() {
    String text = Styled.plain(SummaryReport.render("t", withProhibited(12), CRITERIA));

    String score = text.lines().filter(l -> l.startsWith("  Score")).findFirst().orElseThrow();
    String prohibited = text.lines().filter(l -> l.startsWith("  Prohibited")).findFirst().orElseThrow();
    assertThat(prohibited).startsWith("  Prohibited  12 answers ");
    assertThat(prohibited.indexOf("FAIL")).isEqualTo(score.indexOf("FAIL")).isPositive();
  }
}
