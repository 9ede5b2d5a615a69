package dev.jmlebench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jmlebench.client.ClientSettings;
import dev.jmlebench.common.UserError;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultFolder;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
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
          u -> new ArrayList<>()).add(entry(uniqueName(f, names), r)));
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
      return ClientSettings.isLoopback(URI.create(server)) ? " — a server on this machine (vLLM, SGLang, …)"
          : " — key from $" + SuiteField.DEFAULT_KEY_VARIABLE + " (set api_key_env to use another variable)";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static ObjectNode entry(String name, ResultFile file) {
    RunMetadata m = file.metadata();
    ObjectNode o = NODES.objectNode();
    o.put(SuiteField.NAME.yamlName(), name);
    if (m.displayName() != null) {
      o.put(SuiteField.DISPLAY_NAME.yamlName(), m.displayName());
    }
    o.put(SuiteField.MODEL.yamlName(), m.model());
    o.put(SuiteField.BASE_URL.yamlName(), m.baseUrl());
    o.put(SuiteField.IMAGE_MODE.yamlName(), m.imageMode());
    if (m.extraBody() != null && !m.extraBody().isNull()) {
      o.set(SuiteField.EXTRA_BODY.yamlName(), m.extraBody());
    }
    // This project's runs record their request settings; published files do not, and get run's defaults.
    JsonNode request = m.extra().get(ResultSchema.Metadata.REQUEST);
    copyIfSet(o, SuiteField.PARALLEL, request == null ? null : request.get(ResultSchema.Request.PARALLEL));
    copyIfSet(o, SuiteField.TIMEOUT, request == null ? null : request.get(ResultSchema.Request.TIMEOUT_S));
    copyIfSet(o, SuiteField.REPEATS, m.extra().get(ResultSchema.Metadata.REPEATS));
    String exam = ResultFiles.examOf(file);
    if (!exam.equals(SuiteField.EXAM.defaultValue())) {
      o.put(SuiteField.EXAM.yamlName(), exam);
    }
    return o;
  }

  private static void copyIfSet(ObjectNode o, SuiteField field, JsonNode value) {
    if (value != null && value.canConvertToInt() && !Integer.valueOf(value.intValue()).equals(field.defaultValue())) {
      o.put(field.yamlName(), value.intValue());
    }
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
