package dev.jmlebench.robustness;

/**
 * What sets a run on the card apart from the model's default run: the one identity field in which they differ
 * (docs/ROBUSTNESS.md), with both values as a run prints them.
 *
 * @param kind what the card computes beyond the paired comparison for such a field
 * @param field the field's name in messages ({@code choice order}, {@code image mode}, {@code extra body})
 * @param value the run's value ({@code cyclic:1}, {@code blind})
 * @param defaultValue the default run's value ({@code none}, {@code vision})
 */
public record Variant(Kind kind, String field, String value, String defaultValue) {
  /** The fields the card has more to say about than a paired comparison. */
  public enum Kind {
    /** Another order of the choices: consistency, the every-order score and position bias. */
    CHOICE_ORDER,
    /** Another image mode: how many image questions stay right without the images. */
    IMAGE_MODE,
    /** Any other field: language, extra body (a reasoning-effort sweep), max_tokens, server… */
    OTHER
  }

  /** How the row reads: "choice order cyclic:1". */
  public String label() {
    return field + " " + value;
  }
}
