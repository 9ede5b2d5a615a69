package dev.jmlebench.parse;

import static dev.jmlebench.dataset.QuestionType.CALCULATION;
import static dev.jmlebench.dataset.QuestionType.MULTIPLE_CHOICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerParserTest {
  private static ParsedAnswer choice(String text) {
    return AnswerParser.parse(text, MULTIPLE_CHOICE);
  }

  @Test
  void readsASingleLetterAfterTheMarker() {
    assertThat(choice("【回答】a")).isEqualTo(new ParsedAnswer(List.of("a"), true));
  }

  @Test
  void lettersAreLowerCasedDeduplicatedAndSorted() {
    assertThat(choice("考察…\n【回答】E, c、 C  a").predicted()).containsExactly("a", "c", "e");
  }

  @Test
  void onlyTheFirstMarkerCountsEvenWhenALaterOneWouldParse() {
    assertThat(choice("【回答】不明\n【回答】b")).isEqualTo(ParsedAnswer.FAILURE);
  }

  @Test
  void theAnswerEndsAtTheFirstNewlineButNotAtACarriageReturn() {
    assertThat(choice("【回答】a\rb\nc").predicted()).containsExactly("a", "b");
  }

  @Test
  void whitespaceAfterTheMarkerMaySpanLinesBeforeTheAnswer() {
    assertThat(choice("【回答】\n\n　 b").predicted()).containsExactly("b");
  }

  @Test
  void markdownEmphasisAndCodeMarksAreRemovedBeforeSplitting() {
    assertThat(choice("【回答】**a**, `c`, _e_ ##").predicted()).containsExactly("a", "c", "e");
  }

  @Test
  void tokensLongerThanOneLetterAreIgnored() {
    assertThat(choice("【回答】a) ab c.")).isEqualTo(ParsedAnswer.FAILURE);
    assertThat(choice("【回答】ab, d").predicted()).containsExactly("d");
  }

  @Test
  void fullWidthLettersAndLettersBeyondEAreNotChoices() {
    assertThat(choice("【回答】ａ")).isEqualTo(ParsedAnswer.FAILURE);
    assertThat(choice("【回答】f")).isEqualTo(ParsedAnswer.FAILURE);
  }

  @Test
  void aClosingBracketGluedToTheLetterMakesItUnreadable() {
    // Published gpt-oss-120b (low) answer to one question: the file records a parse failure.
    assertThat(choice("【回答】c】")).isEqualTo(ParsedAnswer.FAILURE);
  }

  @Test
  void pythonWhitespaceSeparatesLettersIncludingIdeographicAndNoBreakSpaces() {
    assertThat(choice("【回答】a\u3000c\u00a0e\u2003b\u0085d").predicted()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void aMarkerFollowedOnlyByNewlinesDoesNotMatch() {
    assertThat(AnswerParser.findAnswer("【回答】\n\n")).isNull();
  }

  @Test
  void whitespaceAfterTheMarkerSpansLinesSoASecondMarkerCanBecomeTheAnswerText() {
    // Python: re.search(r"【回答】\s*(.+)", "【回答】\n\n【回答】 d").group(1) == "【回答】 d"
    assertThat(AnswerParser.findAnswer("【回答】\n\n【回答】 d")).isEqualTo("【回答】 d");
    assertThat(choice("【回答】\n\n【回答】 d").predicted()).containsExactly("d");
  }

  @Test
  void aMarkerFollowedOnlyBySpacesAtTheEndBacktracksToCaptureASpace() {
    // Python: re.search(r"【回答】\s*(.+)", "【回答】 \n").group(1) == " "
    assertThat(AnswerParser.findAnswer("【回答】 \n")).isEqualTo(" ");
    assertThat(AnswerParser.parse("【回答】 \n", CALCULATION)).isEqualTo(new ParsedAnswer(List.of(""), true));
  }

  @Test
  void noMarkerIsAParseFailure() {
    assertThat(choice("答えは a です")).isEqualTo(ParsedAnswer.FAILURE);
    assertThat(choice("")).isEqualTo(ParsedAnswer.FAILURE);
  }

  @Test
  void aCalculationKeepsTheStrippedTextVerbatim() {
    assertThat(AnswerParser.parse("【回答】 0.40 g/gCr \n理由", CALCULATION))
        .isEqualTo(new ParsedAnswer(List.of("0.40 g/gCr"), true));
  }

  @Test
  void contentIsParsedFirstAndReasoningOnlyWhenContentFails() {
    assertThat(AnswerParser.parse("【回答】b", "【回答】c", MULTIPLE_CHOICE).predicted()).containsExactly("b");
    assertThat(AnswerParser.parse("…", "【回答】c", MULTIPLE_CHOICE).predicted()).containsExactly("c");
    assertThat(AnswerParser.parse(null, "【回答】c", MULTIPLE_CHOICE).predicted()).containsExactly("c");
    assertThat(AnswerParser.parse("…", null, MULTIPLE_CHOICE)).isEqualTo(ParsedAnswer.FAILURE);
  }

  @Test
  void theSolutionMarkerOfAnotherWordingIsNotTheAnswerMarker() {
    // Published Qwen3.5-122B answer that the file records as a parse failure.
    assertThat(choice("【解答】c")).isEqualTo(ParsedAnswer.FAILURE);
  }
}
