package dev.jmlebench.stats;

import dev.jmlebench.exam.Exams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs of a folder that may hold several exams, each exam's runs compared among themselves ({@link
 * AllPairs}), newest exam first, as {@code leaderboard} ranks each exam on its own: a question of the 119th
 * has no counterpart in the 120th. An exam with a single run has nothing to compare it with and is listed
 * apart.
 *
 * @param compared each exam with two runs or more, by exam id, newest first
 * @param alone each exam with one run, by exam id, newest first
 */
public record ExamsCompared(Map<String, AllPairs> compared, Map<String, ScoredRun> alone) {
  public ExamsCompared {
    compared = Collections.unmodifiableMap(new LinkedHashMap<>(compared));
    alone = Collections.unmodifiableMap(new LinkedHashMap<>(alone));
  }

  /** Groups the runs by the exam their questions belong to (a run without answers by {@code ""}) and compares them. */
  public static ExamsCompared of(List<ScoredRun> runs, Bootstrap bootstrap) {
    Map<String, List<ScoredRun>> byExam = new TreeMap<>(Exams.NEWEST_FIRST);
    runs.forEach(r -> byExam.computeIfAbsent(r.exam().orElse(""), k -> new ArrayList<>()).add(r));
    Map<String, AllPairs> compared = new LinkedHashMap<>();
    Map<String, ScoredRun> alone = new LinkedHashMap<>();
    byExam.forEach((exam, those) -> {
      if (those.size() < 2) {
        alone.put(exam, those.get(0));
      } else {
        compared.put(exam, AllPairs.of(those, bootstrap));
      }
    });
    return new ExamsCompared(compared, alone);
  }

  public static ExamsCompared of(List<ScoredRun> runs) {
    return of(runs, Bootstrap.DEFAULT);
  }

  /** Whether the folder held one exam only, all of whose runs are compared: reported as before exams were many. */
  public boolean isOneExam() {
    return compared.size() == 1 && alone.isEmpty();
  }
}
