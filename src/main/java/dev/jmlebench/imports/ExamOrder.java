package dev.jmlebench.imports;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.results.QuestionResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Imported results in the exam's order, every question present: one the source did not answer is failed. */
final class ExamOrder {
  private ExamOrder() {}

  static Map<String, QuestionResult> of(Map<String, QuestionResult> byId, Dataset dataset) {
    Map<String, QuestionResult> ordered = new LinkedHashMap<>();
    for (Question q : dataset.questions()) {
      QuestionResult r = byId.get(q.questionId());
      ordered.put(q.questionId(), r != null ? r
          : QuestionResult.failed(q.questionId(), q.answer(), "not answered in the imported files", Map.of()));
    }
    return ordered;
  }
}
