package dev.jmlebench.dataset;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a question id such as {@code 120B-41}: the exam ({@code 120}), the block ({@code B}) and the
 * number in the block ({@code 41}). The one place that knows the id's shape.
 */
public record QuestionId(String exam, String block, int number) {
  private static final Pattern SHAPE = Pattern.compile("(\\d+)([A-F])-([1-9]\\d{0,2})");

  /** The parts of {@code id}, or empty when it is not of the form {@code 120A-1}. */
  public static Optional<QuestionId> parse(String id) {
    Matcher m = SHAPE.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new QuestionId(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
  }

  @Override
  public String toString() {
    return exam + block + "-" + number;
  }
}
