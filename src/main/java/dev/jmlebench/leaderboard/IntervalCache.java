package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.SerialGroup;
import dev.jmlebench.exam.Criteria;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Outcome;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.RunStatistics;
import dev.jmlebench.stats.StatisticsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The intervals of the previous build, read back from its {@code leaderboard.json}. A run's bootstrap
 * (10,000 resamples of its questions) is the largest piece of arithmetic a leaderboard build does, about
 * 50 ms a file; rebuilding after one new run should not redo it for every unchanged file. A row is reused
 * only when its {@code intervals_key} equals the key of the file now: a hash of everything the figures
 * depend on — each question id, whether it was answered correctly and its serial group, the criteria of the
 * answer key, the bootstrap's parameters, and {@link RunStatistics#VERSION}, the version of the statistics
 * code (so changed code never serves stale figures). Anything unreadable is simply not reused: this is a
 * cache, never an input.
 */
final class IntervalCache {
  static final String KEY_FIELD = "intervals_key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, RunIntervals> bySource;

  private IntervalCache(Map<String, RunIntervals> bySource) {
    this.bySource = bySource;
  }

  static IntervalCache read(Path leaderboardJson) {
    Map<String, RunIntervals> rows = new HashMap<>();
    try {
      if (Files.isRegularFile(leaderboardJson)) {
        for (JsonNode row : JSON.readTree(leaderboardJson.toFile()).path("runs")) {
          JsonNode intervals = row.path("intervals");
          if (row.path(KEY_FIELD).isTextual() && row.path("source_file").isTextual() && intervals.isObject()
              && intervals.path("score_pct_ci").size() == 2) {
            rows.put(row.get("source_file").asText(),
                new RunIntervals(row.get(KEY_FIELD).asText(), (ObjectNode) intervals));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      rows.clear(); // not our file any more, or damaged: compute everything afresh
    }
    return new IntervalCache(rows);
  }

  /** The statistics of {@code file}: the previous build's when its key matches, else computed now. */
  RunIntervals of(ResultFile file, ExamCriteria criteria, Dataset dataset, String source) {
    String key = key(file, criteria, dataset);
    RunIntervals earlier = bySource.get(source);
    if (earlier != null && earlier.key().equals(key)) {
      return earlier;
    }
    return new RunIntervals(key, StatisticsJson.run(RunStatistics.of(file, criteria, dataset, source)));
  }

  static String key(ResultFile file, ExamCriteria criteria, Dataset dataset) {
    Criteria marks = criteria.marks();
    StringBuilder sb = new StringBuilder(16 * file.results().size() + 256)
        .append(RunStatistics.VERSION).append('|').append(Bootstrap.DEFAULT).append('|')
        .append(criteria.exam()).append(',').append(marks.requiredMax()).append(',')
        .append(marks.requiredMinScore()).append(',').append(marks.requiredMinRatioWithExclusions())
        .append(',').append(marks.generalMax()).append(',').append(marks.generalMinScore()).append(',')
        .append(new TreeSet<>(criteria.excludedQuestions())).append('|')
        .append(new TreeSet<>(criteria.correctForEveryone())).append('|');
    // Each question with its flag and the serial group it is resampled with.
    for (QuestionResult r : file.results()) {
      sb.append(r.questionId()).append(r.outcome() == Outcome.CORRECT ? '+' : '-')
          .append(dataset.question(r.questionId()).flatMap(Question::serialGroup).map(SerialGroup::groupId)
              .orElse("")).append(';');
    }
    return Hashing.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
