package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.stats.Interval;
import java.util.Objects;

/**
 * One run's statistics as the leaderboard exports them: the object of {@code StatisticsJson.run} (95%
 * intervals, pass probability) and the key of what it was computed from (see {@link IntervalCache}). The
 * chart draws its whiskers from the same object, so chart and export cannot disagree.
 */
record RunIntervals(String key, ObjectNode json) {
  RunIntervals {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(json, "json");
  }

  /** The 95% interval of the score as a share of the maximum, as exported (4 decimals). */
  Interval scorePct() {
    JsonNode ci = json.path("score_pct_ci");
    return new Interval(ci.path(0).doubleValue(), ci.path(1).doubleValue());
  }
}
