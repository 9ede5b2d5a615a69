package dev.jmlebench.exam;

import java.util.List;

/**
 * One block of an exam ({@code A}…{@code F}): how many questions it has, whether it is part of the required
 * (必修) section, and the points each question scores, by ranges of question numbers.
 */
public record Block(String name, int questions, boolean required, List<PointRange> points) {
  /** Questions {@code from}…{@code to} (inclusive) of a block score {@code points} each. */
  public record PointRange(int from, int to, int points) {}

  public Block {
    points = List.copyOf(points);
    int next = 1;
    for (PointRange r : points) {
      if (r.from() != next || r.to() < r.from() || r.points() < 1) {
        throw new IllegalArgumentException("block " + name + ": points must cover questions 1-" + questions
            + " in order, without gaps, each range scoring at least 1");
      }
      next = r.to() + 1;
    }
    if (next != questions + 1) {
      throw new IllegalArgumentException("block " + name + ": points must cover questions 1-" + questions);
    }
  }

  /** The points of question {@code number} of this block. */
  public int pointsOf(int number) {
    for (PointRange r : points) {
      if (number >= r.from() && number <= r.to()) {
        return r.points();
      }
    }
    throw new IllegalArgumentException("block " + name + " has no question " + number);
  }
}
