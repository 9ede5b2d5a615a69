package dev.jmlebench.viewer;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a search must find, worked out in Java from the dataset and the result files (NFKC, lower case). */
final class SearchExpectations {
  private SearchExpectations() {}

  private static boolean holds(String text, String word) {
    return fold(text).contains(fold(word));
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** The ids of the questions whose text as asked (case text, stem, choices) holds the word, in exam order. */
  static List<String> questions(Dataset dataset, String word) {
    return dataset.questions().stream()
        .filter(q -> holds(q.serialGroup().map(g -> g.contextText() + "\n\n").orElse("") + q.text(), word))
        .map(Question::questionId).toList();
  }

  /** The questions whose answer in this file (response, reasoning or error) holds the word. */
  static List<String> answers(ResultFile file, String word) {
    return file.results().stream()
        .filter(r -> holds(Stream.of(r.rawResponse(), r.reasoning(), r.error()).filter(Objects::nonNull)
            .collect(Collectors.joining("\n")), word))
        .map(QuestionResult::questionId).toList();
  }
}
