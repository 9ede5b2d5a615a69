package dev.jmlebench.dataset;

/** The two kinds of question in the exam; the wire name is the dataset's {@code question_type}. */
public enum QuestionType {
  MULTIPLE_CHOICE("multiple_choice"),
  CALCULATION("calculation");

  private final String wireName;

  QuestionType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Returns the type for a dataset value, or null when there is none of that name. */
  public static QuestionType fromWireName(String name) {
    for (QuestionType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
