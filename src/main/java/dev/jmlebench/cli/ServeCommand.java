package dev.jmlebench.cli;

import dev.jmlebench.viewer.LiveFolder;
import dev.jmlebench.viewer.ViewerSite;
import dev.jmlebench.viewer.ViewerServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the results viewer in the browser, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the results viewer: the leaderboard with 95%% confidence intervals and pass "
        + "probabilities, each model's answers with reasoning and raw responses, each question across models, "
        + "the hardest questions, and which pairs of models differ beyond noise.",
        "A folder may hold result files of several exams: each exam is graded by its own answer key and criteria "
        + "(--dataset once per exam, as for 'leaderboard'), the pages switch between the exams, and a model × exam "
        + "table sets each model's exams side by side.",
        "Follows the folder: a new or rewritten result file appears without a restart, and a run under way "
        + "shows its progress (from the journal beside its result file). Listens at once and reads the folder "
        + "meanwhile: until it is read, the pages show the files read so far, labelled partial.",
        "Listens on loopback only unless --host says otherwise; serves nothing but the pages, the data and "
        + "the dataset's clinical images. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
  @Mixin ViewerSource source;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8501",
      description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 opens the viewer to the network. Default: ${DEFAULT-VALUE}")
  String host;

  /** How long serve waits for its folder's first file before it listens all the same. */
  private static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(5);

  @Override
  public Integer call() throws InterruptedException {
    if (port != 0) {
      ViewerServer.checkCanListen(host, port);
    }
    // Listens at once and reads the folder meanwhile (a lab's thousands of files take minutes): the pages show
    // the files read so far, labelled partial. The first file tells whether --key and --dataset suit its exam.
    long t0 = System.nanoTime();
    LiveFolder folder = source.follow();
    folder.awaitStart(START_WAIT);
    ViewerServer server = ViewerServer.start(folder, host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      folder.close();
      server.close();
    }));
    PrintWriter out = spec.commandLine().getOut();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    out.println("Viewing " + source.results + " at http://" + shown + ":" + server.port() + "/  (Ctrl-C to stop)");
    out.flush();
    int runs = folder.awaitRead();
    ViewerSite site = folder.site();
    if (site != null) {
      site.skipped().forEach(s -> out.println("skipped " + s.file() + ": " + s.reason()));
    }
    out.printf(java.util.Locale.ROOT, "Read %s in %.1f s%n", site == null ? runs + " result files" : site.runsText(),
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    source.read(spec.commandLine().getErr());
    folder.follow(LiveFolder.EVERY);
    new CountDownLatch(1).await();
    return Main.OK;
  }
}
