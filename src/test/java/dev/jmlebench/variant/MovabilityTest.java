package dev.jmlebench.variant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.dataset.SerialGroup;
import dev.jmlebench.testing.SharedData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which questions keep their order, per exam: the counts docs/ROBUSTNESS.md states. */
class MovabilityTest {
  private static Map<Fixed, List<String>> fixed(Dataset d) {
    return Movability.of(d.questions()).byReason();
  }

  @Test
  void the120thMovesAll397MultipleChoiceQuestionsAndKeepsItsThreeCalculations() {
    Dataset d = SharedData.dataset();
    assertThat(fixed(d)).containsExactly(Map.entry(Fixed.CALCULATION, List.of("120A-74", "120A-75", "120D-75")));
    long tables = d.questions().stream()
        .filter(q -> ChoiceList.find(q.text()).map(c -> c.layout() == ChoiceList.Layout.TABLE).orElse(false))
        .map(Question::questionId).count();
    assertThat(tables).isEqualTo(2);
  }

  @Test
  void the119thKeepsItsCalculationsAndThreeQuestionsWhoseSourceGarbledAChoice() {
    assertThat(fixed(SharedData.dataset119())).containsExactly(
        Map.entry(Fixed.CALCULATION, List.of("119A-75", "119C-74", "119C-75", "119F-75")),
        // 119A-22 lists a, b, d, d, e; 119C-19 runs choice c into b ("…通告0人工妊娠中絶…").
        Map.entry(Fixed.CHOICES_NOT_FOUND, List.of("119A-22", "119C-19")),
        // 119F-42 splits choice b over c's line, so "c脂質…" stands inside choice c's text.
        Map.entry(Fixed.NAMES_A_LETTER, List.of("119F-42")));
  }

  @Test
  void theIgakuQaExamsKeepTablesInTheStemAndStemsThatNameLetters() {
    assertThat(fixed(SharedData.datasetIgakuqa("112")))
        .containsExactly(Map.entry(Fixed.CALCULATION, List.of("112C-66", "112F-84")));
    assertThat(fixed(SharedData.datasetIgakuqa("113"))).containsExactly(
        Map.entry(Fixed.CALCULATION, List.of("113A-75", "113F-84")),
        // Choices ａ…ｅ (ａ…ｈ) heading the rows of a table in the stem.
        Map.entry(Fixed.CHOICES_NOT_IN_TEXT, List.of("113D-25", "113E-46", "113F-83")),
        // "①～⑤はａ～ｅのいずれかに該当する".
        Map.entry(Fixed.NAMES_A_LETTER, List.of("113C-7")));
    assertThat(fixed(SharedData.datasetIgakuqa("114"))).containsExactly(
        Map.entry(Fixed.CALCULATION, List.of("114C-75", "114D-75", "114F-75")),
        Map.entry(Fixed.CHOICES_NOT_IN_TEXT, List.of("114C-11")));
    assertThat(fixed(SharedData.datasetIgakuqa("115"))).containsExactly(
        Map.entry(Fixed.CALCULATION, List.of("115C-75", "115F-75")),
        // "各線はａ〜ｅのいずれかに該当する": the lines of the figure are labelled with the choices' letters.
        Map.entry(Fixed.NAMES_A_LETTER, List.of("115B-8")));
    assertThat(fixed(SharedData.datasetIgakuqa("116")))
        .containsExactly(Map.entry(Fixed.CALCULATION, List.of("116B-50", "116C-75", "116F-74")));
  }

  @Test
  void inEnglishTheTenQuestionsWhoseTranslationMergedTwoChoicesKeepTheirOrderToo() {
    Map<String, Fixed> merged = new java.util.TreeMap<>();
    for (String exam : List.of("112", "113", "114", "115", "116")) {
      Dataset d = SharedData.datasetIgakuqa(exam);
      Map<String, Fixed> japanese = new Presenter(d.questions(), ChoiceOrder.cyclic(1), null).fixedQuestions();
      Map<String, Fixed> english = new Presenter(d.questions(), ChoiceOrder.cyclic(1),
          SharedData.englishIgakuqa(exam).questions()).fixedQuestions();
      assertThat(english).containsAllEntriesOf(japanese);
      english.forEach((id, f) -> {
        if (!japanese.containsKey(id)) {
          merged.put(id, f);
        }
      });
    }
    // 112C-49's 死亡診断書 and 死体検案書 both read "To issue a death certificate.", and so on.
    assertThat(merged).containsOnlyKeys("112C-49", "112E-42", "113A-46", "113F-7", "114C-64", "114F-41", "115B-14",
        "115D-60", "115E-21", "116D-49").allSatisfy((id, f) -> assertThat(f).isEqualTo(Fixed.CHOICES_NOT_DISTINCT));
  }

  @Test
  void aLetterNamesAChoiceOnlyWhenItStandsAloneOutsideEnglishProse() {
    assertThat(LetterReference.in("aとbの両方を選ぶ", 'e')).isTrue();
    assertThat(LetterReference.in("選択肢(c)は誤り", 'e')).isTrue();
    assertThat(LetterReference.in("各線はａ〜ｅのいずれかに該当する", 'e')).isTrue();
    assertThat(LetterReference.in("\nａ\n6.0\n10", 'e')).isTrue();
    assertThat(LetterReference.in("is a major cause of end-stage renal disease", 'e')).isFalse();
    assertThat(LetterReference.in("Haemophilus influenzae type b 1st", 'e')).isFalse();
    assertThat(LetterReference.in("Hb 11.6 g/dL、HbA1c 5.4%、c-ANCA陰性、e.g.", 'h')).isFalse();
    assertThat(LetterReference.in("別冊No. 10A、B、Dダイマー", 'e')).isFalse();
    assertThat(LetterReference.in("fは6つ目の選択肢", 'e')).as("beyond the last choice").isFalse();
  }

  @Test
  void aSerialQuestionKeepsItsOrderWhenTheCaseOrAPartnerNamesALetter() {
    SerialGroup plain = new SerialGroup("X-1-2", List.of("120X-1", "120X-2"), "症例文。");
    SerialGroup naming = new SerialGroup("X-3-4", List.of("120X-3", "120X-4"), "症例文。");
    SerialGroup caseNaming = new SerialGroup("X-5-6", List.of("120X-5", "120X-6"), "症例文。前問でaを選んだ場合。");
    List<Question> qs = List.of(q("120X-1", "正しいのはどれか。", plain), q("120X-2", "次に行うのはどれか。", plain),
        q("120X-3", "正しいのはどれか。", naming), q("120X-4", "前問でbを選んだ理由はどれか。", naming),
        q("120X-5", "正しいのはどれか。", caseNaming), q("120X-6", "正しいのはどれか。", caseNaming));
    Movability m = Movability.of(qs);
    assertThat(m.fixedQuestions()).containsExactly(Map.entry("120X-3", Fixed.PARTNER_NAMES_A_LETTER),
        Map.entry("120X-4", Fixed.NAMES_A_LETTER), Map.entry("120X-5", Fixed.PARTNER_NAMES_A_LETTER),
        Map.entry("120X-6", Fixed.PARTNER_NAMES_A_LETTER));
  }

  private static Question q(String id, String stem, SerialGroup group) {
    int number = Integer.parseInt(id.substring(id.indexOf('-') + 1));
    return new Question(id, "X", number, QuestionType.MULTIPLE_CHOICE,
        number + "\u3000" + stem + "\n\na\u3000甲\n\nb\u3000乙\n\nc\u3000丙", List.of(), false, 1, List.of("a"),
        Optional.of(group));
  }
}
