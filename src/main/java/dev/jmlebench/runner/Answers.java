package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Samples;
import dev.jmlebench.score.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The answers of a run so far: per question, its samples by sample number (one, sample 0, unless the run
 * repeats). Shared by the asking threads and the Ctrl-C hook, hence synchronized.
 */
final class Answers {
  private final int repeats;
  private final Set<Reask> reask;
  private final Map<String, QuestionResult[]> byQuestion = new HashMap<>();

  Answers(int repeats, Set<Reask> reask) {
    this.repeats = repeats;
    this.reask = reask;
  }

  synchronized void put(String questionId, int sample, QuestionResult r) {
    byQuestion.computeIfAbsent(questionId, id -> new QuestionResult[repeats])[sample] = r;
  }

  /**
   * The results to write: a run that asks once writes each answer as it is; a repeating run writes each
   * question's first sample with all its samples beside it ({@link Samples#publish}).
   */
  synchronized List<QuestionResult> published() {
    List<QuestionResult> out = new ArrayList<>(byQuestion.size());
    for (QuestionResult[] samples : byQuestion.values()) {
      out.add(repeats == 1 ? samples[0] : Samples.publish(Arrays.asList(samples)));
    }
    return out;
  }

  /** Whether every sample of the question has an answer a resume would keep. */
  synchronized boolean isAnswered(String questionId) {
    QuestionResult[] samples = byQuestion.get(questionId);
    return samples != null && Arrays.stream(samples).allMatch(r -> r != null && Reask.keeps(reask, r));
  }

  /** Truncated samples that a resume with these {@code --retry} settings would keep. */
  synchronized long keptTruncated() {
    return all().filter(r -> r.isTruncated() && Reask.keeps(reask, r)).count();
  }

  synchronized int samples() {
    return (int) all().count();
  }

  /** Samples with an answer (any but a failed request): what makes a result file worth writing. */
  synchronized int answeredSamples() {
    return (int) all().filter(r -> r.outcome() != Outcome.ERROR).count();
  }

  /** Samples whose request failed. */
  synchronized int errors() {
    return (int) all().filter(r -> r.outcome() == Outcome.ERROR).count();
  }

  private Stream<QuestionResult> all() {
    return byQuestion.values().stream().flatMap(Arrays::stream).filter(Objects::nonNull);
  }
}
