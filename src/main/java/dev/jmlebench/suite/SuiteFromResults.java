package dev.jmlebench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jmlebench.client.ApiKind;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import java.util.Arrays;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.ResultSchema;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code suite from-results}: a suite that re-creates the runs whose result files are in a folder, each with
 * the settings its metadata records (model, server, image mode, extra body, display name, and this
 * project's request settings where the file has them), grouped by the server they ran on.
 */
public final class SuiteFromResults {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SuiteFromResults() {}

  public static String of(Path dir) {
    Map<String, List<ObjectNode>> byServer = new LinkedHashMap<>();
    List<String> leftOut = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path f : ResultFolder.list(dir, dir.toString())) {
      Optional<ResultFile> file = ResultFolder.readIfResultFile(f);
      file.filter(r -> !reRunnable(r)).ifPresent(r -> leftOut.add(f.getFileName() + " (" + notReRunnable(r) + ")"));
      file.filter(SuiteFromResults::reRunnable).ifPresent(r -> byServer.computeIfAbsent(r.metadata().baseUrl(),
          u -> new ArrayList<>()).add(entry(uniqueName(f, names), r, f.toString())));
    }
    if (byServer.isEmpty()) {
      throw new UserError(dir + ": no result files (*.json with a results list) of runs to make a suite of"
          + (leftOut.isEmpty() ? "" : "; left out: " + String.join(", ", leftOut)));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# The runs of the result files in ").append(dir).append(", with the settings their metadata record.\n");
    sb.append("# Written by `jmle-bench suite from-results`; `jmle-bench suite run FILE` runs them.\n");
    leftOut.forEach(f -> sb.append("# Left out: ").append(f).append(".\n"));
    sb.append("runs:\n");
    byServer.forEach((server, entries) -> {
      sb.append("\n# ").append(server).append(where(server)).append("\n");
      ArrayNode list = NODES.arrayNode();
      entries.forEach(list::add);
      sb.append(yaml(list));
    });
    return sb.toString();
  }

  /** A run this suite can make again: one that records the server it asked. */
  private static boolean reRunnable(ResultFile file) {
    String server = file.metadata().baseUrl();
    return server != null && !server.isBlank();
  }

  private static String notReRunnable(ResultFile file) {
    return file.metadata().extra().containsKey(ResultSchema.Metadata.IMPORTED_FROM)
        ? "imported from another harness's outputs; no server to ask again"
        : "its metadata records no base_url";
  }

  private static String where(String server) {
    try {
      URI url = URI.create(server);
      return ClientSettings.isLoopback(url) ? " — a server on this machine (vLLM, SGLang, …)"
          : " — key from $" + ApiKind.OPENAI.keyVariable(url, RunSpec.NO_ENVIRONMENT)
              + " (set api_key_env to use another variable)";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * The entry of the run a file records ({@link RunSpec#fromMetadata}): every field a suite sets, where it
   * differs from the default — the server, the model and the image mode always, as they decide the row.
   */
  private static ObjectNode entry(String name, ResultFile file, String source) {
    RunSpec spec = RunSpec.fromMetadata(ResultFiles.toJson(file.metadata()), ResultFiles.examOf(file),
        RunSpec.NO_ENVIRONMENT, source);
    ObjectNode o = NODES.objectNode();
    o.put(SuiteField.NAME.yamlName(), name);
    List<SuiteField> fields = new ArrayList<>(List.of(SuiteField.DISPLAY_NAME));
    Arrays.stream(SuiteField.values()).filter(f -> f != SuiteField.DISPLAY_NAME).forEach(fields::add);
    for (SuiteField f : fields) {
      RunField<?> r = f.runField();
      boolean said = f == SuiteField.MODEL || f == SuiteField.BASE_URL || f == SuiteField.IMAGE_MODE;
      if (r == null || !r.recorded() || spec.get(r) == null || (!said && spec.isDefault(r))) {
        continue;
      }
      if (f == SuiteField.KEY && !file.metadata().extra().containsKey(ResultSchema.Metadata.ANSWER_KEY)) {
        continue; // a file that does not record its key is graded by the suite's
      }
      o.set(f.yamlName(), spec.recordedValue(r));
    }
    return o;
  }

  /** The file's name without {@code .json}, made a valid entry name, and told apart from the names before it. */
  private static String uniqueName(Path file, Set<String> taken) {
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    String base = stem.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
    base = base.isEmpty() ? "run" : base.length() > 90 ? base.substring(0, 90) : base;
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  private static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
