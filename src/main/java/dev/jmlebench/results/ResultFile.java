package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.score.Summary;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole result file (SPEC §5): metadata, summary and the per-question results, sorted by question id as
 * strings. {@code summary} is null for a file whose summary was removed (it can be recomputed).
 */
public record ResultFile(
    RunMetadata metadata,
    Summary summary,
    List<QuestionResult> results,
    Map<String, JsonNode> summaryExtra,
    Map<String, JsonNode> extra) {

  public ResultFile {
    results = results.stream().sorted(Comparator.comparing(QuestionResult::questionId)).toList();
    summaryExtra = Collections.unmodifiableMap(new LinkedHashMap<>(summaryExtra));
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public ResultFile(RunMetadata metadata, Summary summary, List<QuestionResult> results) {
    this(metadata, summary, results, Map.of(), Map.of());
  }

  public ResultFile withSummary(Summary newSummary) {
    return new ResultFile(metadata, newSummary, results, summaryExtra, extra);
  }

  public ResultFile withResults(List<QuestionResult> newResults) {
    return new ResultFile(metadata, summary, newResults, summaryExtra, extra);
  }

  public ResultFile withMetadata(RunMetadata newMetadata) {
    return new ResultFile(newMetadata, summary, results, summaryExtra, extra);
  }
}
