package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.exam.Edition;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerKeyTest {
  private static final AnswerKey AUTHOR = AnswerKey.of("120", "author");
  private static final AnswerKey OFFICIAL = AnswerKey.of("120", "official");
  private static final List<String> CHANGED = List.of("120C-57", "120C-68", "120E-6", "120F-44", "120F-58");

  private static Question q(String id) {
    return SharedData.dataset().question(id).orElseThrow();
  }

  @Test
  void theOfficialKeyCorrectsExactlyTheFiveQuestionsAndTheAuthorKeyIsTheDatasets() {
    for (Question question : SharedData.dataset().questions()) {
      assertThat(AUTHOR.gold(question)).as(question.questionId()).isEqualTo(question.answer());
      if (!CHANGED.contains(question.questionId())) {
        assertThat(OFFICIAL.gold(question)).as(question.questionId()).isEqualTo(question.answer());
      }
    }
    assertThat(OFFICIAL.gold(q("120C-57"))).containsExactly("b");
    assertThat(OFFICIAL.gold(q("120C-68"))).containsExactly("b");
    assertThat(OFFICIAL.gold(q("120E-6"))).containsExactly("b");
    assertThat(OFFICIAL.gold(q("120F-44"))).containsExactly("b");
    assertThat(OFFICIAL.gold(q("120F-58"))).containsExactly("b", "d");
  }

  @Test
  void theGoldTextSaysOrWhereTheKeyAcceptsEitherOfTwoAnswers() {
    // 112B30: the data's "a or d", one letter; both official and IgakuQA's editions accept either.
    Question b30 = SharedData.datasetIgakuqa("112").question("112B-30").orElseThrow();
    for (String edition : List.of("official", "igakuqa")) {
      AnswerKey key = AnswerKey.of("112", edition);
      assertThat(key.gold(b30)).as(edition).containsExactly("a", "d");
      assertThat(key.goldText(b30)).as(edition).isEqualTo("a or d");
    }
    Question e28 = SharedData.dataset119().question("119E-28").orElseThrow();
    assertThat(AnswerKey.of("119", "official").goldText(e28)).isEqualTo("a or c");
    // Two letters that must both be chosen stay together: 120F-58, b and d under the ministry's key.
    assertThat(OFFICIAL.goldText(q("120F-58"))).isEqualTo("b,d");
    assertThat(AUTHOR.goldText(q("120F-58"))).isEqualTo("b,e");
  }

  @Test
  void theCriteriaAreThoseOfEachEdition() {
    assertThat(AUTHOR.criteria().generalMin()).isEqualTo(221);
    assertThat(OFFICIAL.criteria().generalMin()).isEqualTo(224);
    assertThat(List.of(AUTHOR.criteria().requiredMin(), OFFICIAL.criteria().requiredMin()))
        .containsOnly(160);
    assertThat(OFFICIAL.criteria().excludedQuestions()).isEmpty();
    assertThat(OFFICIAL.edition().sources()).extracting(c -> c.url())
        .contains("https://www.mhlw.go.jp/general/sikaku/successlist/2026/siken01/about.html",
            "https://www.mhlw.go.jp/general/sikaku/successlist/2026/siken01/dl/seitou.pdf");
  }

  @Test
  void aCalculationAnswerIsANumberUnderTheOfficialKeyAndAStringUnderTheAuthors() {
    Question calc = q("120A-74"); // gold "0.40"
    assertThat(calc.answer()).containsExactly("0.40");
    for (String same : List.of("0.4", "0.40", ".4", "４e-1", " 0.400 ", "0_0.4")) {
      assertThat(OFFICIAL.isCorrect(calc, List.of(same), true)).as(same).isTrue();
    }
    assertThat(AUTHOR.isCorrect(calc, List.of("0.4"), true)).isFalse();
    assertThat(AUTHOR.isCorrect(calc, List.of("0.40"), true)).isTrue();
    for (String wrong : List.of("0.41", "nan", "0.4 mg", "40%", "0x0.4", "")) {
      assertThat(OFFICIAL.isCorrect(calc, List.of(wrong), true)).as(wrong).isFalse();
    }
    assertThat(OFFICIAL.isCorrect(calc, List.of("0.40"), false)).as("an unparsed answer is never correct").isFalse();
  }

  @Test
  void multipleChoiceIsComparedAsSortedLettersUnderBothKeys() {
    Question two = q("120F-58");
    assertThat(OFFICIAL.isCorrect(two, List.of("d", "b"), true)).isTrue();
    assertThat(AUTHOR.isCorrect(two, List.of("e", "b"), true)).isTrue();
    assertThat(OFFICIAL.isCorrect(two, List.of("b", "e"), true)).isFalse();
    assertThat(OFFICIAL.isCorrect(two, List.of("b", "d"), false)).isFalse();
  }

  static List<Path> published() {
    return SharedData.publishedResults();
  }

  @ParameterizedTest
  @MethodSource("published")
  void everyPublishedFileIsRecognisedByTheGoldItCarries(Path file) {
    ResultFile f = ResultFiles.read(file);
    Map<String, List<String>> gold = goldOf(f);
    // The key whose gold the file carries on the five disputed questions, judged here without the recogniser.
    String expected = CHANGED.stream().allMatch(id -> gold.get(id).equals(q(id).answer())) ? "author"
        : CHANGED.stream().allMatch(id -> gold.get(id).equals(OFFICIAL.gold(q(id)))) ? "official" : null;
    assertThat(AnswerKey.recognise(AUTHOR.exam(), gold).map(Edition::name)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aFileHoldingNoneOfTheDisputedQuestionsBelongsToNoEditionInParticular() {
    assertThat(AnswerKey.recognise(AUTHOR.exam(), Map.of("120A-1", List.of("a")))).isEmpty();
    assertThat(AnswerKey.recognise(AUTHOR.exam(), Map.of("120C-57", List.of("b")))).map(Edition::name)
        .contains("official");
    assertThat(AnswerKey.recognise(AUTHOR.exam(), Map.of("120C-57", List.of("c")))).as("neither's gold").isEmpty();
  }

  private static Map<String, List<String>> goldOf(ResultFile f) {
    Map<String, List<String>> gold = new LinkedHashMap<>();
    for (QuestionResult r : f.results()) {
      gold.put(r.questionId(), r.gold());
    }
    return gold;
  }
}
