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
import dev.jmlebench.results.Rescorer;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each run's intervals, computed once per distinct set of answers. A run's bootstrap (10,000 resamples of its
 * questions) is the largest piece of arithmetic a leaderboard build does, about 50 ms a file; rebuilding after
 * one new run should not redo it for every unchanged file. The figures are a function of their
 * {@code intervals_key} alone — a hash of everything they depend on: each question id, how it went and the
 * serial group it is resampled with (and, where the exam judges them, whether the answer chose a prohibited
 * choice), the criteria of the answer key, the bootstrap's parameters and {@link RunStatistics#VERSION}, the
 * version of the statistics code (so changed code never serves stale figures). So the rows of the previous
 * {@code leaderboard.json} are found by that key, not by file name: a renamed or copied file, a new display
 * name, rows added or removed, fields the export gained — none of it costs a bootstrap; and two files with the
 * same answers are bootstrapped once. Anything unreadable is simply not reused: this is a cache, never an input.
 */
final class IntervalCache {
  static final String KEY_FIELD = "intervals_key";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Computes the statistics of a file; the real one bootstraps, a test's may count. */
  interface Statistics {
    RunStatistics of(ResultFile file, ExamCriteria criteria, Dataset dataset, String source);
  }

  private final Map<String, RunIntervals> byKey;
  private final Statistics statistics;

  private IntervalCache(Map<String, RunIntervals> byKey, Statistics statistics) {
    this.byKey = byKey;
    this.statistics = statistics;
  }

  /** The intervals {@code leaderboardJson} holds, by key; empty when it is missing or unreadable. */
  static IntervalCache read(Path leaderboardJson, Statistics statistics) {
    Map<String, RunIntervals> rows = new ConcurrentHashMap<>();
    try {
      if (Files.isRegularFile(leaderboardJson)) {
        for (JsonNode row : JSON.readTree(leaderboardJson.toFile()).path("runs")) {
          JsonNode intervals = row.path("intervals");
          if (row.path(KEY_FIELD).isTextual() && intervals.isObject() && intervals.path("score_pct_ci").size() == 2) {
            rows.put(row.get(KEY_FIELD).asText(), new RunIntervals(row.get(KEY_FIELD).asText(), (ObjectNode) intervals));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      rows.clear(); // not our file any more, or damaged: compute everything afresh
    }
    return new IntervalCache(rows, statistics);
  }

  /**
   * The statistics of {@code file}: the previous build's, or another file's of this build, when the key
   * matches; else computed now (and kept for the files after it).
   */
  RunIntervals of(ResultFile file, ExamCriteria criteria, Dataset dataset, String source) {
    return byKey.computeIfAbsent(key(file, criteria, dataset), k ->
        new RunIntervals(k, StatisticsJson.run(statistics.of(file, criteria, dataset, source))));
  }

  /** The statistics of {@code file} if they can be had without a bootstrap. */
  Optional<RunIntervals> reusable(ResultFile file, ExamCriteria criteria, Dataset dataset) {
    return Optional.ofNullable(byKey.get(key(file, criteria, dataset)));
  }

  /** The statistics computed, now or by the previous build, from answers whose key is {@code key}. */
  Optional<RunIntervals> withKey(String key) {
    return Optional.ofNullable(byKey.get(key));
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
    // The prohibited-choice criterion only where it is judged, so the keys of other exams stay those that
    // earlier exports hold.
    boolean prohibited = marks.prohibitedMax() != null && dataset.isAnnotated();
    if (prohibited) {
      sb.append("prohibited≤").append(marks.prohibitedMax()).append('|');
    }
    // Each question with its flag and the serial group it is resampled with.
    for (QuestionResult r : file.results()) {
      sb.append(r.questionId()).append(r.outcome() == Outcome.CORRECT ? '+' : '-')
          .append(dataset.question(r.questionId()).flatMap(Question::serialGroup).map(SerialGroup::groupId)
              .orElse(""));
      if (prohibited && Boolean.TRUE.equals(Rescorer.choosesProhibited(dataset, r))) {
        sb.append('!');
      }
      sb.append(';');
    }
    return Hashing.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
