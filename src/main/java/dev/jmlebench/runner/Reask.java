package dev.jmlebench.runner;

import dev.jmlebench.results.QuestionResult;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a resumed run asks again ({@code --retry}): failed requests always (they hold no answer); answers
 * without a readable 【回答】 and answers cut off at the token limit only on request. The default, errors
 * only, is issue 15's ("as the upstream"): an unparsed answer is a paid-for answer, graded wrong as the
 * protocol grades it, and asking it again until it parses would flatter the model. SPEC §5's stricter
 * resume (unparsed asked again too) is {@code --retry errors,unparsed}.
 */
public enum Reask {
  ERRORS, UNPARSED, TRUNCATED;

  /** Ask again only what failed: every answer that arrived is kept. */
  public static final Set<Reask> DEFAULT = EnumSet.of(ERRORS);

  boolean matches(QuestionResult r) {
    return switch (this) {
      case ERRORS -> r.error() != null;
      case UNPARSED -> r.error() == null && !r.parseSuccess();
      case TRUNCATED -> r.isTruncated();
    };
  }

  /** Whether a resume keeps this answer rather than asking again. */
  static boolean keeps(Set<Reask> reask, QuestionResult r) {
    return r.error() == null && reask.stream().noneMatch(k -> k.matches(r));
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of this wire name ({@code unparsed}), or null. */
  static Reask named(String wireName) {
    return java.util.Arrays.stream(values()).filter(r -> r.wireName().equals(wireName)).findFirst().orElse(null);
  }
}
