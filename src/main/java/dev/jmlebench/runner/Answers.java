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
 * repeats), each beside the place on disk that holds it whole ({@link AnswerPlace}). Their texts are held in memory
 * up to {@link #TEXT_BUDGET} characters in all; beyond that an answer is held without them and {@link #whole} reads
 * them back, one question at a time, as the result file is written — so a run's memory does not grow with the
 * length of its answers, while a usual run (400 answers of a few kilobytes) writes its file from memory. Shared by
 * the asking threads and the Ctrl-C hook, hence synchronized.
 */
final class Answers {
  /**
   * Characters of answers' texts held in memory at most: 16 million (32 MB at worst), or a sixteenth of the heap in a
   * small one; the rest stay on disk.
   */
  static final long TEXT_BUDGET = Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 16);

  /** An answer as the run holds it: graded, with its texts or without them, and where it is on disk. */
  record Held(QuestionResult graded, AnswerPlace place, boolean holdsTexts) {
    /** Held without its texts (an earlier run's answer). */
    static Held slim(QuestionResult graded, AnswerPlace place) {
      return new Held(graded.withoutTexts(), place, false);
    }

    /** The graded answer with its texts, from memory or read back from disk. */
    QuestionResult whole() {
      return holdsTexts ? graded : graded.withTexts(place.read());
    }
  }

  private final int repeats;
  private final Set<Reask> reask;
  private final long textBudget;
  private final Map<String, Held[]> byQuestion = new HashMap<>();
  private long textsHeld;

  Answers(int repeats, Set<Reask> reask) {
    this(repeats, reask, TEXT_BUDGET);
  }

  /** With another budget of characters held in memory (tests). */
  Answers(int repeats, Set<Reask> reask, long textBudget) {
    this.repeats = repeats;
    this.reask = reask;
    this.textBudget = textBudget;
  }

  /** A new answer, whole: its texts are kept in memory while the budget lasts. */
  synchronized void put(String questionId, int sample, QuestionResult whole, AnswerPlace place) {
    long length = whole.rawResponse().length() + (whole.reasoning() == null ? 0 : whole.reasoning().length());
    boolean keep = textsHeld + length <= textBudget;
    textsHeld += keep ? length : 0;
    put(questionId, sample, keep ? new Held(whole, place, true) : Held.slim(whole, place));
  }

  synchronized void put(String questionId, int sample, Held answer) {
    byQuestion.computeIfAbsent(questionId, id -> new Held[repeats])[sample] = answer;
  }

  /**
   * The results to write, some without their texts: a run that asks once writes each answer as it is; a repeating run
   * writes each question's first sample with all its samples beside it ({@link Samples#publish}).
   */
  synchronized List<QuestionResult> published() {
    List<QuestionResult> out = new ArrayList<>(byQuestion.size());
    for (Held[] samples : byQuestion.values()) {
      out.add(publish(Arrays.stream(samples).map(h -> h == null ? null : h.graded()).toList()));
    }
    return out;
  }

  /** A result of {@link #published} with its texts, and its samples' texts, from memory or read back from disk. */
  QuestionResult whole(QuestionResult published) {
    Held[] samples;
    synchronized (this) {
      samples = byQuestion.get(published.questionId()).clone();
    }
    return publish(Arrays.stream(samples).map(h -> h == null ? null : h.whole()).toList());
  }

  private QuestionResult publish(List<QuestionResult> samples) {
    return repeats == 1 ? samples.get(0) : Samples.publish(samples);
  }

  /** Whether every sample of the question has an answer a resume would keep. */
  synchronized boolean isAnswered(String questionId) {
    Held[] samples = byQuestion.get(questionId);
    return samples != null && Arrays.stream(samples).allMatch(h -> h != null && Reask.keeps(reask, h.graded()));
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
    return byQuestion.values().stream().flatMap(Arrays::stream).filter(Objects::nonNull).map(Held::graded);
  }
}
