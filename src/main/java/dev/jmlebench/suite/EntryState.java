package dev.jmlebench.suite;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.runner.SavedRun;

/**
 * Where one entry stands on disk, as a resume would count it: done, partial (answered of total), missing,
 * or unreadable (its result file or journal has a fault, said in {@code problem}).
 */
public record EntryState(SuiteEntry entry, Kind kind, int answered, int total, String problem) {
  public enum Kind {
    DONE, PARTIAL, MISSING, UNREADABLE;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static EntryState of(SuiteEntry e, Dataset dataset) {
    try {
      SavedRun saved = SavedRun.of(e.out(), e.spec(), dataset);
      Kind kind = saved.complete() ? Kind.DONE : saved.started() ? Kind.PARTIAL : Kind.MISSING;
      return new EntryState(e, kind, saved.answered(), saved.total(), null);
    } catch (UserError fault) {
      return new EntryState(e, Kind.UNREADABLE, 0, 0, fault.getMessage());
    }
  }

  /** "done      gpt-5.2   400/400  results/gpt-5.2.json" */
  String line(int nameWidth) {
    String counts = kind == Kind.UNREADABLE ? problem : answered + "/" + total + "  " + entry.out();
    return String.format("%-10s %-" + nameWidth + "s  %s", kind.word(), entry.name(), counts);
  }
}
