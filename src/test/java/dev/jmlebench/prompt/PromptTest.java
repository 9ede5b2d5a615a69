package dev.jmlebench.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PromptTest {
  private final Dataset dataset = SharedData.dataset();

  private Question q(String id) {
    return dataset.question(id).orElseThrow();
  }

  @Test
  void singleAnswerSystemPromptIsTheSpecTextWithExampleA() {
    assertThat(SystemPrompt.of(q("120A-1"))).isEqualTo(
        "あなたは医師国家試験を解く医学の専門家です。\n問題を読み、正解を1つ選んでください。\n\n"
            + "最終回答は必ず以下の形式で出力してください:\n【回答】a");
  }

  @Test
  void twoAnswerSystemPromptAsksForTwoWithExampleAC() {
    assertThat(SystemPrompt.of(q("120A-13"))).isEqualTo(
        "あなたは医師国家試験を解く医学の専門家です。\n問題を読み、正解を2つ選んでください。\n\n"
            + "最終回答は必ず以下の形式で出力してください:\n【回答】a,c");
  }

  @Test
  void examplesAreTheFirstNOfACE() {
    assertThat(SystemPrompt.example(1)).isEqualTo("a");
    assertThat(SystemPrompt.example(2)).isEqualTo("a,c");
    assertThat(SystemPrompt.example(3)).isEqualTo("a,c,e");
  }

  @Test
  void calculationSystemPromptAsksForANumber() {
    assertThat(SystemPrompt.of(q("120A-74"))).isEqualTo(
        "あなたは医師国家試験を解く医学の専門家です。\n問題を読み、数値で回答してください。\n\n"
            + "最終回答は必ず以下の形式で出力してください:\n【回答】3.14");
  }

  @Test
  void inEnglishTheInstructionsAreEnglishAndTheAnswerFormatIsTheSame() {
    assertThat(SystemPrompt.of(q("120A-1"), Language.ENGLISH)).isEqualTo(
        "You are a medical expert taking the Japanese Medical Licensing Examination.\n"
            + "Read the question and choose 1 correct answer.\n\n"
            + "Always give your final answer in the following format:\n【回答】a");
    assertThat(SystemPrompt.of(q("120A-13"), Language.ENGLISH)).isEqualTo(
        "You are a medical expert taking the Japanese Medical Licensing Examination.\n"
            + "Read the question and choose 2 correct answers.\n\n"
            + "Always give your final answer in the following format:\n【回答】a,c");
    assertThat(SystemPrompt.of(q("120A-74"), Language.ENGLISH)).isEqualTo(
        "You are a medical expert taking the Japanese Medical Licensing Examination.\n"
            + "Read the question and answer with a number.\n\n"
            + "Always give your final answer in the following format:\n【回答】3.14");
    assertThat(SystemPrompt.of(q("120A-1"), Language.JAPANESE)).isEqualTo(SystemPrompt.of(q("120A-1")));
  }

  @Test
  void serialQuestionTextFollowsItsCaseAndAnEmptyLine() {
    Question q = q("120B-41");
    String context = q.serialGroup().orElseThrow().contextText();
    assertThat(Prompt.userText(q)).isEqualTo(context + "\n\n" + q.text()).startsWith("次の文を読み、41、42の問いに答えよ。");
    assertThat(Prompt.userText(q("120A-1"))).isEqualTo(q("120A-1").text());
  }

  @Test
  void messagesAreSystemThenUserWithOneTextPart() {
    JsonNode m = Prompt.of(q("120A-21"), ImageMode.BLIND, dataset.imagesDirectory()).messages();
    assertThat(m).hasSize(2);
    assertThat(m.get(0).get("role").asText()).isEqualTo("system");
    assertThat(m.get(0).get("content").asText()).isEqualTo(SystemPrompt.of(q("120A-21")));
    assertThat(m.get(1).get("role").asText()).isEqualTo("user");
    assertThat(m.get(1).get("content")).hasSize(1);
    assertThat(m.get(1).get("content").get(0).get("type").asText()).isEqualTo("text");
    assertThat(m.get(1).get("content").get(0).get("text").asText()).isEqualTo(q("120A-21").text());
  }

  @Test
  void visionAddsEachImageAsAPngDataUrlInListOrder() throws Exception {
    Question q = q("120A-21");
    JsonNode parts = Prompt.of(q, ImageMode.VISION, dataset.imagesDirectory()).messages().get(1).get("content");
    assertThat(parts).hasSize(3);
    for (int i = 0; i < 2; i++) {
      JsonNode part = parts.get(i + 1);
      assertThat(part.get("type").asText()).isEqualTo("image_url");
      String url = part.get("image_url").get("url").asText();
      assertThat(url).startsWith("data:image/png;base64,");
      byte[] sent = Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
      assertThat(sent).isEqualTo(Files.readAllBytes(dataset.imagesDirectory().resolve("120A-21_" + (i + 1) + ".png")));
    }
  }

  @Test
  void skipAndBlindSendNoImages() {
    assertThat(Prompt.of(q("120A-21"), ImageMode.BLIND, dataset.imagesDirectory()).images()).isEmpty();
    assertThat(Prompt.of(q("120A-21"), ImageMode.SKIP, dataset.imagesDirectory()).images()).isEmpty();
  }
}
