package dev.jmlebench.variant;

import java.util.Arrays;

/**
 * Why a question is asked in the exam's own order under every choice order: moving its choices would change
 * what it asks, or there is nothing to move. Each result of such a question records the reason
 * ({@code order_fixed}); docs/ROBUSTNESS.md counts them per exam.
 */
public enum Fixed {
  CALCULATION("calculation", "a calculation question: no choices"),
  CHOICES_NOT_FOUND("choices_not_found", "no choices laid out as lines or table rows a, b, c, …"),
  CHOICES_NOT_IN_TEXT("choices_not_in_text",
      "its choices are blank or bare letters: the options themselves are in an image or a table of the stem"),
  CHOICES_NOT_DISTINCT("choices_not_distinct",
      "two of its choices read the same (IgakuQA's English merges ten pairs): moved, they cannot be told apart"),
  NAMES_A_LETTER("names_a_letter", "its stem or a choice names a choice by its letter"),
  PARTNER_NAMES_A_LETTER("partner_names_a_letter",
      "the case text or a serial partner question names a choice by its letter");

  private final String wireName;
  private final String description;

  Fixed(String wireName, String description) {
    this.wireName = wireName;
    this.description = description;
  }

  /** As a result file records it. */
  public String wireName() {
    return wireName;
  }

  public String description() {
    return description;
  }

  /** The reason of a wire name; null when there is none of that name. */
  public static Fixed named(String wireName) {
    return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst().orElse(null);
  }
}
