package dev.jmlebench.dataset;

/**
 * How messages name an exam by its number: the 119th, the 121st, the 122nd, the 123rd. One place, so a new
 * year's exam is not called "the 121th".
 */
public final class ExamOrdinal {
  private ExamOrdinal() {}

  /** {@code exam} (an exam id such as {@code 119}) with its English ordinal suffix; any other text as it is. */
  public static String of(String exam) {
    if (exam == null || exam.isEmpty() || !exam.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return String.valueOf(exam);
    }
    int n = Integer.parseInt(exam.substring(Math.max(0, exam.length() - 2))); // the suffix reads the last two
    String suffix = n >= 11 && n <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return exam + suffix;
  }
}
