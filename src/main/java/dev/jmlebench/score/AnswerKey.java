package dev.jmlebench.score;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import dev.jmlebench.exam.Edition;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An answer-key edition put to work: the gold answer of each question, whether a parsed answer is correct,
 * and the pass criteria. The one place that decides correctness (SPEC §3 and §7); grading is a pure function
 * of the edition, the question and the stored prediction, so any file can be re-graded under any edition.
 */
public final class AnswerKey {
  private final ExamSpec exam;
  private final Edition edition;
  private final ExamCriteria criteria;
  private final Map<QuestionType, Comparison> comparison = new EnumMap<>(QuestionType.class);

  private AnswerKey(ExamSpec exam, Edition edition, String where) {
    this.exam = exam;
    this.edition = edition;
    this.criteria = ExamCriteria.of(edition);
    for (QuestionType t : QuestionType.values()) {
      String name = edition.comparison().get(t.wireName());
      if (name == null) {
        throw new UserError(where + ": comparison." + t.wireName() + ": missing (string or numeric)");
      }
      Comparison c = Comparison.named(name);
      if (c == null) {
        throw new UserError(where + ": comparison." + t.wireName() + ": unknown rule '" + name
            + "'; known: string, numeric");
      }
      comparison.put(t, c);
    }
  }

  /** The edition {@code name} of a bundled exam. */
  public static AnswerKey of(ExamSpec exam, String name) {
    return new AnswerKey(exam, exam.edition(name), "exam/" + exam.id() + "/editions/" + name + ".json");
  }

  /** The edition {@code name} of the bundled exam {@code examId}, e.g. {@code of("120", "official")}. */
  public static AnswerKey of(String examId, String name) {
    return of(Exams.get(examId), name);
  }

  /**
   * The key a user asked for ({@code --key}): an edition's name, an edition file ({@code *.json}), or null
   * for the exam's default edition.
   */
  public static AnswerKey chosen(String examId, String nameOrFile) {
    ExamSpec exam = Exams.get(examId);
    if (nameOrFile == null) {
      return of(exam, exam.defaultEdition());
    }
    if (nameOrFile.endsWith(".json")) {
      return new AnswerKey(exam, Exams.editionFile(Path.of(nameOrFile), exam), nameOrFile);
    }
    return of(exam, nameOrFile);
  }

  public String name() {
    return edition.name();
  }

  public Edition edition() {
    return edition;
  }

  public ExamSpec exam() {
    return exam;
  }

  public ExamCriteria criteria() {
    return criteria;
  }

  /**
   * The gold answer of {@code q} under this edition: its correction if it has one, else the dataset's — for a
   * calculation under an edition that asks for values, the value its mark-sheet digits spell
   * ({@link MarkSheet}).
   */
  public List<String> gold(Question q) {
    List<String> corrected = edition.answers().get(q.questionId());
    if (corrected != null) {
      return corrected;
    }
    if (q.type() == QuestionType.CALCULATION && Edition.MARK_SHEET_VALUE.equals(edition.calculationGold())) {
      return List.of(MarkSheet.value(q.answer().get(0), q.text()).orElseThrow(() -> new UserError("answer key "
          + name() + ": the gold " + q.answer() + " of " + q.questionId() + " does not fill the answer template "
          + "at the end of its text (one digit per box after " + MarkSheet.TEMPLATE_MARK + ")")));
    }
    return q.answer();
  }

  /**
   * The gold as a reader should take it: the letters joined by commas ("b,d": choose both), or, where the key
   * accepts alternatives, each alternative joined by " or " ("a or c" for 119E28: either one, not both).
   */
  public String goldText(Question q) {
    List<List<String>> alternatives = edition.acceptedAlternatives().get(q.questionId());
    if (alternatives != null) {
      return String.join(" or ", alternatives.stream().map(a -> String.join(",", a)).toList());
    }
    return String.join(",", gold(q));
  }

  /**
   * Correct for a question that scores for everyone (116A71) whatever the answer; else correct iff the answer parsed and matches the gold by the edition's rule for the question's type, or,
   * for a question with accepted alternatives, matches one of them.
   */
  public boolean isCorrect(Question q, List<String> predicted, boolean parseSuccess) {
    if (edition.correctForEveryone().contains(q.questionId())) {
      return true;
    }
    if (!parseSuccess) {
      return false;
    }
    Comparison rule = comparison.get(q.type());
    // Accepted alternatives (119E28: a or c): any one of them, compared by the type's rule, is correct.
    List<List<String>> alternatives = edition.acceptedAlternatives().get(q.questionId());
    if (alternatives != null) {
      return alternatives.stream().anyMatch(alternative -> rule.matches(predicted, alternative));
    }
    return rule.matches(predicted, gold(q));
  }

  /** Every question the edition names must be in the dataset it grades; {@code where} names the edition. */
  public AnswerKey checkedAgainst(Dataset dataset) {
    Set<String> named = new TreeSet<>(edition.answers().keySet());
    named.addAll(edition.excludedQuestions());
    named.addAll(edition.acceptedAlternatives().keySet());
    named.addAll(edition.correctForEveryone());
    for (String id : named) {
      if (dataset.question(id).isEmpty()) {
        throw new UserError("answer key " + name() + ": question " + id + " is not in the dataset at "
            + dataset.directory());
      }
    }
    // Every calculation's gold renders (a dataset that does not fit the edition fails here, not mid-run).
    dataset.questions().forEach(this::gold);
    return this;
  }

  /**
   * The edition of {@code exam} whose gold answers a file carries, told apart by the questions on which the
   * editions disagree; empty when the file holds none of them (every edition grades it alike) or matches none.
   *
   * @param goldById the gold answers the file stores, by question id
   */
  public static Optional<Edition> recognise(ExamSpec exam, Map<String, List<String>> goldById) {
    Set<String> disputed = new TreeSet<>();
    for (Edition e : exam.editions().values()) {
      for (String id : e.answers().keySet()) {
        if (exam.editions().values().stream()
            .anyMatch(other -> !Objects.equals(sorted(e.answers().get(id)), sorted(other.answers().get(id))))) {
          disputed.add(id);
        }
      }
    }
    disputed.retainAll(goldById.keySet());
    if (disputed.isEmpty()) {
      return Optional.empty();
    }
    List<Edition> matching = exam.editions().values().stream()
        .filter(e -> disputed.stream()
            .allMatch(id -> Objects.equals(sorted(goldById.get(id)), sorted(e.answers().get(id)))))
        .toList();
    return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
  }

  private static List<String> sorted(List<String> values) {
    if (values == null) {
      return null;
    }
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  @Override
  public String toString() {
    return exam.id() + "/" + name();
  }
}
