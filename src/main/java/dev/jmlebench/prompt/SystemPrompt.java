package dev.jmlebench.prompt;

import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import java.util.List;

/**
 * The system prompt of each question type (SPEC §2), lines joined by {@code \n}, no trailing newline; in
 * English for a run asked in English (docs/ROBUSTNESS.md), with the same answer format, so the reply is parsed
 * and graded as a Japanese one is.
 */
public final class SystemPrompt {
  /** The answer letters an example shows: the first n of these, so {@code a}, {@code a,c}, {@code a,c,e}. */
  private static final List<String> EXAMPLE_LETTERS = List.of("a", "c", "e");

  private SystemPrompt() {}

  public static String of(Question q, Language language) {
    return language == Language.ENGLISH ? english(q) : of(q);
  }

  public static String of(Question q) {
    if (q.type() == QuestionType.CALCULATION) {
      return String.join("\n",
          "あなたは医師国家試験を解く医学の専門家です。",
          "問題を読み、数値で回答してください。",
          "",
          "最終回答は必ず以下の形式で出力してください:",
          "【回答】3.14");
    }
    int n = q.numChoicesToSelect();
    return String.join("\n",
        "あなたは医師国家試験を解く医学の専門家です。",
        "問題を読み、正解を" + n + "つ選んでください。",
        "",
        "最終回答は必ず以下の形式で出力してください:",
        "【回答】" + example(n));
  }

  private static String english(Question q) {
    if (q.type() == QuestionType.CALCULATION) {
      return String.join("\n",
          "You are a medical expert taking the Japanese Medical Licensing Examination.",
          "Read the question and answer with a number.",
          "",
          "Always give your final answer in the following format:",
          "【回答】3.14");
    }
    int n = q.numChoicesToSelect();
    return String.join("\n",
        "You are a medical expert taking the Japanese Medical Licensing Examination.",
        "Read the question and choose " + n + " correct answer" + (n == 1 ? "" : "s") + ".",
        "",
        "Always give your final answer in the following format:",
        "【回答】" + example(n));
  }

  static String example(int n) {
    if (n < 1 || n > EXAMPLE_LETTERS.size()) {
      throw new IllegalArgumentException("num_choices_to_select should be 1 to 3, not " + n);
    }
    return String.join(",", EXAMPLE_LETTERS.subList(0, n));
  }
}
