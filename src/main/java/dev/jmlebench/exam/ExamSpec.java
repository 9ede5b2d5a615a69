package dev.jmlebench.exam;

import dev.jmlebench.common.UserError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One exam as data ({@code exam/<id>/exam.json}): where its questions come from, its blocks and their
 * points, and its answer-key editions. Read by {@link Exams}.
 *
 * @param sourceRepository the upstream repository of the dataset
 * @param sourceCommit the commit the dataset download is pinned to
 * @param sourceManifest the bundled SHA-256 manifest of the upstream files a download fetches (a resource)
 * @param sourceFormat the upstream's layout, naming the converter that reads it ({@code jmle2026-bench},
 *     {@code igakuqa119})
 * @param editions the editions by name, in the order the exam lists them
 */
public record ExamSpec(
    String id,
    String title,
    String held,
    String sourceRepository,
    String sourceCommit,
    String sourceManifest,
    String sourceFormat,
    List<Block> blocks,
    Map<String, Edition> editions,
    String defaultEdition) {

  public ExamSpec {
    blocks = List.copyOf(blocks);
    editions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editions));
    if (!editions.containsKey(defaultEdition)) {
      throw new IllegalArgumentException("default_edition '" + defaultEdition + "' is not one of " + editions.keySet());
    }
  }

  /**
   * The questions whose gold letters are alternatives in some edition (either one is correct): the dataset
   * asks for one letter of them.
   */
  public Set<String> alternativeAnswers() {
    Set<String> ids = new TreeSet<>();
    editions.values().forEach(e -> ids.addAll(e.acceptedAlternatives().keySet()));
    return ids;
  }

  public Optional<Block> block(String name) {
    return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The edition called {@code name}; an unknown name is the user's mistake, named with the choices. */
  public Edition edition(String name) {
    Edition e = editions.get(name);
    if (e == null) {
      throw new UserError("--key " + name + ": unknown answer key of the " + id + "th exam; choose one of "
          + String.join(", ", editions.keySet()) + " (or give an edition file, *.json)");
    }
    return e;
  }
}
