package dev.jmlebench.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionId;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamsTest {
  @TempDir Path tmp;

  @Test
  void the120thExamIsBundledWithItsBlocksPinnedSourceAndTwoEditions() {
    ExamSpec exam = Exams.get("120");
    assertThat(exam.blocks()).extracting(Block::name).containsExactly("A", "B", "C", "D", "E", "F");
    assertThat(exam.blocks()).filteredOn(Block::required).extracting(Block::name).containsExactly("B", "E");
    assertThat(exam.sourceCommit()).isEqualTo("76c4b29475d3008072a77a091a0d27df049dadcd");
    assertThat(exam.editions()).containsOnlyKeys("author", "official");
    assertThat(exam.defaultEdition()).isEqualTo("official");
    assertThat(exam.edition("official").published()).isEqualTo("2026-03-16");
  }

  @Test
  void theBlocksOfTheExamDataMatchTheDatasetQuestionForQuestion() {
    ExamSpec exam = Exams.get("120");
    int total = 0;
    for (Question q : SharedData.dataset().questions()) {
      Block b = exam.block(q.block()).orElseThrow();
      assertThat(q.number()).isLessThanOrEqualTo(b.questions());
      assertThat(b.required()).isEqualTo(exam.isRequiredBlock(q.block()));
      total += b.pointsOf(q.number());
    }
    assertThat(total).isEqualTo(500);
    assertThat(exam.blocks().stream().mapToInt(Block::questions).sum())
        .isEqualTo(SharedData.dataset().questions().size());
  }

  @Test
  void the119thExamIsBundledSoItsRunsGradeWithItsOwnCriteria() {
    ExamSpec exam = Exams.get("119");
    assertThat(exam.blocks().stream().mapToInt(Block::questions).sum()).isEqualTo(400);
    assertThat(exam.edition(exam.defaultEdition()).criteria().generalMinScore()).isEqualTo(221);
  }

  @Test
  void theIgakuQaExamsHaveTheValueEditionByDefaultAndIgakuQasOwnBesideIt() {
    for (String id : java.util.List.of("112", "113", "114", "115", "116")) {
      ExamSpec exam = Exams.get(id);
      assertThat(exam.editions()).containsOnlyKeys("official", "igakuqa");
      assertThat(exam.defaultEdition()).isEqualTo("official");
      assertThat(exam.edition("official").calculationGold()).isEqualTo(Edition.MARK_SHEET_VALUE);
      assertThat(exam.edition("igakuqa").calculationGold()).isEqualTo(Edition.DATASET_GOLD);
      // Only the rendering of calculations sets them apart.
      assertThat(exam.edition("igakuqa").criteria()).isEqualTo(exam.edition("official").criteria());
      assertThat(exam.edition("igakuqa").excludedQuestions()).isEqualTo(exam.edition("official").excludedQuestions());
      assertThat(exam.edition("igakuqa").answers()).isEqualTo(exam.edition("official").answers());
    }
    assertThat(Exams.get("120").edition("official").calculationGold()).isEqualTo(Edition.DATASET_GOLD);
  }

  /** The label every figure of the third criterion carries comes from the edition's data, once. */
  @Test
  void theProhibitedChoiceCriterionNamesWhoseAnnotationJudgesItAndOnlyWhereItIsSet() throws IOException {
    for (String id : java.util.List.of("112", "113", "114", "115", "116")) {
      for (String edition : java.util.List.of("official", "igakuqa")) {
        Criteria c = Exams.get(id).edition(edition).criteria();
        assertThat(c.prohibitedMax()).isEqualTo(3);
        assertThat(c.prohibitedAnnotatedBy()).isEqualTo("IgakuQA's authors");
      }
    }
    assertThat(Exams.get("120").edition("official").criteria().prohibitedAnnotatedBy()).isNull();
    assertThat(Exams.get("119").edition("official").criteria().prohibitedAnnotatedBy()).isNull();

    Path file = tmp.resolve("unsigned.json");
    Files.writeString(file, Files.readString(Path.of("src/main/resources/dev/jmlebench/exam/113/editions/official.json"))
        .replace(",\n      \"annotated_by\": \"IgakuQA's authors\"", ""));
    assertThat(Files.readString(file)).doesNotContain("annotated_by");
    assertThatThrownBy(() -> Exams.editionFile(file, Exams.get("113"))).isInstanceOf(UserError.class)
        .hasMessage(file + ": criteria.prohibited_choices.annotated_by: missing");
  }

  @Test
  void anUnknownEditionNameIsTheUsersMistakeNamedWithTheChoices() {
    assertThatThrownBy(() -> Exams.get("120").edition("draft")).isInstanceOf(UserError.class)
        .hasMessage("--key draft: unknown answer key of the 120th exam; choose one of author, official "
            + "(or give an edition file, *.json)");
  }

  @Test
  void anEditionFileThatNamesAQuestionTheExamDoesNotHaveIsRejectedNamingIt() throws IOException {
    Path file = tmp.resolve("corrected.json");
    Files.writeString(file, Files.readString(Path.of("src/main/resources/dev/jmlebench/exam/120/editions/official.json"))
        .replace("\"120F-58\"", "\"120F-76\""));
    assertThatThrownBy(() -> Exams.editionFile(file, Exams.get("120"))).isInstanceOf(UserError.class)
        .hasMessage(file + ": answers.120F-76: '120F-76' is not a question of the 120th exam");

    Files.writeString(file, Files.readString(Path.of("src/main/resources/dev/jmlebench/exam/120/editions/official.json"))
        .replace("\"excluded_questions\": []", "\"excluded_questions\": [\"119A-1\"]"));
    assertThatThrownBy(() -> Exams.editionFile(file, Exams.get("120"))).isInstanceOf(UserError.class)
        .hasMessage(file + ": excluded_questions: '119A-1' is not a question of the 120th exam");
  }

  @Test
  void anEditionFileWithoutSourcesOrWithAMissingFieldIsRejectedNamingTheField() throws IOException {
    Path file = tmp.resolve("e.json");
    String official = Files.readString(Path.of("src/main/resources/dev/jmlebench/exam/120/editions/official.json"));
    Files.writeString(file, official.replace("\"min_score\": 224", "\"min_score\": \"224\""));
    assertThatThrownBy(() -> Exams.editionFile(file, Exams.get("120")))
        .hasMessage(file + ": criteria.general.min_score: expected a whole number ≥ 0");
    Files.writeString(file, official.replace("\"min_score\": 224", "\"min_score\": 301"));
    assertThatThrownBy(() -> Exams.editionFile(file, Exams.get("120")))
        .hasMessage(file + ": criteria: a pass mark is above its maximum");
  }

  @Test
  void questionIdsOfTheDatasetAreAllOfTheExam() {
    for (Question q : SharedData.dataset().questions()) {
      assertThat(QuestionId.parse(q.questionId()).orElseThrow().exam()).isEqualTo(Exams.get("120").id());
    }
  }
}
