package dev.jmlebench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExamOrdinalTest {
  @Test
  void everyBundledExamAndTheYearsToComeGetTheirEnglishOrdinal() {
    assertThat(ExamOrdinal.of("112")).isEqualTo("112th");
    assertThat(ExamOrdinal.of("113")).isEqualTo("113th");
    assertThat(ExamOrdinal.of("119")).isEqualTo("119th");
    assertThat(ExamOrdinal.of("120")).isEqualTo("120th");
    assertThat(ExamOrdinal.of("121")).isEqualTo("121st");
    assertThat(ExamOrdinal.of("122")).isEqualTo("122nd");
    assertThat(ExamOrdinal.of("123")).isEqualTo("123rd");
    assertThat(ExamOrdinal.of("111")).isEqualTo("111th");
    assertThat(ExamOrdinal.of("101")).isEqualTo("101st");
    assertThat(ExamOrdinal.of("99999999999912")).as("read from its last two digits").isEqualTo("99999999999912th");
  }

  @Test
  void somethingThatIsNoExamNumberIsShownAsItIs() {
    assertThat(ExamOrdinal.of("12a")).isEqualTo("12a");
    assertThat(ExamOrdinal.of("")).isEqualTo("");
  }
}
