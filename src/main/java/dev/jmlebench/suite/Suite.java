package dev.jmlebench.suite;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.jmlebench.common.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A suite file read and checked: the runs it holds, the folder whose leaderboard they make, and the README
 * whose tables show it, if it names one.
 *
 * @param results the folder of result files an entry writes by default, and whose leaderboard is rebuilt
 * @param readme the README whose leaderboard tables a finished suite rebuilds, or null
 */
public record Suite(Path file, Path results, Path readme, List<SuiteEntry> entries) {
  public Suite {
    entries = List.copyOf(entries);
  }

  /**
   * The suite with every run sent to another server (e.g. a mock server standing in for all of them).
   *
   * @param what how an error names the value, e.g. {@code --base-url}
   */
  public Suite withBaseUrl(String url, String what) {
    Object checked;
    try {
      checked = SuiteField.BASE_URL.read(TextNode.valueOf(url));
    } catch (SuiteField.Invalid e) {
      throw new UserError(what + " " + e.getMessage());
    }
    return new Suite(file, results, readme, entries.stream().map(e -> e.with(SuiteField.BASE_URL, checked)).toList());
  }

  /** The entries {@code --only} names, in file order; all of them for an empty list. */
  public List<SuiteEntry> select(List<String> names) {
    if (names == null || names.isEmpty()) {
      return entries;
    }
    Map<String, SuiteEntry> byName = entries.stream()
        .collect(Collectors.toMap(SuiteEntry::name, Function.identity()));
    Set<String> wanted = new LinkedHashSet<>();
    for (String n : names) {
      String name = n.strip();
      if (!name.isEmpty() && !byName.containsKey(name)) {
        throw new UserError("--only: " + file + " has no run named '" + name + "' (its runs: "
            + String.join(", ", entries.stream().map(SuiteEntry::name).toList()) + ")");
      }
      wanted.add(name);
    }
    List<SuiteEntry> chosen = new ArrayList<>();
    entries.stream().filter(e -> wanted.contains(e.name())).forEach(chosen::add);
    return chosen;
  }
}
