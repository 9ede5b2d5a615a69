package dev.jmlebench.dataset;

/**
 * The language a run asks the exam in ({@code --language}): Japanese, the exam's own and the published
 * protocol's, or English where the exam's source publishes a translation (IgakuQA's 112th-116th). The prompt's
 * instructions follow the language; the answer format, and so parsing and grading, do not.
 */
public enum Language {
  JAPANESE("ja"),
  ENGLISH("en");

  private final String wireName;

  Language(String wireName) {
    this.wireName = wireName;
  }

  /** The ISO 639-1 code, as {@code --language} and a result file's metadata write it. */
  public String wireName() {
    return wireName;
  }

  /** The language of a code; null when there is none of that code. */
  public static Language fromWireName(String code) {
    for (Language l : values()) {
      if (l.wireName.equals(code)) {
        return l;
      }
    }
    return null;
  }
}
