package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.results.ResultSchema.Metadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run asked the exam by the published protocol or is a variant of it (docs/ROBUSTNESS.md): its
 * choices in another order, or in another language. Leaderboards rank default runs only — a variant is never
 * ranked beside them — and name a variant wherever one is shown, by {@link #label()}. Read from the metadata
 * alone, so a published file (which has none of these fields) is a default run.
 *
 * @param choiceOrder {@code cyclic:K} or {@code shuffle:SEED}; null for the exam's order
 * @param language the language asked in, e.g. {@code en}; null for the exam's own
 */
public record RunVariant(String choiceOrder, String language) {
  public static final RunVariant DEFAULT = new RunVariant(null, null);

  public static RunVariant of(RunMetadata m) {
    return new RunVariant(text(m.extra().get(Metadata.CHOICE_ORDER)), text(m.extra().get(Metadata.LANGUAGE)));
  }

  /** The variant of metadata as JSON (a run's, {@code runner.RunSpec#toMetadata}, before its file exists). */
  public static RunVariant of(JsonNode metadata) {
    return new RunVariant(text(metadata.get(Metadata.CHOICE_ORDER)), text(metadata.get(Metadata.LANGUAGE)));
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Whether the run is the published protocol: no variant field set. */
  public boolean isDefault() {
    return choiceOrder == null && language == null;
  }

  /**
   * The one rule of what is ranked (issue 24): the README tables, the leaderboard's exports and charts,
   * {@code compare --all} and the viewer's leaderboard rank default runs only, never a variant beside them.
   */
  public boolean isRanked() {
    return isDefault();
  }

  /** Whether the run of this metadata is ranked ({@link #isRanked()}). */
  public static boolean ranked(RunMetadata m) {
    return of(m).isRanked();
  }

  /** How the variant reads beside a run's name, e.g. "choices cyclic:2, English"; empty for a default run. */
  public String label() {
    List<String> parts = new ArrayList<>();
    if (choiceOrder != null) {
      parts.add("choices " + choiceOrder);
    }
    if (language != null) {
      parts.add(language.equals("en") ? "English" : "language " + language);
    }
    return String.join(", ", parts);
  }

  /** The name with the variant beside it: "GPT-5.2 [choices cyclic:2]"; the name alone for a default run. */
  public String labelled(String name) {
    return isDefault() ? name : name + " [" + label() + "]";
  }
}
