package dev.jmlebench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The extension of the published format that {@code run --repeats N} writes: each result keeps, under
 * {@code "samples"}, all N answers to its question (each a result object without {@code question_id} and
 * {@code gold}, {@code null} for a sample not asked yet), and its published fields are those of the first
 * sample, so that readers of the published format see an ordinary single run. The metadata says
 * {@code "repeats": N}. A result without {@code "samples"} is one sample: itself.
 */
public final class Samples {
  private static final String FIELD = ResultSchema.Result.SAMPLES;
  private static final String REPEATS = ResultSchema.Metadata.REPEATS;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Samples() {}

  /** Whether the file was written by a run with repeats: it has {@code "samples"} in some result. */
  public static boolean present(ResultFile file) {
    return file.results().stream().anyMatch(r -> r.extra().containsKey(FIELD));
  }

  /**
   * The samples of a result by sample number; an element is null for a sample not asked yet. A result
   * without {@code "samples"} is its own single sample.
   */
  public static List<QuestionResult> of(QuestionResult r, String source) {
    JsonNode samples = r.extra().get(FIELD);
    if (samples == null) {
      return List.of(r);
    }
    String where = source + ": results (" + r.questionId() + "): " + FIELD;
    if (!samples.isArray()) {
      throw new UserError(where + " should be an array");
    }
    List<QuestionResult> out = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      JsonNode s = samples.get(i);
      if (s.isNull()) {
        out.add(null);
        continue;
      }
      if (!s.isObject()) {
        throw new UserError(where + "[" + i + "] should be an object or null");
      }
      ObjectNode full = NODES.objectNode().put(ResultSchema.Result.QUESTION_ID, r.questionId());
      ArrayNode gold = full.putArray(ResultSchema.Result.GOLD);
      r.gold().forEach(gold::add);
      full.setAll((ObjectNode) s);
      out.add(ResultFiles.resultFromJson(full, where + "[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The result a question publishes, given its samples by sample number (null for one not asked yet, at
   * least one present): the fields of the first sample present, and every sample under {@code "samples"}.
   */
  public static QuestionResult publish(List<QuestionResult> samples) {
    QuestionResult first = samples.stream().filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no sample to publish"));
    ArrayNode array = NODES.arrayNode();
    for (QuestionResult s : samples) {
      if (s == null) {
        array.addNull();
      } else {
        ObjectNode o = ResultFiles.toJson(s);
        o.remove(ResultSchema.Result.QUESTION_ID);
        o.remove(ResultSchema.Result.GOLD);
        array.add(o);
      }
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>(first.extra());
    extra.put(FIELD, array);
    return first.withExtra(extra);
  }

  /** The number of samples per question: the metadata's {@code "repeats"}, else the most any result holds. */
  public static int repeats(ResultFile file, String source) {
    JsonNode n = file.metadata().extra().get(REPEATS);
    if (n != null) {
      if (!n.canConvertToInt() || n.intValue() < 1) {
        throw new UserError(source + ": metadata: field '" + REPEATS + "' should be a positive integer");
      }
      return n.intValue();
    }
    return file.results().stream().mapToInt(r -> of(r, source).size()).max().orElse(1);
  }
}
