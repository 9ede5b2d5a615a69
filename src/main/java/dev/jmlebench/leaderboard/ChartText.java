package dev.jmlebench.leaderboard;

import dev.jmlebench.exam.ExamSpec;
import java.util.List;

/**
 * The words the charts draw, in one place so the font chosen is checked against all of them. Every count and
 * block they name is the exam's ({@code exam/<id>/exam.json}): the 119th has 297 text-only questions, the
 * 120th 302.
 */
final class ChartText {
  private ChartText() {}

  static String scoreTitle(String exam) {
    return "第" + exam + "回医師国家試験 — score by model";
  }

  static String heatMapTitle(String exam) {
    return "第" + exam + "回医師国家試験 — accuracy by block";
  }

  static final String SCORE_SUBTITLE =
      "Bold: passes both the required (必修) and the general part.  (blind): image questions answered without"
          + " the images.";
  static final String CI_SUBTITLE = "Whiskers: 95% confidence interval of the all-questions score (bootstrap over"
      + " the questions); runs whose whiskers overlap may not really differ.";
  static final String CI = "95% CI (all questions)";
  static final String SCORE_AXIS = "Score (% of the points)";
  static final String REQUIRED = "必修";
  static final String GENERAL = "一般";

  /** The all-questions bars' legend: {@code All 400 questions}. */
  static String allQuestions(ExamSpec exam) {
    return "All " + exam.questions() + " questions";
  }

  /** The text-only bars' legend: {@code Text-only 302 questions}. */
  static String textOnly(ExamSpec exam) {
    return "Text-only " + exam.textOnlyQuestions() + " questions";
  }

  /** Under the heat map's title: which blocks are the required ones ({@code B and E are the required (必修) blocks}). */
  static String heatMapSubtitle(ExamSpec exam) {
    List<String> required = exam.requiredBlocks();
    String which = required.size() == 1 ? required.get(0) + " is the required (必修) block"
        : String.join(", ", required.subList(0, required.size() - 1)) + " and " + required.get(required.size() - 1)
            + " are the required (必修) blocks";
    return "Share of questions answered correctly in each block" + (required.isEmpty() ? "." : "; " + which + ".");
  }

  static String passMark(String pct, String points) {
    return "lowest passing total " + pct + " (" + points + ")";
  }

  static String blockLabel(ExamSpec exam, String block) {
    return block + " " + (exam.isRequiredBlock(block) ? REQUIRED : GENERAL);
  }

  /** The text every chart may draw whatever its exam: its digits and block letters stand for any. */
  static final String ALL_FIXED_TEXT = scoreTitle("") + heatMapTitle("") + SCORE_SUBTITLE + CI_SUBTITLE
      + "All questions Text-only" + CI + SCORE_AXIS + REQUIRED + GENERAL
      + "Share of questions answered correctly in each block; ABCDEF, and are the required (必修) blocks is."
      + passMark("0123456789.%", "/");
}
