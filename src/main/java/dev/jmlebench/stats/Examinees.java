package dev.jmlebench.stats;

import dev.jmlebench.dataset.Annotation;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.score.Tally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A run beside the real examinees, where the source publishes their per-question accuracy (IgakuQA's 112th-116th
 * exams): the questions nearly every examinee answered right and the model missed, the reverse, and the model's
 * accuracy by how hard the examinees found the question. Questions without a published accuracy (116A71) are
 * left out, as are questions the run did not ask. Lists are in exam order.
 *
 * @param examineesRightModelWrong questions ≥ {@value #EASY}% of examinees answered right that the model missed
 * @param examineesWrongModelRight questions ≤ {@value #HARD}% of examinees answered right that the model got right
 * @param byBand the model's accuracy by the examinees' accuracy band, from the hardest band to the easiest
 */
public record Examinees(List<Question> examineesRightModelWrong, List<Question> examineesWrongModelRight,
    Map<String, Tally> byBand) {
  /** At or above this share of examinees right, a question is one "nearly everyone" gets right. */
  public static final double EASY = 90;
  /** At or below this share of examinees right, a question is one nearly everyone gets wrong. */
  public static final double HARD = 10;
  private static final double[] BAND_FLOORS = {0, 50, 70, 90};
  private static final String[] BAND_NAMES = {"<50%", "50-70%", "70-90%", "≥90%"};

  /** A question with the examinees' accuracy, in percent. */
  public record Question(String questionId, double examineeAccuracy) {}

  /** The comparison of a run with the examinees; empty when the dataset publishes no examinee accuracy. */
  public static java.util.Optional<Examinees> of(ResultFile file, Dataset dataset) {
    if (!dataset.isAnnotated()) {
      return java.util.Optional.empty();
    }
    List<Question> missed = new ArrayList<>();
    List<Question> beat = new ArrayList<>();
    Map<String, Tally> bands = new LinkedHashMap<>();
    for (String name : BAND_NAMES) {
      bands.put(name, new Tally(0, 0));
    }
    Map<String, QuestionResult> byId = new java.util.HashMap<>();
    file.results().forEach(r -> byId.put(r.questionId(), r));
    for (dev.jmlebench.dataset.Question q : dataset.questions()) {
      QuestionResult r = byId.get(q.questionId());
      if (r == null) {
        continue;
      }
      OptionalDouble accuracy = dataset.annotation(r.questionId()).map(Annotation::examineeAccuracy)
          .orElse(OptionalDouble.empty());
      if (accuracy.isEmpty()) {
        continue;
      }
      double a = accuracy.getAsDouble();
      if (a >= EASY && !r.correct()) {
        missed.add(new Question(r.questionId(), a));
      }
      if (a <= HARD && r.correct()) {
        beat.add(new Question(r.questionId(), a));
      }
      int band = 0;
      for (int i = 0; i < BAND_FLOORS.length; i++) {
        if (a >= BAND_FLOORS[i]) {
          band = i;
        }
      }
      bands.compute(BAND_NAMES[band], (k, t) -> new Tally(t.correct() + (r.correct() ? 1 : 0), t.total() + 1));
    }
    return java.util.Optional.of(new Examinees(List.copyOf(missed), List.copyOf(beat), bands));
  }
}
