package dev.jmlebench.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a parsed answer is compared with the gold one, named in an edition's {@code comparison} by question
 * type. Both are applied only to an answer that parsed; an unparsed answer is never correct.
 */
enum Comparison {
  /** SPEC §3: the sorted lists are equal as strings, so {@code "0.4"} is not {@code "0.40"}. */
  STRING {
    @Override
    boolean matches(List<String> predicted, List<String> gold) {
      return sorted(predicted).equals(sorted(gold));
    }
  },
  /**
   * SPEC §7: one predicted and one gold value are equal as numbers, Python's {@code float(p) == float(g)}
   * (so {@code nan} equals nothing, and a value {@code float()} rejects is wrong); other shapes as strings.
   */
  NUMERIC {
    @Override
    boolean matches(List<String> predicted, List<String> gold) {
      if (predicted.size() != 1 || gold.size() != 1) {
        return STRING.matches(predicted, gold);
      }
      OptionalDouble p = PythonFloat.parse(predicted.get(0));
      OptionalDouble g = PythonFloat.parse(gold.get(0));
      return p.isPresent() && g.isPresent() && p.getAsDouble() == g.getAsDouble();
    }
  };

  abstract boolean matches(List<String> predicted, List<String> gold);

  /** The rule an edition names, e.g. {@code numeric}; null when there is none of that name. */
  static Comparison named(String name) {
    for (Comparison c : values()) {
      if (c.wireName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }
}
