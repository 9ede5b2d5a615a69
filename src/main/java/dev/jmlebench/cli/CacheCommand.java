package dev.jmlebench.cli;

import dev.jmlebench.cache.CacheFolder;
import dev.jmlebench.cache.ResponseCache;
import dev.jmlebench.common.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cache stats | prune}: the response cache of {@code run --cache}. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = "Look into or clear out the response cache of 'run --cache'.",
    subcommands = {CacheCommand.Stats.class, CacheCommand.Prune.class})
final class CacheCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static Path directory(Path given) {
    return given != null ? given : ResponseCache.defaultDirectory();
  }

  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "How many replies the cache holds, their size, and when the oldest and newest were stored.")
  static final class Stats implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR",
        description = "The cache. Default: $XDG_CACHE_HOME/jmle-bench/responses (~/.cache/...).")
    Path dir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Path d = directory(dir);
      CacheFolder.Stats s = CacheFolder.stats(d);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%s: %,d replies, %,d bytes%s%n", d, s.entries(), s.bytes(),
          s.entries() == 0 ? "" : ", stored " + s.oldest() + " to " + s.newest());
      out.flush();
      return Main.OK;
    }
  }

  @Command(name = "prune", mixinStandardHelpOptions = true,
      description = "Remove the replies stored more than --older-than days ago, or all with --all. Only the "
          + "cache's own entries go, and only from a folder 'run --cache' marked as its cache (CACHEDIR.TAG); "
          + "any other folder is refused, with nothing removed.")
  static final class Prune implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR",
        description = "The cache. Default: $XDG_CACHE_HOME/jmle-bench/responses (~/.cache/...).")
    Path dir;

    @Option(names = "--older-than", paramLabel = "DAYS", defaultValue = "30",
        description = "Age in days above which a reply is removed. Default: ${DEFAULT-VALUE}")
    double days;

    @Option(names = "--all", description = "Remove every reply.")
    boolean all;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (!(days >= 0) || Double.isInfinite(days)) {
        throw new UserError("--older-than: should be a number of days, 0 or more, not " + days);
      }
      Path d = directory(dir);
      Instant before = all ? null : Instant.now().minus(Duration.ofSeconds((long) (days * 86_400)));
      int removed = CacheFolder.prune(d, before);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%s: removed %,d replies%s; %,d left%n", d, removed,
          all ? "" : " stored more than " + days + " days ago", CacheFolder.stats(d).entries());
      out.flush();
      return Main.OK;
    }
  }
}
