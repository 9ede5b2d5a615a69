package dev.jmlebench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.RunVariant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.Set;

/** {@code suite plan}: each entry's resolved settings and the {@code run} command line that does it. */
public final class SuitePlan {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SuitePlan() {}

  /**
   * A list of objects with exactly the keys {@code name, display_name, model, base_url, image_mode,
   * extra_body, exam, key, out, api_key_env, api_key_allowed} (whether {@code suite run} sends that variable
   * to base_url: a conventional key variable, or one given to {@code --allow-env}); a field without a value is
   * null.
   */
  public static String json(List<SuiteEntry> entries, Set<String> allowedKeyVariables) {
    ArrayNode list = JSON.createArrayNode();
    for (SuiteEntry e : entries) {
      ObjectNode o = list.addObject();
      o.put(SuiteField.NAME.yamlName(), e.name());
      o.put(SuiteField.DISPLAY_NAME.yamlName(), e.displayName());
      o.put(SuiteField.MODEL.yamlName(), e.model());
      o.put(SuiteField.BASE_URL.yamlName(), e.baseUrl());
      o.put(SuiteField.IMAGE_MODE.yamlName(), e.imageMode().wireName());
      o.set(SuiteField.EXTRA_BODY.yamlName(), e.extraBody());
      o.put(SuiteField.EXAM.yamlName(), e.exam());
      o.put(SuiteField.KEY.yamlName(), e.key());
      o.put(SuiteField.OUT.yamlName(), e.out().toString());
      o.put(SuiteField.API_KEY_ENV.yamlName(), e.apiKeyEnv());
      o.put("api_key_allowed", KeyVariables.allowed(e, allowedKeyVariables));
    }
    try {
      return JSON.writeValueAsString(list) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Which key variable goes to which server, then per entry: its name, the settings that decide its row, where
   * the key comes from and goes, and the command.
   */
  public static String text(Suite suite, List<SuiteEntry> entries, String program, Set<String> allowedKeyVariables,
      Function<String, Dataset> datasets) {
    StringBuilder sb = new StringBuilder();
    sb.append(suite.file()).append(": ").append(entries.size()).append(" of ").append(suite.entries().size())
        .append(" runs; result files in ").append(suite.results())
        .append(suite.readme() != null ? ", leaderboard tables in " + suite.readme() : "").append("\n");
    Map<SuiteEntry, Integer> requests = new LinkedHashMap<>();
    Set<String> unknown = new TreeSet<>();
    for (SuiteEntry e : entries) {
      Dataset d = datasets.apply(e.exam());
      if (d == null) {
        unknown.add(e.exam());
      } else {
        requests.put(e, e.spec().requests(d));
      }
    }
    sb.append("Requests: ").append(requests.values().stream().mapToInt(Integer::intValue).sum())
        .append(" at most, if nothing is answered yet or cached")
        .append(unknown.isEmpty() ? "" : "; not counted: the runs of exam " + String.join(", ", unknown)
            + ", whose dataset is not downloaded yet")
        .append("\n");
    Map<SuiteEntry, CostEstimate> costs = new LinkedHashMap<>();
    Map<String, dev.jmlebench.results.RunUsage> earlier = CostEstimate.earlierAnswers(suite.results());
    requests.forEach((e, n) -> costs.put(e, CostEstimate.of(e, n, suite.results(), earlier)));
    List<CostEstimate> known = costs.values().stream().filter(CostEstimate::known).toList();
    sb.append("Cost: ").append(known.isEmpty() ? "unknown" : "about " + CostEstimate.usd(known.stream()
            .map(CostEstimate::usd).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
            + " for " + known.size() + " of " + costs.size() + " runs")
        .append(" (from what earlier answers of each model in ").append(suite.results())
        .append(" cost, or their tokens at the run's price_input/price_output; see each run)\n");
    sb.append("API keys:\n");
    KeyVariables.routes(entries, allowedKeyVariables).forEach(r -> sb.append("  ").append(r).append("\n"));
    for (SuiteEntry e : entries) {
      sb.append("\n").append(e.name()).append(e.displayName() != null ? "  (" + e.displayName() + ")" : "")
          .append("\n");
      sb.append("  model ").append(e.model()).append(" · ").append(e.baseUrl()).append(" · image mode ")
          .append(e.imageMode().wireName()).append(" · exam ").append(e.exam()).append(" · key ").append(e.key())
          .append("\n");
      if (e.extraBody() != null) {
        sb.append("  extra body ").append(e.extraBody()).append("\n");
      }
      RunVariant variant = RunVariant.of(e.spec().toMetadata());
      if (!variant.isDefault()) {
        sb.append("  variant ").append(variant.label()).append(" (not ranked on the leaderboard)\n");
      }
      if (requests.containsKey(e)) {
        sb.append("  requests ").append(requests.get(e)).append(" · ").append(costs.get(e).text()).append("\n");
      }
      sb.append("  out ").append(e.out()).append(" · API key ")
          // A server on this machine may need no key; suite run still sends the variable's when it is set.
          .append("from $").append(e.apiKeyEnv()).append(e.needsNoKey() ? " if it is set" : "").append(" → ")
          .append(KeyVariables.hostOf(e)).append(e.needsNoKey() ? " (a server on this machine may need none)" : "")
          .append(KeyVariables.allowed(e, allowedKeyVariables) ? "" : " (refused without --allow-env "
              + e.apiKeyEnv() + ")").append("\n");
      sb.append("  ").append(e.commandLine(program)).append("\n");
    }
    return sb.toString();
  }
}
