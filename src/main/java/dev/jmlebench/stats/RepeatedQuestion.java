package dev.jmlebench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One question asked several times, as {@link Repeats} sees it: what it is worth and its samples by sample
 * number.
 *
 * @param maxPoints what the question adds to the maximum score (0 when excluded from scoring)
 * @param samples by sample number; an element is null for a sample not asked (it counts as no answer)
 */
public record RepeatedQuestion(String questionId, int maxPoints, List<Sample> samples) {
  public RepeatedQuestion {
    if (maxPoints < 0) {
      throw new IllegalArgumentException(questionId + ": maxPoints must be 0 or more, not " + maxPoints);
    }
    samples = Collections.unmodifiableList(new ArrayList<>(samples));
  }

  /**
   * One answer to the question.
   *
   * @param answer the parsed answer, sorted; null when there is none (a parse failure or a failed request)
   * @param correct whether it was graded correct
   */
  public record Sample(List<String> answer, boolean correct) {
    public Sample {
      answer = answer == null ? null : answer.stream().sorted().toList();
      if (answer == null && correct) {
        throw new IllegalArgumentException("a sample without an answer cannot be correct");
      }
    }
  }

  Sample sample(int k) {
    return k < samples.size() ? samples.get(k) : null;
  }
}
