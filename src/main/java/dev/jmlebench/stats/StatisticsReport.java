package dev.jmlebench.stats;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Ratio;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plain-text forms of the statistics, for {@code summary} and {@code compare}. */
public final class StatisticsReport {
  private StatisticsReport() {}

  /**
   * The statistics of a result file as {@code summary} prints them after its report. {@code summary} reads a
   * file's own summary and works on files whose questions it cannot place, so such a file gets a line
   * saying why instead of an error.
   */
  public static String forSummary(ResultFile file, ExamCriteria criteria, Dataset dataset, String source) {
    if (file.results().isEmpty()) {
      return "  95% CI     none: the file has no results\n";
    }
    ScoredRun run;
    try {
      run = ScoredRun.of(file, criteria, dataset, source);
    } catch (UserError e) {
      return "  95% CI     not computed: " + e.getMessage() + "\n";
    }
    return run(RunStatistics.of(run, criteria, Bootstrap.DEFAULT), criteria);
  }

  /** Lines to follow a run's summary report, in its layout (two-space indent, 11-character labels). */
  public static String run(RunStatistics s, ExamCriteria criteria) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "  95%% CI     score %d–%d (%s–%s)   accuracy %s–%s (bootstrap), %s–%s (Wilson)%n",
        s.scoreCi().lower(), s.scoreCi().upper(), pct(s.scorePctCi().lower()), pct(s.scorePctCi().upper()),
        pct(s.accuracyBootstrap().lower()), pct(s.accuracyBootstrap().upper()),
        pct(s.accuracyWilson().lower()), pct(s.accuracyWilson().upper())));
    if (s.passProbability() == null) {
      sb.append("  P(pass)    not judged (not a full exam)\n");
    } else {
      sb.append(String.format(Locale.ROOT, "  P(pass)    %.4f   (share of resamples in which %s)%n",
          s.passProbability(), s.prohibitedJudged()
              ? "all three criteria hold; prohibited choices as " + criteria.prohibitedAnnotation()
              : "both criteria hold"));
    }
    sb.append("  Bootstrap  ").append(describe(s.bootstrap())).append('\n');
    return sb.toString();
  }

  public static String compare(PairedComparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("A  ").append(identity(c.a())).append('\n');
    sb.append("B  ").append(identity(c.b())).append('\n');
    sb.append(String.format(Locale.ROOT, "Questions both answered  %d%n", c.questions()));
    sb.append(String.format(Locale.ROOT, "Score        A %s   B %s   A-B %s points, 95%% CI %s%n",
        fraction(c.aScore(), c.scoreMax()), fraction(c.bScore(), c.scoreMax()), signed(c.scoreDifference()),
        signed(c.differenceCi())));
    sb.append(String.format(Locale.ROOT, "Accuracy     A %s   B %s%n",
        fraction(c.aCorrect(), c.questions()), fraction(c.bCorrect(), c.questions())));
    sb.append(String.format(Locale.ROOT, "Discordant   A right/B wrong %d   A wrong/B right %d   exact McNemar p = %s%n",
        c.aOnly(), c.bOnly(), p(c.mcnemarP())));
    sb.append("Bootstrap    paired, ").append(describe(c.bootstrap())).append('\n');
    sb.append("By block     points of A vs B on the questions both answered\n");
    for (PairedComparison.BlockDifference d : c.byBlock()) {
      sb.append(String.format(Locale.ROOT, "  %-3s %3d/%-3d vs %3d/%-3d  %4s%n",
          d.block(), d.aScore(), d.scoreMax(), d.bScore(), d.scoreMax(), signed(d.difference())));
    }
    sb.append(String.format(Locale.ROOT, "Questions where they differ (%d)%n", c.differing().size()));
    for (PairedComparison.Discordant d : c.differing()) {
      sb.append(String.format(Locale.ROOT, "  %-9s %d pt  %s right   A %-7s B %-7s gold %s%n",
          d.questionId(), d.a().maxPoints(), d.rightRun(), answer(d.a().predicted()), answer(d.b().predicted()),
          answer(d.a().gold())));
    }
    return sb.toString();
  }

  /**
   * {@code compare --all} over a folder: one exam as {@link #compareAll(AllPairs)} prints it; several exams each
   * under a heading naming it, newest first, then the exams with one run, which have nothing to be compared with.
   */
  public static String compareAll(ExamsCompared compared) {
    StringWriter text = new StringWriter();
    compareAll(compared, new PrintWriter(text));
    return text.toString();
  }

  /**
   * As {@link #compareAll(ExamsCompared)}, line by line into {@code out}: a folder of hundreds of runs has tens of
   * thousands of pairs per exam, printed without holding the whole text.
   */
  public static void compareAll(ExamsCompared compared, PrintWriter out) {
    if (compared.isOneExam()) {
      compareAll(compared.compared().values().iterator().next(), out);
      out.flush();
      return;
    }
    boolean first = true;
    for (Map.Entry<String, AllPairs> e : compared.compared().entrySet()) {
      out.print((first ? "" : "\n") + "== The " + ExamOrdinal.of(e.getKey()) + " exam: "
          + e.getValue().ranking().size() + " runs compared among themselves ==\n");
      compareAll(e.getValue(), out);
      first = false;
    }
    for (Map.Entry<String, ScoredRun> e : compared.alone().entrySet()) {
      out.print((first ? "" : "\n") + "== The " + (e.getKey().isEmpty() ? "unknown" : ExamOrdinal.of(e.getKey()))
          + " exam: one run, nothing to compare it with: " + identity(e.getValue()) + " ==\n");
      first = false;
    }
    out.flush();
  }

  public static String compareAll(AllPairs all) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    compareAll(all, out);
    out.flush();
    return text.toString();
  }

  private static void compareAll(AllPairs all, PrintWriter out) {
    List<ScoredRun> ranking = all.ranking();
    int width = ranking.stream().mapToInt(r -> r.name().length()).max().orElse(4);
    out.print("Ranking by score\n");
    for (int i = 0; i < ranking.size(); i++) {
      ScoredRun r = ranking.get(i);
      out.print(String.format(Locale.ROOT, "  %2d  %-" + width + "s  %s  %s%n", i + 1, r.name(),
          fraction(r.score(), r.scoreMax()), r.source()));
    }
    out.print(String.format(Locale.ROOT, "%nPairs (A above B; exact McNemar p, Holm-adjusted over %d pairs; A-B in points "
        + "with its 95%% paired-bootstrap CI)%n", all.pairs().size()));
    String row = "  %-" + width + "s  %-" + width + "s  %5d %5d  %4s  %-11s %-8s %s%n";
    out.print(String.format(Locale.ROOT, "  %-" + width + "s  %-" + width + "s  %5s %5s  %4s  %-11s %-8s %s%n",
        "A", "B", "A✓B✗", "A✗B✓", "A-B", "95% CI", "p", "Holm p"));
    for (AllPairs.Pair pair : all.pairs()) {
      PairFigures c = pair.figures();
      out.print(String.format(Locale.ROOT, row, pair.runA().name(), pair.runB().name(), c.aOnly(), c.bOnly(),
          signed(c.scoreDifference()), signed(c.differenceCi()), p(c.mcnemarP()), p(pair.holmP())));
    }
    out.print(String.format(Locale.ROOT, "%nNeighbours (distinguishable when Holm p ≤ %.2f)%n", AllPairs.ALPHA));
    for (AllPairs.Pair pair : all.neighbours()) {
      out.print(String.format(Locale.ROOT, "  %2d–%-2d %s vs %s: Holm p %s, %s%n", pair.a() + 1, pair.b() + 1,
          pair.runA().name(), pair.runB().name(), p(pair.holmP()),
          pair.distinguishable() ? "distinguishable" : "not distinguishable"));
    }
    out.print("Bootstrap  paired, " + describe(all.bootstrap()) + "\n");
  }

  private static String describe(Bootstrap b) {
    return String.format(Locale.ROOT, "stratified by part and points, serial groups resampled whole, %,d resamples, seed %d, percentile method",
        b.resamples(), b.seed());
  }

  private static String identity(ScoredRun r) {
    return r.name() + " (" + r.model() + ")  " + r.source();
  }

  private static String fraction(int n, int d) {
    return String.format(Locale.ROOT, "%d/%d (%s)", n, d, Percent.format(Ratio.of(n, d)));
  }

  private static String pct(double ratio) {
    return Percent.format(Ratio.round4(ratio));
  }

  private static String signed(PointInterval i) {
    return "[" + signed(i.lower()) + ", " + signed(i.upper()) + "]";
  }

  private static String signed(int v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%+d", v);
  }

  private static String p(double p) {
    return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String answer(List<String> letters) {
    return letters.isEmpty() ? "-" : String.join(",", letters);
  }
}
