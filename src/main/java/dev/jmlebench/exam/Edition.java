package dev.jmlebench.exam;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One answer key of an exam ({@code editions/<name>.json}): the gold answers it sets over the dataset's, its
 * pass criteria, the questions it excludes from scoring, how answers are compared per question type, and the
 * sources of each rule. A later correction, or a new year, is a new file of this shape.
 *
 * @param answers gold answers by question id that replace the dataset's (sorted lower-case letters, or one
 *     numeric string); a question not listed keeps the dataset's gold
 * @param acceptedAlternatives questions for which any one of several answers is correct, by question id (119E28:
 *     {@code [["a"], ["c"]]}: a alone or c alone, not both); each alternative is compared by the type's rule
 * @param correctForEveryone questions that score for every candidate whatever the answer, even none (116A71, as
 *     IgakuQA grades it): kept in the maxima, unlike an excluded question
 * @param comparison the comparison rule by question type ({@code multiple_choice}, {@code calculation}), by
 *     name ({@code string}, {@code numeric}); the scorer knows what each name means
 * @param calculationGold how a calculation's gold is written: {@link #DATASET_GOLD} as the dataset stores it,
 *     or {@link #MARK_SHEET_VALUE}, the value that the dataset's mark-sheet digits spell in the question's
 *     answer template (IgakuQA's {@code "21"} for {@code 解答：①.②} is {@code "2.1"}); the scorer renders it
 */
public record Edition(
    String exam,
    String name,
    String title,
    String published,
    String description,
    Map<String, List<String>> answers,
    Criteria criteria,
    Set<String> excludedQuestions,
    Map<String, List<List<String>>> acceptedAlternatives,
    Set<String> correctForEveryone,
    Map<String, String> comparison,
    String calculationGold,
    List<Citation> sources) {
  /** The dataset's gold as it stands (the default). */
  public static final String DATASET_GOLD = "dataset";
  /** The value the mark-sheet digits spell in the answer template ({@code score.MarkSheet}). */
  public static final String MARK_SHEET_VALUE = "mark_sheet_value";

  public Edition {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    answers.forEach((id, gold) -> copy.put(id, List.copyOf(gold)));
    answers = java.util.Collections.unmodifiableMap(copy);
    excludedQuestions = java.util.Collections.unmodifiableSet(new TreeSet<>(excludedQuestions));
    TreeMap<String, List<List<String>>> alternatives = new TreeMap<>();
    acceptedAlternatives.forEach((id, alts) -> alternatives.put(id, alts.stream().map(List::copyOf).toList()));
    acceptedAlternatives = java.util.Collections.unmodifiableMap(alternatives);
    correctForEveryone = java.util.Collections.unmodifiableSet(new TreeSet<>(correctForEveryone));
    // Every map and set in key order, as TreeMap keeps it: Map.copyOf's order changes from one JVM to the next,
    // and this record's text is part of what a chart cache compares between builds (ChartCache.fingerprint).
    comparison = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(comparison)));
    if (!DATASET_GOLD.equals(calculationGold) && !MARK_SHEET_VALUE.equals(calculationGold)) {
      throw new IllegalArgumentException("calculation_gold: expected " + DATASET_GOLD + " or " + MARK_SHEET_VALUE
          + ", not " + calculationGold);
    }
    sources = List.copyOf(sources);
  }

  /** The same edition under another name (an edition file that may not use its own). */
  public Edition named(String newName) {
    return new Edition(exam, newName, title, published, description, answers, criteria, excludedQuestions,
        acceptedAlternatives, correctForEveryone, comparison, calculationGold, sources);
  }
}
