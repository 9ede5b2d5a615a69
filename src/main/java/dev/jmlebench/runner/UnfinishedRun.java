package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The unfinished run that an identical {@code run} command continues, so that the same command after Ctrl-C
 * or a crash picks up where it stopped instead of starting afresh under a new timestamp. Unfinished means
 * its journal is still there (it is removed when a run completes). It must be of the same model (the
 * journal's header says) and, when Ctrl-C wrote its result file, of the same base URL, image mode, extra
 * body, blocks and repeats. Of several, the newest (by the timestamp in the name) is continued.
 */
public final class UnfinishedRun {
  private static final Pattern STAMP = Pattern.compile("_\\d{8}_\\d{6}\\.json");

  private UnfinishedRun() {}

  /** The result file to continue, among the default names {@code folder/{model}_{timestamp}.json}. */
  public static Optional<Path> find(Path folder, RunConfig c) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    String prefix = RunConfig.defaultOut(c.model(), c.startedAt()).getFileName().toString();
    String stem = prefix.substring(0, prefix.length() - "_yyyyMMdd_HHmmss.json".length());
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(stem) && n.endsWith(Journal.SUFFIX))
          .map(n -> n.substring(0, n.length() - Journal.SUFFIX.length()) + ".json")
          .filter(n -> STAMP.matcher(n.substring(stem.length())).matches())
          .sorted(Comparator.reverseOrder())
          .map(folder::resolve)
          .filter(out -> sameRun(out, c))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameRun(Path out, RunConfig c) {
    try {
      if (!c.model().equals(Journal.model(Journal.pathFor(out)))) {
        return false;
      }
      if (!Files.exists(out)) {
        return true; // killed: only the journal, which names the model
      }
      // One result at a time: an unfinished run's file may hold answers of many megabytes each.
      RunMetadata m = ResultFiles.scan(out, (r, span) -> { }).metadata();
      JsonNode request = m.extra().getOrDefault(ResultSchema.Metadata.REQUEST, JsonNodeFactory.instance.objectNode());
      JsonNode blocks = request.path(ResultSchema.Request.BLOCKS);
      JsonNode repeats = m.extra().get(ResultSchema.Metadata.REPEATS);
      return c.model().equals(m.model())
          && c.baseUrl().toString().equals(m.baseUrl())
          && c.imageMode().wireName().equals(m.imageMode())
          && Objects.equals(c.extraBody(), m.extraBody() == null || m.extraBody().isNull() ? null : m.extraBody())
          && c.blocks().equals(texts(blocks))
          && (repeats == null ? 1 : repeats.asInt()) == c.repeats();
    } catch (RuntimeException e) {
      return false; // not a run this command could continue (unreadable, another model): start a new one
    }
  }

  /** The texts of a JSON array; empty for null or a missing field (the whole exam). */
  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
