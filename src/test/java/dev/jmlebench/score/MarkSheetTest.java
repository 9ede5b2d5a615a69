package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.testing.SharedData;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The value of a calculation's mark-sheet digits, for every calculation question of the 112th-116th, checked
 * against a value worked out here another way: as a number, from the template's boxes and printed figures.
 */
class MarkSheetTest {
  /** {@code 解答：} then an optional printed figure ({@code 1, }), then boxes with at most one point. */
  private static final Pattern TEMPLATE = Pattern.compile("解答：(?:(\\d+), ?)?([①-⑩]+)(?:\\.([①-⑩]+))?");

  /**
   * The value by arithmetic: the digits as a whole number over ten to the boxes after the point, plus the
   * printed figure before the boxes in its place, written with as many decimals as the template has.
   */
  private static String byArithmetic(Question q) {
    Matcher m = TEMPLATE.matcher(q.text());
    String last = null;
    while (m.find()) {
      last = m.group();
    }
    assertThat(last).as(q.questionId() + " ends with an answer template").isNotNull();
    Matcher t = TEMPLATE.matcher(last);
    assertThat(t.matches()).isTrue();
    int whole = t.group(2).length();
    int decimals = t.group(3) == null ? 0 : t.group(3).length();
    String digits = q.answer().get(0).replace(".", "");
    assertThat(digits).hasSize(whole + decimals);
    BigDecimal value = new BigDecimal(digits).movePointLeft(decimals);
    if (t.group(1) != null) {
      value = value.add(new BigDecimal(t.group(1)).movePointRight(whole));
    }
    return value.setScale(decimals).toPlainString();
  }

  @Test
  void everyCalculationOfThe112thTo116thRendersAsTheValueItsDigitsSpell() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String exam : List.of("112", "113", "114", "115", "116")) {
      Dataset d = SharedData.datasetIgakuqa(exam);
      for (Question q : d.questions()) {
        if (q.type() == QuestionType.CALCULATION) {
          String value = MarkSheet.value(q.answer().get(0), q.text()).orElseThrow();
          assertThat(value).as(q.questionId()).isEqualTo(byArithmetic(q));
          values.put(q.questionId(), value);
        }
      }
    }
    // The twelve, and those the issue names worked out by hand from their templates.
    assertThat(values).hasSize(12)
        .containsEntry("116B-50", "2.1")   // "21" in ①.②g/日
        .containsEntry("116F-74", "0.4")   // "04" in ①.②
        .containsEntry("114C-75", "10.0")  // "100" in ①②.③/人口1,000対
        .containsEntry("114F-75", "1130")  // "130" in 1, ①②③ kcal
        .containsEntry("113F-84", "7.20")  // stored with its point already, ①.②③
        .containsEntry("112C-66", "26");   // ①②Torr: digits and value agree
  }

  @Test
  void digitsThatDoNotFillTheTemplateOrATextWithoutOneHaveNoValue() {
    String text = "尿蛋白量を求めよ。解答：①.②g/日";
    assertThat(MarkSheet.value("21", text)).contains("2.1");
    assertThat(MarkSheet.value("2", text)).isEmpty();
    assertThat(MarkSheet.value("215", text)).isEmpty();
    assertThat(MarkSheet.value("2.1", text)).contains("2.1");
    assertThat(MarkSheet.value("21.", text)).isEmpty(); // a point where the template has none
    assertThat(MarkSheet.value("a1", text)).isEmpty();
    assertThat(MarkSheet.value("21", "尿蛋白量を求めよ。")).isEmpty();
  }

  @Test
  void theOfficialEditionGradesTheValueAndIgakuqasTheDigits() {
    Dataset d = SharedData.datasetIgakuqa("116");
    Question b50 = d.question("116B-50").orElseThrow();
    AnswerKey official = AnswerKey.of("116", "official").checkedAgainst(d);
    AnswerKey igakuqa = AnswerKey.of("116", "igakuqa").checkedAgainst(d);
    assertThat(official.gold(b50)).containsExactly("2.1");
    assertThat(igakuqa.gold(b50)).containsExactly("21");
    assertThat(official.isCorrect(b50, List.of("2.1"), true)).isTrue();
    assertThat(official.isCorrect(b50, List.of("21"), true)).isFalse();
    assertThat(igakuqa.isCorrect(b50, List.of("21"), true)).isTrue();
    assertThat(igakuqa.isCorrect(b50, List.of("2.1"), true)).isFalse();
    assertThat(AnswerKey.chosen("116", null).name()).as("the default, for runs").isEqualTo("official");
  }

  /**
   * The official editions of every exam compare a calculation as a number, as the 119th's and 120th's do:
   * 113F84 asks for 7.20 (①.②③), and 7.2 is that value; IgakuQA's edition keeps its string rule.
   */
  @Test
  void theOfficialEditionComparesCalculationsAsNumbersAsThe119thAnd120thDo() {
    Dataset d = SharedData.datasetIgakuqa("113");
    Question f84 = d.question("113F-84").orElseThrow();
    AnswerKey official = AnswerKey.of("113", "official").checkedAgainst(d);
    AnswerKey igakuqa = AnswerKey.of("113", "igakuqa").checkedAgainst(d);
    assertThat(official.gold(f84)).containsExactly("7.20");
    assertThat(official.isCorrect(f84, List.of("7.2"), true)).isTrue();
    assertThat(official.isCorrect(f84, List.of("7.20"), true)).isTrue();
    assertThat(official.isCorrect(f84, List.of("7.21"), true)).isFalse();
    assertThat(official.isCorrect(f84, List.of("7.2倍"), true)).as("what float() rejects is wrong").isFalse();
    assertThat(igakuqa.isCorrect(f84, List.of("7.20"), true)).isTrue();
    assertThat(igakuqa.isCorrect(f84, List.of("7.2"), true)).isFalse();

    Question f75 = SharedData.datasetIgakuqa("114").question("114F-75").orElseThrow();
    AnswerKey official114 = AnswerKey.of("114", "official").checkedAgainst(SharedData.datasetIgakuqa("114"));
    assertThat(official114.isCorrect(f75, List.of("1130"), true)).isTrue();
    assertThat(official114.isCorrect(f75, List.of("130"), true)).as("the digits are not the value").isFalse();
    assertThat(official114.isCorrect(f75, List.of("1,130"), true)).as("float() rejects a separator").isFalse();
    for (String exam : List.of("112", "113", "114", "115", "116", "119", "120")) {
      assertThat(AnswerKey.of(exam, "official").isCorrect(calculation(exam), List.of("1e400"), true))
          .as(exam + ": infinity equals no gold").isFalse();
    }
  }

  /** The first calculation question of an exam. */
  private static Question calculation(String exam) {
    Dataset d = exam.equals("120") ? SharedData.dataset()
        : exam.equals("119") ? SharedData.dataset119() : SharedData.datasetIgakuqa(exam);
    return d.questions().stream().filter(q -> q.type() == QuestionType.CALCULATION).findFirst().orElseThrow();
  }
}
