package dev.jmlebench.dataset.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Annotation;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.exam.Citation;
import dev.jmlebench.exam.Edition;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 112th-116th exams from IgakuQA's layout, checked against the raw JSON Lines read here independently:
 * lettered choices, points and exclusions as the data gives them, the two special rules, no images.
 */
class IgakuQaSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Integer> MAXIMA = Map.of("112", 499, "113", 496, "114", 496, "115", 500, "116", 494);

  private static Map<String, JsonNode> raw(String exam, String suffix) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    String year = String.valueOf(Integer.parseInt(exam) + 1906);
    for (String b : List.of("A", "B", "C", "D", "E", "F")) {
      Path f = SharedData.rootIgakuqa().resolve("data/" + year + "/" + exam + "-" + b + suffix + ".jsonl");
      for (String line : Files.readAllLines(f)) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          String pid = n.get("problem_id").asText();
          out.put(pid.substring(0, 4) + "-" + pid.substring(4), n);
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"112", "113", "114", "115", "116"})
  void everyQuestionOfTheExamIsConvertedWithItsPointsExclusionsAndImageFlagFromTheData(String exam)
      throws IOException {
    Dataset d = SharedData.datasetIgakuqa(exam);
    Map<String, JsonNode> raw = raw(exam, "");
    assertThat(d.questions()).hasSize(raw.size()).hasSize(400);
    assertThat(d.exam()).isEqualTo(exam);
    Edition official = Exams.get(exam).edition("official");
    Set<String> zero = new TreeSet<>();
    int max = 0;
    for (Question q : d.questions()) {
      JsonNode r = raw.get(q.questionId());
      assertThat(r).as(q.questionId()).isNotNull();
      int points = Integer.parseInt(r.get("points").asText());
      if (points == 0) {
        zero.add(q.questionId());
      } else {
        assertThat(Points.of(q)).as(q.questionId()).isEqualTo(points);
      }
      max += points;
      assertThat(q.requiresImage()).as(q.questionId()).isEqualTo(!r.get("text_only").asBoolean());
      assertThat(q.clinicalImages()).isEmpty();
      int choices = r.get("choices").size();
      assertThat(q.type()).isEqualTo(choices == 0 ? QuestionType.CALCULATION : QuestionType.MULTIPLE_CHOICE);
      for (int i = 0; i < choices; i++) {
        assertThat(q.text()).contains("\n\n" + (char) ('a' + i) + "\u3000" + r.get("choices").get(i).asText().strip());
      }
      assertThat(q.text()).startsWith(q.number() + "\u3000");
    }
    assertThat(official.excludedQuestions()).as("the edition excludes exactly the data's points \"0\"")
        .containsExactlyElementsOf(zero);
    assertThat(max).isEqualTo(MAXIMA.get(exam));
    assertThat(official.sources()).extracting(Citation::url)
        .contains("https://www.mhlw.go.jp/general/sikaku/successlist/" + (Integer.parseInt(exam) + 1906)
            + "/siken01/about.html");
    assertThat(d.hasImages()).isFalse();
  }

  @Test
  void theOfficialCriteriaWithExclusionsGiveTheMinistrysPassMarks() {
    // 114th and 116th: a 3-point required question excluded, so 80% of 197 = 157.6 → 158 passes, 157 fails.
    for (String exam : List.of("114", "116")) {
      var c = AnswerKey.of(exam, "official").criteria();
      assertThat(c.requiredPass(158, 197, 3)).as(exam).isTrue();
      assertThat(c.requiredPass(157, 197, 3)).as(exam).isFalse();
    }
    assertThat(AnswerKey.of("116", "official").criteria().generalPass(214, 297, 3)).isTrue();
    assertThat(AnswerKey.of("116", "official").criteria().generalPass(213, 297, 3)).isFalse();
    assertThat(AnswerKey.of("113", "official").criteria().generalPass(209, 296, 4)).isTrue();
    assertThat(AnswerKey.of("112", "official").criteria().generalPass(207, 299, 1)).isFalse();
  }

  @Test
  void question112B30AsksForOneLetterAndAcceptsAOrD() {
    Dataset d = SharedData.datasetIgakuqa("112");
    Question q = d.question("112B-30").orElseThrow();
    assertThat(q.answer()).containsExactly("a", "d");
    assertThat(q.numChoicesToSelect()).isEqualTo(1);
    AnswerKey key = AnswerKey.of("112", "official");
    assertThat(key.isCorrect(q, List.of("a"), true)).isTrue();
    assertThat(key.isCorrect(q, List.of("d"), true)).isTrue();
    assertThat(key.isCorrect(q, List.of("a", "d"), true)).isFalse();
    assertThat(key.isCorrect(q, List.of("b"), true)).isFalse();
  }

  @Test
  void question116A71IsCorrectForEveryoneEvenWithoutAnAnswer() {
    Question q = SharedData.datasetIgakuqa("116").question("116A-71").orElseThrow();
    AnswerKey key = AnswerKey.of("116", "official");
    assertThat(key.isCorrect(q, List.of("a"), true)).isTrue();
    assertThat(key.isCorrect(q, List.of(), false)).isTrue();
    assertThat(key.criteria().scoresForEveryone("116A-71")).isTrue();
  }

  @Test
  void prohibitedChoicesAreReadLetterByLetterWhateverTheirSpelling() throws IOException {
    int found = 0;
    for (String exam : List.of("112", "113", "114", "115", "116")) {
      Dataset d = SharedData.datasetIgakuqa(exam);
      for (Map.Entry<String, JsonNode> e : raw(exam, "_metadata").entrySet()) {
        List<String> letters = new ArrayList<>();
        for (JsonNode k : e.getValue().get("kinki")) {
          for (char c : java.text.Normalizer.normalize(k.asText(), java.text.Normalizer.Form.NFKC).strip()
              .toCharArray()) {
            letters.add(String.valueOf(c));
          }
        }
        Annotation a = d.annotation(e.getKey()).orElseThrow();
        assertThat(a.prohibited()).as(e.getKey()).containsExactlyInAnyOrderElementsOf(new TreeSet<>(letters));
        found += letters.size() > 1 ? 1 : 0;
      }
    }
    assertThat(found).as("answers with several prohibited letters, e.g. \"cde\"").isGreaterThan(5);
    Annotation a = SharedData.datasetIgakuqa("112").annotation("112A-1").orElseThrow();
    assertThat(a.examineeAccuracy()).hasValue(39.3);
    assertThat(a.choiceShares()).containsExactly(15.7, 21.9, 6.5, 16.5, 39.3);
    assertThat(SharedData.datasetIgakuqa("116").annotation("116A-71").orElseThrow().examineeAccuracy()).isEmpty();
  }

  @Test
  void aMissingBlockFileIsOneLineSayingHowToGetTheData(@TempDir Path tmp) {
    assertThatThrownBy(() -> IgakuQaSource.load(tmp, "113", Set.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("data/2019/113-A.jsonl")
        .hasMessageContaining("dataset download --exam 113");
  }

  @Test
  void theRegistryListsTheFiveExamsWithTheirSourcePinned() {
    assertThat(Exams.ids()).contains("112", "113", "114", "115", "116");
    for (String exam : List.of("112", "113", "114", "115", "116")) {
      assertThat(Exams.get(exam).sourceCommit()).isEqualTo("2bc4c3d159cf5505f6253d24a909fbd53237e239");
      assertThat(Exams.get(exam).sourceFormat()).isEqualTo("igakuqa");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"112", "113", "114", "115", "116"})
  void everyQuestionHasItsEnglishTranslationInTheSameLayoutWithTheSameIdGoldAndChoices(String exam)
      throws IOException {
    Dataset ja = SharedData.datasetIgakuqa(exam);
    var en = SharedData.englishIgakuqa(exam);
    Map<String, JsonNode> raw = raw(exam, "_translate");
    assertThat(en.questions()).hasSize(400);
    for (Question q : ja.questions()) {
      Question e = en.questions().get(q.questionId());
      JsonNode r = raw.get(q.questionId());
      StringBuilder text = new StringBuilder(q.number() + ". " + r.get("problem_text_en").asText().strip());
      char letter = 'a';
      for (JsonNode c : r.get("choices_en")) {
        text.append("\n\n").append(letter++).append(". ").append(c.asText().strip());
      }
      assertThat(e.text()).as(q.questionId()).isEqualTo(text.toString());
      assertThat(e.withText(q.text())).as("all but the text is the exam's").isEqualTo(q);
    }
    assertThat(en.sha256()).hasSize(64);
  }

  @Test
  void theFirstQuestionReadsInEnglishAsTheModelIsAskedIt() {
    assertThat(SharedData.englishIgakuqa("112").questions().get("112A-1").text()).isEqualTo(
        "1. What disease causes hyperammonemia?\n\na. Gaucher disease.\n\nb. Von Gierke disease.\n\n"
            + "c. Hurler syndrome\n\nd. Maple syrup urine disease\n\ne. Ornithine transcarbamylase deficiency");
  }

  @Test
  void aTranslationThatLosesAChoiceOrAQuestionIsRefusedNamingIt(@TempDir Path dir) throws IOException {
    Path year = dir.resolve("data/2018");
    Files.createDirectories(year);
    for (String b : List.of("A", "B", "C", "D", "E", "F")) {
      for (String suffix : List.of("", "_metadata", "_translate")) {
        Files.copy(SharedData.rootIgakuqa().resolve("data/2018/112-" + b + suffix + ".jsonl"),
            year.resolve("112-" + b + suffix + ".jsonl"));
      }
    }
    Dataset ja = IgakuQaSource.load(dir, "112", Set.of());
    Path a = year.resolve("112-A_translate.jsonl");
    List<String> lines = Files.readAllLines(a);
    Files.write(a, lines.subList(1, lines.size()));
    assertThatThrownBy(() -> IgakuQaSource.english(dir, ja)).isInstanceOf(UserError.class)
        .hasMessage(year + ": no English translation of 112A-1");
    lines.set(0, lines.get(0).replace("\"Gaucher disease.\", ", ""));
    Files.write(a, lines);
    assertThatThrownBy(() -> IgakuQaSource.english(dir, ja)).isInstanceOf(UserError.class)
        .hasMessage(a + ": question 112A1: 4 choices in English for 5 in Japanese");
    Files.delete(a);
    assertThatThrownBy(() -> IgakuQaSource.english(dir, ja)).isInstanceOf(UserError.class)
        .hasMessageStartingWith(a + ": not found; `jmle-bench dataset download --exam 112 --language en` fetches");
  }
}
