package dev.jmlebench.dataset;

import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pinned upstream commit and the SHA-256 of every file fetched from it, in {@code sha256sum} format. The
 * dataset's copy bundled with the jar is the one in {@code ../shared/jmle2026/MANIFEST.sha256}; the published
 * result files the tests read have a manifest of their own ({@link #PUBLISHED_RESULTS}), so a user's
 * {@code dataset download} fetches only the dataset.
 */
public record Manifest(String repository, String commit, List<Entry> entries) {
  private static final Pattern HEADER = Pattern.compile("#\\s*upstream:\\s*(\\S+)\\s*@\\s*([0-9a-f]{40})\\s*");
  private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S.*)");
  private static final String BUNDLED = "jmle2026.manifest.sha256";
  /** The published result files of the dataset's upstream, at the same commit. */
  public static final String PUBLISHED_RESULTS = "jmle2026-results.manifest.sha256";

  /** One file of the dataset, by its path relative to the dataset folder. */
  public record Entry(String sha256, String path) {}

  public Manifest {
    entries = List.copyOf(entries);
  }

  /** The dataset's manifest. */
  public static Manifest bundled() {
    return bundled(BUNDLED);
  }

  /** A manifest bundled with the jar, by its resource name beside this class. */
  public static Manifest bundled(String name) {
    try (InputStream in = Manifest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Manifest parse(String text, String name) {
    String repository = null;
    String commit = null;
    List<Entry> entries = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        repository = h.group(1);
        commit = h.group(2);
        continue;
      }
      if (line.startsWith("#")) {
        continue; // a comment
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches() || m.group(2).contains("..")) {
        throw new UserError(name + ": line " + lineNo + " is not '<sha256>  <path>'");
      }
      entries.add(new Entry(m.group(1), m.group(2)));
    }
    if (commit == null) {
      throw new UserError(name + ": no '# upstream: REPO @ COMMIT' line");
    }
    return new Manifest(repository, commit, entries);
  }

  public Upstream upstream() {
    return Upstream.of(repository, commit);
  }

  /** Where the pinned files are fetched from: $JMLE_BENCH_MIRROR when set, else raw GitHub at the commit. */
  public String defaultSource() {
    return upstream().source();
  }
}
