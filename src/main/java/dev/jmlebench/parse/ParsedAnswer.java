package dev.jmlebench.parse;

import java.util.List;

/**
 * What was read from a model's reply: the predicted letters (sorted, distinct) or the single numeric
 * string of a calculation, and whether parsing succeeded.
 */
public record ParsedAnswer(List<String> predicted, boolean success) {
  public static final ParsedAnswer FAILURE = new ParsedAnswer(List.of(), false);

  public ParsedAnswer {
    predicted = List.copyOf(predicted);
  }
}
