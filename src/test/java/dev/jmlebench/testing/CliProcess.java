package dev.jmlebench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The CLI as a real process (to kill it, or to send it the signal Ctrl-C sends), and what its journals hold. */
public final class CliProcess {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CliProcess() {}

  /** This JVM's java with the test's own classpath, running the CLI's main class; output to {@code log}. */
  public static Process start(List<String> args, Path log) throws IOException {
    return start(Path.of("").toAbsolutePath(), args, log);
  }

  /** As {@link #start(List, Path)}, in {@code workDir} (for commands that find files relative to it). */
  public static Process start(Path workDir, List<String> args, Path log) throws IOException {
    return start(workDir, List.of(), args, log, java.util.Map.of());
  }

  /** As {@link #start(Path, List, Path)}, with these environment variables set (an empty value unsets one). */
  public static Process start(Path workDir, List<String> args, Path log, java.util.Map<String, String> env)
      throws IOException {
    return start(workDir, List.of(), args, log, env);
  }

  /** As {@link #start(Path, List, Path)}, with options for the JVM ({@code -Xmx128m}, say). */
  public static Process start(Path workDir, List<String> jvmOptions, List<String> args, Path log) throws IOException {
    return start(workDir, jvmOptions, args, log, java.util.Map.of());
  }

  private static Process start(Path workDir, List<String> jvmOptions, List<String> args, Path log,
      java.util.Map<String, String> env) throws IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", cp, Main.class.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    env.forEach((k, v) -> {
      if (v.isEmpty()) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    return pb.start();
  }

  /** Question ids of the complete result lines in a journal, in order; empty when there is no journal. */
  public static List<String> journaled(Path journal) throws IOException {
    List<String> ids = new ArrayList<>();
    if (!Files.exists(journal)) {
      return ids;
    }
    String text = Files.readString(journal);
    String complete = text.substring(0, text.lastIndexOf('\n') + 1);
    for (String line : complete.split("\n")) {
      JsonNode node = line.isEmpty() ? null : JSON.readTree(line);
      if (node != null && node.has("question_id")) {
        ids.add(node.get("question_id").asText());
      }
    }
    return ids;
  }

  /** Waits until the journal holds {@code lines} answers, while the process runs, for at most {@code patience}. */
  public static void waitForJournal(Path journal, int lines, Process p, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (journaled(journal).size() < lines) {
      assertThat(p.isAlive()).as("the run is still going").isTrue();
      assertThat(System.nanoTime()).as("journal filled in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
