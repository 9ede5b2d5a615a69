package dev.jmlebench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.testing.CardFolder;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's robustness cards: a run in another choice order has no page of its own (it is never ranked) but is
 * a row of its default run's card, beside the variants that have pages; every run on the card names it.
 */
class ViewerCardsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void aChoiceOrderRunKeptOffThePagesIsStillARowOfItsDefaultRunsCard() throws IOException {
    CardFolder.write(dir);
    ObjectNode cyclic = (ObjectNode) JSON.readTree(dir.resolve("gpt-5.2.json").toFile());
    ((ObjectNode) cyclic.get("metadata")).put("choice_order", "cyclic:1");
    JSON.writeValue(dir.resolve("gpt-5.2-cyclic-1.json").toFile(), cyclic);

    ViewerApi api = new ViewerApi(ViewerData.load(dir, SharedData.dataset(), AnswerKey.of("120", "official")));
    String defaultId = id(api, "gpt-5.2.json");
    String key = JSON.readTree(api.json("model/" + defaultId).orElseThrow()).get("robustness").textValue();
    JsonNode card = JSON.readTree(api.json(key).orElseThrow());

    assertThat(key).isEqualTo("robustness/" + defaultId);
    assertThat(api.keys()).contains(key);
    assertThat(api.data().runs()).noneMatch(r -> r.file().endsWith("gpt-5.2-cyclic-1.json"));
    List<String> rows = new ArrayList<>();
    card.get("variants").forEach(v -> rows.add(v.get("file").textValue() + " " + v.path("run").asText("-")));
    assertThat(rows).containsExactly("gpt-5.2-blind.json " + id(api, "gpt-5.2-blind.json"),
        "gpt-5.2-cyclic-1.json -", "gpt-5.2-low.json " + id(api, "gpt-5.2-low.json"));
    assertThat(card.get("default").get("file").textValue()).isEqualTo("gpt-5.2.json");
    assertThat(card.get("choice_order").get("orders")).hasSize(2);
    assertThat(JSON.readTree(api.json("model/" + id(api, "gpt-5.2-low.json")).orElseThrow()).get("robustness")
        .textValue()).isEqualTo(key);
    assertThat(JSON.readTree(api.json("model/" + id(api, "qwen3-32b.json")).orElseThrow()).has("robustness"))
        .isFalse();
  }

  private static String id(ViewerApi api, String file) {
    return api.data().runs().stream().filter(r -> r.file().getFileName().toString().equals(file)).findFirst()
        .orElseThrow().id();
  }
}
