package dev.jmlebench.suite;

import dev.jmlebench.dataset.Dataset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code suite status}: done, partial (answered/total) or missing, per entry. */
public final class SuiteStatus {
  private SuiteStatus() {}

  /** Each entry counted against its own exam's questions ({@code datasets} by exam id). */
  public static List<EntryState> of(List<SuiteEntry> entries, Map<String, Dataset> datasets) {
    return entries.stream().map(e -> EntryState.of(e, datasets.get(e.exam()))).toList();
  }

  /** The exams the entries sit, in the order of their first entry. */
  public static List<String> exams(List<SuiteEntry> entries) {
    return entries.stream().map(SuiteEntry::exam).distinct().toList();
  }

  public static String render(Suite suite, List<EntryState> states) {
    int width = states.stream().mapToInt(s -> s.entry().name().length()).max().orElse(4);
    StringBuilder sb = new StringBuilder();
    states.forEach(s -> sb.append(s.line(width)).append("\n"));
    Map<EntryState.Kind, Long> counts = states.stream()
        .collect(Collectors.groupingBy(EntryState::kind, () -> new EnumMap<>(EntryState.Kind.class),
            Collectors.counting()));
    sb.append(suite.file()).append(": ").append(String.join(", ", counts.entrySet().stream()
        .map(c -> c.getValue() + " " + c.getKey().word()).toList())).append("\n");
    return sb.toString();
  }

  /** Whether every entry is done. */
  public static boolean allDone(List<EntryState> states) {
    return states.stream().allMatch(s -> s.kind() == EntryState.Kind.DONE);
  }
}
