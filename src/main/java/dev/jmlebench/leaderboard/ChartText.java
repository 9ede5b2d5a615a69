package dev.jmlebench.leaderboard;

import dev.jmlebench.dataset.Question;

/** The fixed words the charts draw, in one place so the font chosen is checked against all of them. */
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
  static final String ALL_QUESTIONS = "All 400 questions";
  static final String CI = "95% CI (all questions)";
  static final String TEXT_ONLY = "Text-only 302 questions";
  static final String SCORE_AXIS = "Score (% of the points)";
  static final String REQUIRED = "必修";
  static final String GENERAL = "一般";
  static final String HEAT_MAP_SUBTITLE = "Share of questions answered correctly in each block; B and E are the"
      + " required (必修) blocks.";

  static String passMark(String pct, String points) {
    return "lowest passing total " + pct + " (" + points + ")";
  }

  static String blockLabel(String block) {
    return block + " " + (Question.isRequiredBlock(block) ? REQUIRED : GENERAL);
  }

  static final String ALL_FIXED_TEXT = scoreTitle("") + heatMapTitle("") + SCORE_SUBTITLE + CI_SUBTITLE
      + ALL_QUESTIONS + CI + TEXT_ONLY + SCORE_AXIS + REQUIRED + GENERAL + HEAT_MAP_SUBTITLE
      + passMark("0123456789.%", "/")
      + blockLabel("ABCDEF");
}
