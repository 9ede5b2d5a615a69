package dev.jmlebench.cli;

import dev.jmlebench.viewer.ReportWriter;
import dev.jmlebench.viewer.ViewerSite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report --out DIR}: the viewer as a static site. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the results viewer as a static site: the same pages as 'serve', with the data and "
        + "the clinical images copied in. Open DIR/index.html from disk or put DIR on any static host. "
        + "An exam of more than 40 runs keeps every pair's counts and p-value in its matrix, and the details "
        + "(interval, differing questions) of leaderboard neighbours only; 'serve' computes any pair when asked.",
        "DIR must be new, empty or an earlier report (which is replaced whole once the new one is complete)."})
final class ReportCommand implements Callable<Integer> {
  @Mixin ViewerSource source;
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the site into.")
  Path out;

  @Override
  public Integer call() {
    ViewerSite site = source.load(spec.commandLine().getErr());
    ReportWriter.Written w = ReportWriter.write(site, out);
    PrintWriter pw = spec.commandLine().getOut();
    site.skipped().forEach(s -> pw.println("skipped " + s.file() + ": " + s.reason()));
    pw.printf("Wrote %s: %s, %d documents in %d data files, %d images, %.1f MB. Open %s%n",
        w.folder(), site.runsText(), w.documents(), w.scripts(), w.images(), w.bytes() / 1e6,
        w.folder().resolve("index.html").toUri());
    pw.flush();
    return Main.OK;
  }
}
