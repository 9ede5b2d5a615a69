package dev.jmlebench.stats;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.Samples;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.statistics.descriptive.IntStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * What asking every question N times shows (docs/STATISTICS.md, "Repeats"): the score of each repeat (the
 * k-th sample of every question) with their mean, standard deviation and range; the majority-vote score;
 * and how often the samples of a question agree.
 *
 * <p>Majority vote: the answer given by the most samples among those with a parsed answer; a tie goes to
 * the tied answer given first (lowest sample number), so with all answers different the vote is the first
 * sample's. A question without any parsed answer is wrong. A missing sample counts as no answer.
 *
 * @param scores the score of repeat k (sample k of every question), k = 0..N-1
 * @param corrects the right answers of repeat k
 * @param agreement element j: the questions whose most common parsed answer was given by exactly j of the
 *     N samples (j = 0 when no sample has a parsed answer); element N counts the unanimous questions
 */
public record Repeats(
    int repeats,
    int questions,
    int scoreMax,
    List<Integer> scores,
    List<Integer> corrects,
    int majorityScore,
    int majorityCorrect,
    List<Integer> agreement) {

  public Repeats {
    scores = List.copyOf(scores);
    corrects = List.copyOf(corrects);
    agreement = List.copyOf(agreement);
  }

  /** The repeat figures of a result file with samples, each result's points from its id (as {@link ScoredRun}). */
  public static Repeats of(ResultFile file, ExamCriteria criteria, String source) {
    Map<String, Integer> points = ScoredRun.ungrouped(file, criteria, source).questions().stream()
        .collect(Collectors.toMap(ScoredQuestion::questionId, ScoredQuestion::maxPoints));
    List<RepeatedQuestion> questions = new ArrayList<>();
    for (QuestionResult r : file.results()) {
      List<RepeatedQuestion.Sample> samples = Samples.of(r, source).stream()
          .map(s -> s == null ? null : new RepeatedQuestion.Sample(answered(s) ? s.predicted() : null,
              s.outcome() == Outcome.CORRECT))
          .toList();
      questions.add(new RepeatedQuestion(r.questionId(), points.get(r.questionId()), samples));
    }
    return of(Samples.repeats(file, source), questions);
  }

  /** A sample with an answer to vote with: parsed, right or wrong. */
  private static boolean answered(QuestionResult s) {
    return s.outcome() == Outcome.CORRECT || s.outcome() == Outcome.WRONG;
  }

  public static Repeats of(int repeats, List<RepeatedQuestion> questions) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, not " + repeats);
    }
    int[] scores = new int[repeats];
    int[] corrects = new int[repeats];
    int[] agreement = new int[repeats + 1];
    int scoreMax = 0;
    int majorityScore = 0;
    int majorityCorrect = 0;
    for (RepeatedQuestion q : questions) {
      if (q.samples().size() > repeats) {
        throw new IllegalArgumentException(q.questionId() + ": " + q.samples().size() + " samples, more than "
            + repeats + " repeats");
      }
      scoreMax += q.maxPoints();
      for (int k = 0; k < repeats; k++) {
        RepeatedQuestion.Sample s = q.sample(k);
        if (s != null && s.correct()) {
          scores[k] += q.maxPoints();
          corrects[k]++;
        }
      }
      Vote vote = vote(q);
      agreement[vote.count()]++;
      if (vote.correct()) {
        majorityScore += q.maxPoints();
        majorityCorrect++;
      }
    }
    return new Repeats(repeats, questions.size(), scoreMax, asList(scores), asList(corrects), majorityScore,
        majorityCorrect, asList(agreement));
  }

  /** The winning answer's number of samples (0 when none has an answer) and whether it is right. */
  private record Vote(int count, boolean correct) {}

  private static Vote vote(RepeatedQuestion q) {
    // In order of first appearance, so that the first answer to reach the top count wins ties.
    Map<List<String>, List<RepeatedQuestion.Sample>> byAnswer = q.samples().stream()
        .filter(s -> s != null && s.answer() != null)
        .collect(Collectors.groupingBy(RepeatedQuestion.Sample::answer, LinkedHashMap::new, Collectors.toList()));
    Vote best = new Vote(0, false);
    for (List<RepeatedQuestion.Sample> same : byAnswer.values()) {
      if (same.size() > best.count()) {
        best = new Vote(same.size(), same.get(0).correct());
      }
    }
    return best;
  }

  private static List<Integer> asList(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private double stat(List<Integer> values, Statistic statistic) {
    int[] v = values.stream().mapToInt(Integer::intValue).toArray();
    return IntStatistics.of(EnumSet.of(statistic), v).getAsDouble(statistic);
  }

  public double meanScore() {
    return stat(scores, Statistic.MEAN);
  }

  /** The sample standard deviation (denominator N − 1) of the repeats' scores; 0 for a single repeat. */
  public double scoreSd() {
    return stat(scores, Statistic.STANDARD_DEVIATION);
  }

  public int minScore() {
    return (int) stat(scores, Statistic.MIN);
  }

  public int maxScore() {
    return (int) stat(scores, Statistic.MAX);
  }

  public double meanCorrect() {
    return stat(corrects, Statistic.MEAN);
  }

  /** The questions on which all N samples gave the same parsed answer. */
  public int unanimous() {
    return agreement.get(repeats);
  }
}
