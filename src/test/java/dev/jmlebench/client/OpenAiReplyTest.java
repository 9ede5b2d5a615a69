package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The reply as SPEC §2 reads it: the reasoning exactly as Python's {@code or}, and content as a list of parts. */
class OpenAiReplyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Completion read(String message) throws Exception {
    JsonNode root = JSON.readTree("{\"choices\": [{\"message\": " + message + ", \"finish_reason\": \"stop\"}]}");
    return OpenAiReply.completion(root);
  }

  @Test
  void anEmptyReasoningFallsBackToReasoningContentAsPythonsOrDoes() throws Exception {
    assertThat(read("{\"content\": \"\", \"reasoning\": \"\", \"reasoning_content\": \"【回答】b\"}").reasoning())
        .isEqualTo("【回答】b");
    assertThat(read("{\"content\": \"x\", \"reasoning\": \"\"}").reasoning()).as("'' or None is None").isNull();
    assertThat(read("{\"content\": \"x\", \"reasoning\": \"\", \"reasoning_content\": \"\"}").reasoning())
        .as("'' or '' is ''").isEqualTo("");
    assertThat(read("{\"content\": \"x\", \"reasoning\": \"r\", \"reasoning_content\": \"c\"}").reasoning())
        .isEqualTo("r");
    assertThat(read("{\"content\": null, \"reasoning\": null, \"reasoning_content\": \"c\"}").content()).isEmpty();
  }

  @Test
  void aContentOfPartsIsItsTextPartsJoinedAndItsThinkingPartsTheReasoning() throws Exception {
    Completion c = read("{\"content\": [{\"type\": \"thinking\", \"thinking\": \"まず考える\"}, "
        + "{\"type\": \"text\", \"text\": \"考えました。\\n\"}, {\"type\": \"text\", \"text\": \"【回答】a\"}]}");
    assertThat(c.content()).isEqualTo("考えました。\n【回答】a");
    assertThat(c.reasoning()).isEqualTo("まず考える");
    // Mistral's shape: a thinking part holding text parts; a refusal is the model's text too.
    Completion nested = read("{\"content\": [{\"type\": \"thinking\", \"thinking\": [{\"type\": \"text\", "
        + "\"text\": \"t1\"}, {\"type\": \"text\", \"text\": \"t2\"}]}, {\"type\": \"refusal\", \"refusal\": \"no\"}]}");
    assertThat(nested.reasoning()).isEqualTo("t1t2");
    assertThat(nested.content()).isEqualTo("no");
    assertThat(read("{\"content\": [{\"type\": \"text\", \"text\": \"x\"}], \"reasoning\": \"own\"}").reasoning())
        .as("the message's own reasoning comes first").isEqualTo("own");
    assertThat(read("{\"content\": []}").content()).isEmpty();
  }

  @Test
  void aContentOfAnotherShapeIsUnreadableNeverAnEmptyAnswer() throws Exception {
    assertThat(read("{\"content\": 42}")).isNull();
    assertThat(read("{\"content\": {\"text\": \"【回答】a\"}}")).isNull();
    assertThat(read("{\"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"x\"}}]}")).isNull();
    assertThat(read("{\"content\": [{\"type\": \"text\", \"text\": 7}]}")).isNull();
    assertThat(read("{\"content\": [\"【回答】a\"]}")).isNull();
  }
}
