package dev.jmlebench.dataset.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgakuQa119SourceTest {
  private static final Dataset D = SharedData.dataset119();

  private static Question q(String id) {
    return D.question(id).orElseThrow();
  }

  @Test
  void theExamHas400QuestionsInExamOrderWithTheBlockSizesOfThe119th() {
    assertThat(D.questions()).hasSize(400);
    assertThat(D.exam()).isEqualTo("119");
    Map<String, Long> blocks = D.questions().stream()
        .collect(Collectors.groupingBy(Question::block, TreeMap::new, Collectors.counting()));
    assertThat(blocks).containsExactly(Map.entry("A", 75L), Map.entry("B", 50L), Map.entry("C", 75L),
        Map.entry("D", 75L), Map.entry("E", 50L), Map.entry("F", 75L));
    assertThat(D.questions().get(0).questionId()).isEqualTo("119A-1");
    assertThat(D.questions().get(75).questionId()).isEqualTo("119B-1");
    assertThat(D.questions().get(399).questionId()).isEqualTo("119F-75");
  }

  @Test
  void sourceNumbersBecomeTheProjectsQuestionIds() {
    assertThat(IgakuQa119Source.idOf("119A12").orElseThrow().toString()).isEqualTo("119A-12");
    assertThat(IgakuQa119Source.idOf("119B-12")).isEmpty();
    assertThat(IgakuQa119Source.idOf("120A12")).isEmpty();
  }

  @Test
  void questionTextIsWrittenInThe120thDatasetsLayout() {
    assertThat(q("119A-1").text()).isEqualTo("1　自己免疫性膵炎で誤っているのはどれか\n\n"
        + "a　膵の萎縮を認める。\n\nb　高齢男性に好発する。\n\nc　病理で線維化を認める。\n\n"
        + "d　IgG4関連疾患に含まれる。\n\ne　治療はグルココルチコイド投与が第一選択である。");
    // the same shape as the 120th's own one-line questions
    assertThat(SharedData.dataset().question("120A-1").orElseThrow().text())
        .matches("1　[^\\n]+(\\n\\na　[^\\n]+)(\\n\\nb　[^\\n]+)(\\n\\nc　[^\\n]+)(\\n\\nd　[^\\n]+)(\\n\\ne　[^\\n]+)");
    assertThat(q("119F-16").text()).contains("\n\ne　細胞傷害性T細胞〈CTL〉");
  }

  @Test
  void choicesWrittenInsideTheStemAreSetOutAsChoices() {
    assertThat(q("119E-48").text()).endsWith("次に静脈内投与すべき薬剤はどれか。\n\na　アトロピン\n\nb　ジアゼパム"
        + "\n\nc　フロセミド\n\nd　アドレナリン\n\ne　グルココルチコイド");
    assertThat(q("119E-45").text()).endsWith("\n\ne　「周りに同じ症状の人はいますか」");
  }

  @Test
  void fourCalculationQuestionsAreFoundFromTheirNumericAnswers() {
    List<Question> calc = D.questions().stream().filter(x -> x.type() == QuestionType.CALCULATION).toList();
    assertThat(calc).extracting(Question::questionId).containsExactly("119A-75", "119C-74", "119C-75", "119F-75");
    assertThat(q("119A-75").answer()).containsExactly("600");
    assertThat(q("119A-75").text()).startsWith("75　体重50kg、").doesNotContain("\n");
  }

  @Test
  void choicesToSelectIsTheNumberOfGoldLettersAndOneForAnEitherOrAnswer() {
    assertThat(q("119A-12").answer()).containsExactly("c", "e");
    assertThat(q("119A-12").numChoicesToSelect()).isEqualTo(2);
    assertThat(q("119C-35").numChoicesToSelect()).isEqualTo(3);
    assertThat(q("119E-28").answer()).containsExactly("a", "c");
    assertThat(q("119E-28").numChoicesToSelect()).isEqualTo(1);
    Dataset without = IgakuQa119Source.load(SharedData.root119(), Set.of());
    assertThat(without.question("119E-28").orElseThrow().numChoicesToSelect()).isEqualTo(2);
  }

  @Test
  void imagesAreListedInOrderAndTheTwoWithoutAFileAreAskedAsText() throws IOException {
    assertThat(q("119A-15").clinicalImages()).containsExactly("119A15-1.png", "119A15-2.png");
    assertThat(q("119A-22").clinicalImages()).containsExactly("119A22-1.png", "119A22-2.png", "119A22-3.png");
    assertThat(q("119A-11").clinicalImages()).containsExactly("119A11.png");
    assertThat(D.questions().stream().filter(Question::requiresImage)).hasSize(103);
    assertThat(D.questions().stream().filter(x -> x.requiresImage() && x.clinicalImages().isEmpty()))
        .extracting(Question::questionId).containsExactly("119C-15", "119C-22");
    long references = D.questions().stream().mapToLong(x -> x.clinicalImages().size()).sum();
    long files;
    try (var s = Files.list(SharedData.root119().resolve("images"))) {
      files = s.count();
    }
    // 119C67.png exists but the source flags 119C67 as text-only, and its flag decides (the text-only
    // part is 297 questions in the published grading)
    assertThat(files).isEqualTo(150);
    assertThat(references).isEqualTo(149);
    assertThat(q("119C-67").requiresImage()).isFalse();
    assertThat(q("119C-67").clinicalImages()).isEmpty();
    D.questions().stream().flatMap(x -> x.clinicalImages().stream())
        .forEach(name -> assertThat(D.imagesDirectory().resolve(name)).isRegularFile());
  }

  @Test
  void theTextOnlyPartHas297QuestionsWorth383Points() {
    List<Question> text = D.questions().stream().filter(x -> !x.requiresImage()).toList();
    assertThat(text).hasSize(297);
    assertThat(text.stream().mapToInt(Points::of).sum()).isEqualTo(383);
    assertThat(D.questions().stream().mapToInt(Points::of).sum()).isEqualTo(500);
  }

  @Test
  void everyGoldAnswerIsTheSourcesAnswerKey() throws IOException {
    List<String> rows = Files.readAllLines(SharedData.root119().resolve(IgakuQa119Source.ANSWERS));
    assertThat(rows).hasSize(401);
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      Question question = q(IgakuQa119Source.idOf(cells[0]).orElseThrow().toString());
      assertThat(String.join("", question.answer())).isEqualTo(cells[1]);
    }
  }

  @Test
  void aMissingAnswerIsOneLineNamingTheQuestion(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("questions"));
    Files.createDirectories(tmp.resolve("results"));
    for (String b : IgakuQa119Source.BLOCKS) {
      Files.copy(SharedData.root119().resolve("questions/119" + b + "_json.json"),
          tmp.resolve("questions/119" + b + "_json.json"));
    }
    List<String> rows = Files.readAllLines(SharedData.root119().resolve(IgakuQa119Source.ANSWERS));
    Files.write(tmp.resolve(IgakuQa119Source.ANSWERS), rows.stream().filter(r -> !r.startsWith("119D7,")).toList());
    assertThatThrownBy(() -> IgakuQa119Source.load(tmp, Set.of()))
        .isInstanceOf(UserError.class)
        .hasMessage(tmp.resolve("questions/119D_json.json") + ": question 119D7 has no answer in "
            + IgakuQa119Source.ANSWERS);
  }

  @Test
  void aMissingQuestionsFileNamesTheFileAndHowToFetchIt(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("results"));
    Files.copy(SharedData.root119().resolve(IgakuQa119Source.ANSWERS), tmp.resolve(IgakuQa119Source.ANSWERS));
    assertThatThrownBy(() -> IgakuQa119Source.load(tmp, Set.of()))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(tmp.resolve("questions/119A_json.json") + ": not found;")
        .hasMessageContaining("dataset download --exam 119");
  }

  @Test
  void theDatasetHashNamesWhatWasReadAndChangesWithTheAnswerKey(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("questions"));
    Files.createDirectories(tmp.resolve("results"));
    for (String b : IgakuQa119Source.BLOCKS) {
      Files.copy(SharedData.root119().resolve("questions/119" + b + "_json.json"),
          tmp.resolve("questions/119" + b + "_json.json"));
    }
    Files.copy(SharedData.root119().resolve(IgakuQa119Source.ANSWERS), tmp.resolve(IgakuQa119Source.ANSWERS));
    assertThat(IgakuQa119Source.load(tmp, Set.of()).sha256()).isEqualTo(D.sha256()).hasSize(64);
    List<String> rows = Files.readAllLines(tmp.resolve(IgakuQa119Source.ANSWERS));
    rows.set(1, "119A1,b");
    Files.write(tmp.resolve(IgakuQa119Source.ANSWERS), rows);
    assertThat(IgakuQa119Source.load(tmp, Set.of()).sha256()).isNotEqualTo(D.sha256());
  }
}
