package dev.jmlebench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Result files of runs that stopped early, made from published ones. */
public final class PartialRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PartialRun() {}

  /** {@code from} cut to its first {@code keep} answers, as Ctrl-C leaves a run, with no summary yet. */
  public static void write(Path from, Path to, int keep) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(from.toFile());
    ArrayNode results = (ArrayNode) root.get("results");
    while (results.size() > keep) {
      results.remove(results.size() - 1);
    }
    ((ObjectNode) root.get("metadata")).put("attempted", keep);
    root.remove("summary");
    Files.writeString(to, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
