package dev.jmlebench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.score.AnswerKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A folder for a robustness card, made from GPT-5.2's published run (vision, reasoning enabled): the file itself
 * as the default run; its image questions asked again blind ({@code --questions images}, as the image audit
 * does), every third answered wrongly and every fifth rightly; the run at a low reasoning effort (extra body)
 * with block B wrong; a run blind and on another server (two fields: not on the card); and Qwen3-32B's run (another
 * model). Answers made right or wrong are right or wrong under the official key.
 */
public final class CardFolder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL_WRONG = "【回答】a,b,c,d,e";
  public static final String MODEL = "openai/gpt-5.2";

  private CardFolder() {}

  /** Writes the folder's files into {@code dir}. */
  public static void write(Path dir) throws IOException {
    AnswerKey key = AnswerKey.of("120", "official");
    Set<String> images = new HashSet<>();
    SharedData.dataset().questions().forEach(q -> {
      if (q.requiresImage()) {
        images.add(q.questionId());
      }
    });
    Path published = SharedData.results().resolve("openai_gpt-5.2.json");
    Files.copy(published, dir.resolve("gpt-5.2.json"));
    Files.copy(SharedData.results().resolve("Qwen_Qwen3-32B.json"), dir.resolve("qwen3-32b.json"));

    ObjectNode blind = (ObjectNode) JSON.readTree(published.toFile());
    metadata(blind).put("image_mode", "blind");
    metadata(blind).putObject("request").putArray("questions").add("images");
    Iterator<JsonNode> it = blind.get("results").iterator();
    while (it.hasNext()) {
      if (!images.contains(id(it.next()))) {
        it.remove();
      }
    }
    metadata(blind).put("total_questions", blind.get("results").size())
        .put("attempted", blind.get("results").size());
    int[] n = {0};
    forEachResult(blind, r -> {
      int i = n[0]++;
      if (i % 3 == 0) {
        wrong(r);
      } else if (i % 5 == 0) {
        right(r, key.gold(SharedData.dataset().question(id(r)).orElseThrow()));
      }
    });
    write(dir, blind, "gpt-5.2-blind.json");

    ObjectNode low = (ObjectNode) JSON.readTree(published.toFile());
    metadata(low).putObject("extra_body").putObject("reasoning").put("effort", "low");
    forEachResult(low, r -> {
      if (id(r).startsWith("120B-")) {
        wrong(r);
      }
    });
    write(dir, low, "gpt-5.2-low.json");

    ObjectNode both = (ObjectNode) JSON.readTree(published.toFile());
    metadata(both).put("image_mode", "blind").put("base_url", "http://127.0.0.1:8000/v1");
    write(dir, both, "gpt-5.2-blind-elsewhere.json");
  }

  private static ObjectNode metadata(ObjectNode file) {
    return (ObjectNode) file.get("metadata");
  }

  private static String id(JsonNode r) {
    return r.get("question_id").textValue();
  }

  private static void forEachResult(ObjectNode file, Consumer<ObjectNode> f) {
    file.get("results").forEach(r -> f.accept((ObjectNode) r));
    file.remove("summary");
  }

  private static void wrong(ObjectNode r) {
    r.putArray("predicted").add("a").add("b").add("c").add("d").add("e");
    r.put("raw_response", ALL_WRONG).put("correct", false).put("parse_success", true).remove("reasoning");
  }

  private static void right(ObjectNode r, List<String> gold) {
    ArrayNode p = r.putArray("predicted");
    gold.forEach(p::add);
    r.put("raw_response", "【回答】" + String.join(",", gold)).put("correct", true).put("parse_success", true)
        .remove("reasoning");
  }

  private static void write(Path dir, ObjectNode file, String name) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(name).toFile(), file);
  }
}
