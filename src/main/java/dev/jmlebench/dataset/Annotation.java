package dev.jmlebench.dataset;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a source annotates on a question beyond the exam itself (IgakuQA's metadata): the choices a practising
 * physician marked as prohibited (禁忌肢 — annotated by IgakuQA's authors; the ministry publishes no list), why,
 * and how real examinees answered it.
 *
 * @param prohibited the prohibited choices, lower-case letters in order; empty when none
 * @param examineeAccuracy the share of examinees who answered right, in percent; empty when not published
 * @param choiceShares the share of examinees choosing each letter a, b, … in percent; empty when not published
 */
public record Annotation(String category, List<String> prohibited, String prohibitedReason,
    OptionalDouble examineeAccuracy, List<Double> choiceShares) {
  public Annotation {
    prohibited = List.copyOf(prohibited);
    choiceShares = List.copyOf(choiceShares);
  }

  /** Whether an answer includes a prohibited choice. */
  public boolean isProhibited(List<String> predicted) {
    return predicted.stream().anyMatch(prohibited::contains);
  }
}
